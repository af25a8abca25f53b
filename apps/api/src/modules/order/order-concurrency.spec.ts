import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOrderingMarket, type OrderingMarket } from "../../test/order-fixtures";
import { clearOrders, type OrderAnswer, place, shopAs } from "../../test/order-operations";
import { startTestApi, type TestApi } from "../../test/test-api";

let t: TestApi;
let market: OrderingMarket;

beforeAll(async () => {
  t = await startTestApi("order_race", {
    prepare: async (ds) => void (market = await createOrderingMarket(ds, 50)),
  });
});
afterAll(() => t?.close());
beforeEach(() => clearOrders(t.dataSource));

/** Units of eggs available, read from the table as any other transaction would see them. */
async function eggsAvailable(): Promise<number> {
  const [row] = (await t.dataSource.query(
    "SELECT quantity_total - quantity_reserved AS available FROM offers WHERE id = $1",
    [market.eggs.id],
  )) as [{ available: number }];
  return row.available;
}

/** Fires `calls` at once; meanwhile samples availability until they are all answered. */
async function raceWhileWatching(calls: (() => Promise<OrderAnswer>)[]) {
  let done = false;
  const seen: number[] = [];
  const watcher = (async () => {
    while (!done) seen.push(await eggsAvailable());
  })();
  const answers = await Promise.all(calls.map((call) => call()));
  done = true;
  await watcher;
  return { answers, lowestSeen: Math.min(...seen, await eggsAvailable()) };
}

function oneEgg(key = randomUUID()) {
  return {
    orderCycleId: market.cycle.id,
    pickupPointId: market.pickupPoint.id,
    lines: [{ offerId: market.eggs.id, quantity: 1 }],
    idempotencyKey: key,
  };
}

function tally(answers: OrderAnswer[]) {
  const count = (name: string) => answers.filter((a) => a.__typename === name).length;
  return { orders: count("Order"), insufficient: count("InsufficientStockError") };
}

describe("50 households race for the last 10 jin of eggs", () => {
  it.each([1, 2, 3, 4, 5])(
    "round %i: exactly 10 orders succeed, 40 are told stock is short, availability ends at 0",
    async () => {
      expect(await eggsAvailable()).toBe(10);
      const { answers, lowestSeen } = await raceWhileWatching(
        market.consumers.map((c) => () => place(shopAs(t, c.token), oneEgg())),
      );
      expect(tally(answers)).toEqual({ orders: 10, insufficient: 40 });
      const refused = answers.filter((a) => a.__typename === "InsufficientStockError");
      expect(new Set(refused.map((a) => a.quantityAvailable))).toEqual(new Set([0]));
      expect(await eggsAvailable()).toBe(0);
      expect(lowestSeen).toBe(0); // never below zero, whoever looked
      const [rows] = (await t.dataSource.query(
        `SELECT count(*)::int AS orders, coalesce(sum(l.quantity), 0)::int AS units
           FROM orders o JOIN order_lines l ON l.order_id = o.id`,
      )) as [{ orders: number; units: number }];
      expect(rows).toEqual({ orders: 10, units: 10 });
    },
  );
});

describe("one household sends 50 different orders at once", () => {
  it.each([1, 2, 3, 4, 5])("round %i: 10 succeed, 40 are short, none oversold", async () => {
    const consumer = market.consumers[0]!;
    const { answers, lowestSeen } = await raceWhileWatching(
      Array.from({ length: 50 }, () => () => place(shopAs(t, consumer.token), oneEgg())),
    );
    expect(tally(answers)).toEqual({ orders: 10, insufficient: 40 });
    expect(await eggsAvailable()).toBe(0);
    expect(lowestSeen).toBe(0);
  });
});
