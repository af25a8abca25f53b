import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOrderingMarket, type OrderingMarket } from "../../test/order-fixtures";
import { clearOrders, orderRowCounts, place, shopAs } from "../../test/order-operations";
import { startTestApi, type TestApi } from "../../test/test-api";

// order-window-tz.spec.ts runs this file again under TZ=Asia/Shanghai, UTC and
// America/Los_Angeles: the window is decided by the database clock, so the answers must not move.

let t: TestApi;
let market: OrderingMarket;

beforeAll(async () => {
  t = await startTestApi("order_window", {
    prepare: async (ds) => void (market = await createOrderingMarket(ds, 1)),
  });
});
afterAll(() => t?.close());
beforeEach(() => clearOrders(t.dataSource));

/** Moves the cycle's window, with both ends given as SQL relative to the database's now(). */
async function setWindow(opensAt: string, closesAt: string): Promise<void> {
  await t.dataSource.query(
    `UPDATE order_cycles SET opens_at = ${opensAt}, closes_at = ${closesAt} WHERE id = $1`,
    [market.cycle.id],
  );
}

function orderOneEgg() {
  return place(shopAs(t, market.consumers[0]!.token), {
    orderCycleId: market.cycle.id,
    pickupPointId: market.pickupPoint.id,
    lines: [{ offerId: market.eggs.id, quantity: 1 }],
    idempotencyKey: randomUUID(),
  });
}

describe(`the ordering window, with the test process in TZ=${process.env.TZ ?? "(unset)"}`, () => {
  it("runs in the time zone it was started in", () => {
    const expected = process.env.EXPECT_TZ;
    if (expected) expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(expected);
  });

  it("accepts an order one second after the cycle opened", async () => {
    await setWindow("now() - interval '1 second'", "now() + interval '1 hour'");
    expect((await orderOneEgg()).__typename).toBe("Order");
  });

  it("refuses an order from the closing instant on, storing nothing", async () => {
    await setWindow("now() - interval '1 hour'", "now()");
    const answer = await orderOneEgg();
    expect(answer).toMatchObject({ __typename: "CycleNotOpenError", errorCode: "CYCLE_NOT_OPEN" });
    expect(await orderRowCounts(t.dataSource)).toEqual({ orders: 0, lines: 0, reserved: 0 });
  });

  it("refuses an order a minute before the cycle opens", async () => {
    await setWindow("now() + interval '1 minute'", "now() + interval '1 hour'");
    expect((await orderOneEgg()).__typename).toBe("CycleNotOpenError");
  });

  it("names the window in Beijing time whatever zone the server runs in", async () => {
    // 2011-03-31 16:00 UTC is 2011-04-01 00:00 in Beijing (UTC+8); 2011-04-10 16:00 UTC is
    // 2011-04-11 00:00 there.
    await setWindow("'2011-03-31T16:00:00Z'", "'2011-04-10T16:00:00Z'");
    expect((await orderOneEgg()).message).toBe(
      "这个订货周期现在不接受订单（开放时间：2011-04-01 00:00 (UTC+8) 至 2011-04-11 00:00 (UTC+8)）。",
    );
  });
});
