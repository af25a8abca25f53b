import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOrderingMarket, type OrderingMarket } from "../../test/order-fixtures";
import {
  CANCEL_ORDER,
  CHANGE_ORDER,
  clearOrders,
  type OrderAnswer,
  orderRowCounts,
  place,
  reservedOf,
  shopAs,
} from "../../test/order-operations";
import { startTestApi, type TestApi } from "../../test/test-api";

let t: TestApi;
let market: OrderingMarket;

beforeAll(async () => {
  t = await startTestApi("change_order", {
    prepare: async (ds) => void (market = await createOrderingMarket(ds, 2)),
  });
});
afterAll(() => t?.close());
beforeEach(async () => {
  await clearOrders(t.dataSource);
  await t.dataSource.query(
    "UPDATE order_cycles SET state = 'OPEN', closes_at = now() + interval '1 day' WHERE id = $1",
    [market.cycle.id],
  );
});

const alice = () => shopAs(t, market.consumers[0]!.token);
const bob = () => shopAs(t, market.consumers[1]!.token);

/** Alice orders 4 jin of eggs and 2 bags of walnuts: 4 × 1600 + 2 × 3550 = 6400 + 7100 = 13500. */
async function alicesOrder(): Promise<string> {
  const order = await place(alice(), {
    orderCycleId: market.cycle.id,
    pickupPointId: market.pickupPoint.id,
    lines: [
      { offerId: market.eggs.id, quantity: 4 },
      { offerId: market.walnuts.id, quantity: 2 },
    ],
    idempotencyKey: randomUUID(),
  });
  expect(order.totalFen).toBe(13500);
  return order.id!;
}

async function change(
  orderId: string,
  lines: { offerId: string; quantity: number }[],
  client = alice(),
): Promise<OrderAnswer> {
  return (await client.data<{ changeOrder: OrderAnswer }>(CHANGE_ORDER, { orderId, lines }))
    .changeOrder;
}

async function cancel(orderId: string, client = alice()): Promise<OrderAnswer> {
  return (await client.data<{ cancelOrder: OrderAnswer }>(CANCEL_ORDER, { orderId })).cancelOrder;
}

describe("changing an order while the cycle is open", () => {
  it("raises, lowers, adds and removes lines, moving only the difference of stock", async () => {
    const orderId = await alicesOrder();
    const answer = await change(orderId, [
      { offerId: market.eggs.id, quantity: 6 }, // 4 → 6: two more reserved
      { offerId: market.walnuts.id, quantity: 0 }, // removed: 2 released
      { offerId: market.millet.id, quantity: 1 }, // added
    ]);
    // eggs 6 × 1600 = 9600; millet 1 × 4200 = 4200; total 13800 fen
    expect(answer.__typename).toBe("Order");
    expect(answer.totalFen).toBe(13800);
    expect(answer.lines?.map((l) => [l.offerId, l.quantity, l.lineTotalFen]).sort()).toEqual(
      [
        [market.eggs.id, 6, 9600],
        [market.millet.id, 1, 4200],
      ].sort(),
    );
    expect(await reservedOf(t.dataSource, market.eggs.id)).toBe(6);
    expect(await reservedOf(t.dataSource, market.walnuts.id)).toBe(0);
    expect(await reservedOf(t.dataSource, market.millet.id)).toBe(1);

    const lowered = await change(orderId, [{ offerId: market.eggs.id, quantity: 1 }]);
    // eggs 1 × 1600 + millet 4200 = 5800 fen; 6 − 1 = 5 eggs released
    expect(lowered.totalFen).toBe(5800);
    expect(await reservedOf(t.dataSource, market.eggs.id)).toBe(1);
  });

  it("refuses to raise a line beyond what is left, changing nothing", async () => {
    const orderId = await alicesOrder();
    await place(bob(), {
      orderCycleId: market.cycle.id,
      pickupPointId: market.pickupPoint.id,
      lines: [{ offerId: market.eggs.id, quantity: 5 }],
      idempotencyKey: randomUUID(),
    });
    const before = await orderRowCounts(t.dataSource);
    // 10 − 4 (Alice) − 5 (Bob) = 1 left; Alice asks for 4 → 7, i.e. 3 more
    const answer = await change(orderId, [
      { offerId: market.walnuts.id, quantity: 3 },
      { offerId: market.eggs.id, quantity: 7 },
    ]);
    expect(answer).toMatchObject({
      __typename: "InsufficientStockError",
      offerId: market.eggs.id,
      quantityAvailable: 1,
    });
    expect(await orderRowCounts(t.dataSource)).toEqual(before);
    expect(await reservedOf(t.dataSource, market.walnuts.id)).toBe(2);
  });

  it("refuses a negative quantity and a change that would leave the order empty", async () => {
    const orderId = await alicesOrder();
    expect(await change(orderId, [{ offerId: market.eggs.id, quantity: -1 }])).toMatchObject({
      __typename: "InvalidQuantityError",
    });
    expect(
      await change(orderId, [
        { offerId: market.eggs.id, quantity: 0 },
        { offerId: market.walnuts.id, quantity: 0 },
      ]),
    ).toMatchObject({ __typename: "InvalidInputError", errorCode: "INVALID_INPUT" });
    expect(await reservedOf(t.dataSource, market.eggs.id)).toBe(4);
    expect(await reservedOf(t.dataSource, market.walnuts.id)).toBe(2);
  });

  it("refuses a change above the per-order maximum", async () => {
    const orderId = await alicesOrder();
    expect(await change(orderId, [{ offerId: market.walnuts.id, quantity: 4 }])).toMatchObject({
      __typename: "InvalidQuantityError",
      quantity: 4,
      maxPerOrder: 3,
    });
    expect(await reservedOf(t.dataSource, market.walnuts.id)).toBe(2);
  });
});

describe("cancelling an order", () => {
  it("cancels it and gives all its stock back", async () => {
    const orderId = await alicesOrder();
    const answer = await cancel(orderId);
    expect(answer).toMatchObject({ __typename: "Order", state: "CANCELLED" });
    expect(await reservedOf(t.dataSource, market.eggs.id)).toBe(0);
    expect(await reservedOf(t.dataSource, market.walnuts.id)).toBe(0);
  });

  it("cannot cancel twice or change a cancelled order", async () => {
    const orderId = await alicesOrder();
    await cancel(orderId);
    expect(await cancel(orderId)).toMatchObject({
      __typename: "OrderNotEditableError",
      errorCode: "ORDER_NOT_EDITABLE",
    });
    expect(await change(orderId, [{ offerId: market.eggs.id, quantity: 1 }])).toMatchObject({
      __typename: "OrderNotEditableError",
    });
    expect(await reservedOf(t.dataSource, market.eggs.id)).toBe(0);
  });
});

describe("after the cycle closes", () => {
  it("refuses both change and cancel, keeping the stock reserved", async () => {
    const orderId = await alicesOrder();
    await t.dataSource.query("UPDATE order_cycles SET closes_at = now() WHERE id = $1", [
      market.cycle.id,
    ]);
    expect(await change(orderId, [{ offerId: market.eggs.id, quantity: 1 }])).toMatchObject({
      __typename: "CycleNotOpenError",
    });
    expect(await cancel(orderId)).toMatchObject({ __typename: "CycleNotOpenError" });
    expect(await reservedOf(t.dataSource, market.eggs.id)).toBe(4);
  });
});

describe("someone else's order", () => {
  it("is not found, exactly like an id that does not exist, and is left alone", async () => {
    const orderId = await alicesOrder();
    const lines = [{ offerId: market.eggs.id, quantity: 1 }];
    const theirs = await change(orderId, lines, bob());
    const unknown = await change(randomUUID(), lines, bob());
    expect(theirs).toEqual(unknown);
    expect(theirs).toMatchObject({ __typename: "NotFoundError", message: "找不到这个订单。" });
    expect(await cancel(orderId, bob())).toEqual(await cancel(randomUUID(), bob()));
    expect(await reservedOf(t.dataSource, market.eggs.id)).toBe(4);
  });
});
