import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrderingMarket, type OrderingMarket } from "../../test/order-fixtures";
import { PLACE_ORDER, type OrderAnswer } from "../../test/order-operations";
import { startTestApi, type TestApi } from "../../test/test-api";
import {
  ORDER_OPERATIONS_PER_HOUSEHOLD,
  ORDER_WINDOW_SECONDS,
  OrderLimiter,
} from "./order-limiter";

// The ordering rate limit without Redis: counters in the process's memory (the embedded default).

describe("OrderLimiter in memory", () => {
  it("lets a household make 30 operations an hour and refuses the 31st until the hour ends", async () => {
    const limiter = new OrderLimiter();
    for (let i = 0; i < ORDER_OPERATIONS_PER_HOUSEHOLD; i += 1) {
      expect(await limiter.take("household-a", "10.0.0.1")).toBe(0);
    }
    const wait = await limiter.take("household-a", "10.0.0.1");
    // The window opened with the first take, moments ago: close to 3600 s remain, never more.
    expect(wait).toBeGreaterThan(ORDER_WINDOW_SECONDS - 60);
    expect(wait).toBeLessThanOrEqual(ORDER_WINDOW_SECONDS);
    // Another household behind the same address is not held back by the first one's count.
    expect(await limiter.take("household-b", "10.0.0.1")).toBe(0);
  });

  it("refuses every household from an address over its limit, without counting them", async () => {
    const limiter = new OrderLimiter({ perHousehold: 5, perAddress: 3 });
    expect(await limiter.take("h1", "10.0.0.2")).toBe(0);
    expect(await limiter.take("h2", "10.0.0.2")).toBe(0);
    expect(await limiter.take("h3", "10.0.0.2")).toBe(0);
    // The 4th operation from 10.0.0.2 is refused whoever makes it.
    expect(await limiter.take("h4", "10.0.0.2")).toBeGreaterThan(0);
    // h4's refused attempt was given back: it still has all 5, 3 from one address, 2 from another,
    // and its 6th is refused (by its own limit: 10.0.0.5 has counted nothing yet).
    for (let i = 0; i < 3; i += 1) expect(await limiter.take("h4", "10.0.0.3")).toBe(0);
    for (let i = 0; i < 2; i += 1) expect(await limiter.take("h4", "10.0.0.4")).toBe(0);
    expect(await limiter.take("h4", "10.0.0.5")).toBeGreaterThan(0);
  });
});

let t: TestApi;
let market: OrderingMarket;

beforeAll(async () => {
  t = await startTestApi("order_limit", {
    // The defaults, as a deployment without ORDER_LIMIT_* runs.
    env: { ORDER_LIMIT_PER_HOUSEHOLD: "", ORDER_LIMIT_PER_ADDRESS: "" },
    prepare: async (ds) => {
      market = await createOrderingMarket(ds, 2);
    },
  });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe("placeOrder over the ordering limit (API without REDIS_URL)", () => {
  it("answers TooManyAttemptsError with retryAfterSeconds in the caller's language and stores nothing", async () => {
    const shop = t.shop();
    shop.bearer = market.consumers[0]!.token;
    const input = {
      orderCycleId: market.cycle.id,
      pickupPointId: market.pickupPoint.id,
      lines: [{ offerId: market.millet.id, quantity: 1 }],
      idempotencyKey: randomUUID(),
    };
    const place = async (key: string) =>
      (
        await shop.data<{ placeOrder: OrderAnswer & { retryAfterSeconds?: number } }>(
          PLACE_ORDER.replace(
            "__typename",
            "__typename ... on TooManyAttemptsError { retryAfterSeconds }",
          ),
          { input: { ...input, idempotencyKey: key } },
        )
      ).placeOrder;
    // 30 operations: the first places the order, the 29 repeats of its key return it again.
    for (let i = 0; i < ORDER_OPERATIONS_PER_HOUSEHOLD; i += 1) {
      expect((await place(input.idempotencyKey)).__typename).toBe("Order");
    }
    shop.locale = "en";
    const refused = await place(randomUUID());
    expect(refused.__typename).toBe("TooManyAttemptsError");
    expect(refused.errorCode).toBe("TOO_MANY_ATTEMPTS");
    expect(refused.retryAfterSeconds).toBeGreaterThan(ORDER_WINDOW_SECONDS - 60);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(ORDER_WINDOW_SECONDS);
    // ceil(≈3600 s / 60) = 60 minutes.
    expect(refused.message).toBe(
      "Too many orders, changes or cancellations in a short time; please try again in 60 minutes. Your orders are unchanged.",
    );
    shop.locale = "zh-CN";
    expect((await place(randomUUID())).message).toBe(
      "下单、改单或取消的操作太频繁，请 60 分钟后再试；已有的订单没有变化。",
    );
    // Only the first order exists, holding its 1 bag of millet.
    const [row] = (await t.dataSource.query(
      "SELECT count(*)::int AS orders, (SELECT quantity_reserved FROM offers WHERE id = $1) AS reserved FROM orders",
      [market.millet.id],
    )) as [{ orders: number; reserved: number }];
    expect(row).toEqual({ orders: 1, reserved: 1 });
    // The other household of the market still orders.
    shop.bearer = market.consumers[1]!.token;
    expect((await place(randomUUID())).__typename).toBe("Order");
  });
});
