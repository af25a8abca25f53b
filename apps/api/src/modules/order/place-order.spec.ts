import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOrderingMarket, type OrderingMarket, sessionFor } from "../../test/order-fixtures";
import {
  clearOrders,
  orderRowCounts,
  PLACE_ORDER,
  place,
  reservedOf,
  shopAs,
} from "../../test/order-operations";
import { startTestApi, type TestApi } from "../../test/test-api";
import { ConsumerGroup } from "../consumer/consumer-group.entity";
import { ConsumerHousehold } from "../consumer/consumer-household.entity";
import { Offer } from "../cycle/offer.entity";
import { OrderCycle } from "../cycle/order-cycle.entity";
import { User } from "../identity/user.entity";

let t: TestApi;
let market: OrderingMarket;
/** An offer of another (later) cycle of the same group. */
let nextCycleOffer: Offer;
/** A consumer household of Baoshi's market, signed in. */
let baoshiToken: string;

beforeAll(async () => {
  t = await startTestApi("place_order", {
    prepare: async (ds) => {
      market = await createOrderingMarket(ds, 3);
      const next = await ds.manager.save(OrderCycle, {
        producerGroupId: market.producerGroup.id,
        code: "2011-05",
        state: "DECLARING",
        declarationOpensOn: "2011-04-25",
        opensAt: new Date("2011-04-30T16:00:00Z"),
        closesAt: new Date("2011-05-10T16:00:00Z"),
        deliveryOn: "2011-05-16",
      });
      nextCycleOffer = await ds.manager.save(Offer, {
        producerGroupId: market.producerGroup.id,
        orderCycleId: next.id,
        variantId: market.eggs.variantId,
        priceFen: 1600,
        producerPriceFen: 1200,
        quantityTotal: 50,
      });
      const group = await ds.manager.save(ConsumerGroup, {
        producerGroupId: market.otherGroup.id,
        name: "望京消费者小组",
        defaultPickupPointId: market.foreignPickupPoint.id,
      });
      const user = await ds.manager.save(User, {
        email: "baoshi-consumer@orders.test",
        passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$placeholder",
        role: "CONSUMER",
        displayName: "刘家",
      });
      await ds.manager.save(ConsumerHousehold, {
        producerGroupId: market.otherGroup.id,
        consumerGroupId: group.id,
        userId: user.id,
        displayName: "刘家",
      });
      baoshiToken = await sessionFor(ds, user.id);
    },
  });
});
afterAll(() => t?.close());
beforeEach(() => clearOrders(t.dataSource));

const alice = () => shopAs(t, market.consumers[0]!.token);
const bob = () => shopAs(t, market.consumers[1]!.token);

function input(lines: { offerId: string; quantity: number }[], extra: object = {}) {
  return {
    orderCycleId: market.cycle.id,
    pickupPointId: market.pickupPoint.id,
    lines,
    idempotencyKey: randomUUID(),
    ...extra,
  };
}

describe("a consumer household places an order", () => {
  it("totals each line as unit price × quantity and the order as their sum, in fen", async () => {
    const answer = await place(
      alice(),
      input([
        { offerId: market.eggs.id, quantity: 3 },
        { offerId: market.walnuts.id, quantity: 2 },
        { offerId: market.millet.id, quantity: 1 },
      ]),
    );
    // eggs 1600 × 3 = 4800; walnuts 3550 × 2 = 7100; millet 4200 × 1 = 4200;
    // total 4800 + 7100 + 4200 = 16100 fen (¥161.00)
    expect(answer.__typename).toBe("Order");
    expect(answer).toMatchObject({
      state: "PLACED",
      totalFen: 16100,
      cycle: { code: "2011-04" },
      pickupPoint: { nameZh: "海淀·学院路" },
    });
    expect(Date.parse(answer.placedAt!)).toBeGreaterThan(Date.parse("2020-01-01T00:00:00Z"));
    const byOffer = Object.fromEntries(answer.lines!.map((l) => [l.offerId, l]));
    expect(byOffer[market.eggs.id]).toMatchObject({
      quantity: 3,
      unitPriceFen: 1600,
      lineTotalFen: 4800,
      productNameZh: "柴鸡蛋",
      variantNameZh: "一斤装",
    });
    expect(byOffer[market.walnuts.id]).toMatchObject({ quantity: 2, lineTotalFen: 7100 });
    expect(byOffer[market.millet.id]).toMatchObject({ quantity: 1, lineTotalFen: 4200 });
    expect(await reservedOf(t.dataSource, market.eggs.id)).toBe(3);
    expect(await reservedOf(t.dataSource, market.walnuts.id)).toBe(2);
    expect(await reservedOf(t.dataSource, market.millet.id)).toBe(1);
  });

  it("merges two lines for the same offer into one", async () => {
    const answer = await place(
      alice(),
      input([
        { offerId: market.eggs.id, quantity: 2 },
        { offerId: market.eggs.id.toUpperCase(), quantity: 3 },
      ]),
    );
    // 2 + 3 = 5 jin × 1600 = 8000 fen
    expect(answer.lines).toEqual([
      expect.objectContaining({ offerId: market.eggs.id, quantity: 5, lineTotalFen: 8000 }),
    ]);
    expect(answer.totalFen).toBe(8000);
    expect(await reservedOf(t.dataSource, market.eggs.id)).toBe(5);
  });

  it("keeps the order's snapshot price when the offer's price changes later", async () => {
    const answer = await place(alice(), input([{ offerId: market.eggs.id, quantity: 1 }]));
    await t.dataSource.query("UPDATE offers SET price_fen = 1800 WHERE id = $1", [market.eggs.id]);
    try {
      const [line] = (await t.dataSource.query(
        "SELECT unit_price_fen FROM order_lines WHERE order_id = $1",
        [answer.id],
      )) as [{ unit_price_fen: number }];
      expect(line.unit_price_fen).toBe(1600);
    } finally {
      await t.dataSource.query("UPDATE offers SET price_fen = 1600 WHERE id = $1", [
        market.eggs.id,
      ]);
    }
  });

  it("refuses more than is left with the quantity still available, reserving nothing", async () => {
    await place(bob(), input([{ offerId: market.eggs.id, quantity: 8 }]));
    const before = await orderRowCounts(t.dataSource);
    const answer = await place(
      alice(),
      input([
        { offerId: market.walnuts.id, quantity: 1 },
        { offerId: market.eggs.id, quantity: 3 },
      ]),
    );
    // 10 eggs − 8 reserved by Bob = 2 left
    expect(answer).toMatchObject({
      __typename: "InsufficientStockError",
      errorCode: "INSUFFICIENT_STOCK",
      offerId: market.eggs.id,
      quantityAvailable: 2,
      message: "「柴鸡蛋 一斤装」库存不足：还剩 2 件。",
    });
    // the walnut reservation made before the eggs were refused is rolled back too
    expect(await orderRowCounts(t.dataSource)).toEqual(before);
    expect(await reservedOf(t.dataSource, market.walnuts.id)).toBe(0);
  });
});

describe("quantities that are refused, storing nothing", () => {
  it.each([
    ["zero", 0, "数量必须是至少为 1 的整数，收到的是 0。"],
    ["negative", -2, "数量不能是负数，收到的是 -2。"],
  ])("a %s quantity", async (_what, quantity, message) => {
    const before = await orderRowCounts(t.dataSource);
    const answer = await place(alice(), input([{ offerId: market.eggs.id, quantity }]));
    expect(answer).toMatchObject({
      __typename: "InvalidQuantityError",
      errorCode: "INVALID_QUANTITY",
      offerId: market.eggs.id,
      quantity,
      maxPerOrder: null,
      message,
    });
    expect(await orderRowCounts(t.dataSource)).toEqual(before);
  });

  it.each([
    ["above the variant's maximum", [4], 4],
    ["absurdly large", [2147483647], 2147483647],
    ["above the maximum only once duplicate lines are merged", [2, 2], 4],
  ])("walnuts %s (at most 3 per order)", async (_what, quantities, merged) => {
    const before = await orderRowCounts(t.dataSource);
    const client = alice();
    client.locale = "en";
    const answer = await place(
      client,
      input(quantities.map((quantity) => ({ offerId: market.walnuts.id, quantity }))),
    );
    expect(answer).toMatchObject({
      __typename: "InvalidQuantityError",
      offerId: market.walnuts.id,
      quantity: merged,
      maxPerOrder: 3,
      // English caller: product "Walnuts" + variant "2 jin bag", the English names
      message: `One order may hold at most 3 of “Walnuts 2 jin bag”, not ${merged}.`,
    });
    expect(await orderRowCounts(t.dataSource)).toEqual(before);
  });

  it("a fractional quantity is refused by GraphQL itself, naming the field", async () => {
    const before = await orderRowCounts(t.dataSource);
    const res = await alice().request(PLACE_ORDER, {
      input: input([{ offerId: market.eggs.id, quantity: 1.5 }]),
    });
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.[0]?.message).toMatch(/lines\[0\]\.quantity.*non-integer value: 1\.5/);
    expect(await orderRowCounts(t.dataSource)).toEqual(before);
  });
});

describe("ids and inputs that are refused, storing nothing", () => {
  const cases: [string, () => Record<string, unknown>, object][] = [
    [
      "an unknown cycle",
      () => input([{ offerId: market.eggs.id, quantity: 1 }], { orderCycleId: randomUUID() }),
      { __typename: "NotFoundError", message: "找不到这个订货周期。" },
    ],
    [
      "a cycle id that is not an id at all",
      () => input([{ offerId: market.eggs.id, quantity: 1 }], { orderCycleId: "2011-04'--" }),
      { __typename: "NotFoundError", message: "找不到这个订货周期。" },
    ],
    [
      "an unknown offer",
      () => input([{ offerId: "00000000-0000-4000-8000-000000000000", quantity: 1 }]),
      { __typename: "NotFoundError", errorCode: "NOT_FOUND" },
    ],
    [
      "an offer of another cycle",
      () => input([{ offerId: nextCycleOffer.id, quantity: 1 }]),
      { __typename: "NotFoundError", errorCode: "NOT_FOUND" },
    ],
    [
      "an unknown pickup point",
      () => input([{ offerId: market.eggs.id, quantity: 1 }], { pickupPointId: randomUUID() }),
      { __typename: "NotFoundError", message: "找不到这个配送点。" },
    ],
    [
      "another producer group's pickup point",
      () =>
        input([{ offerId: market.eggs.id, quantity: 1 }], {
          pickupPointId: market.foreignPickupPoint.id,
        }),
      { __typename: "PickupPointNotServedError", errorCode: "PICKUP_POINT_NOT_SERVED" },
    ],
    [
      "a pickup point no longer in service",
      () =>
        input([{ offerId: market.eggs.id, quantity: 1 }], {
          pickupPointId: market.closedPickupPoint.id,
        }),
      { __typename: "PickupPointNotServedError" },
    ],
    [
      "no lines",
      () => input([]),
      {
        __typename: "InvalidInputError",
        problems: [{ field: "lines", message: "订单里至少要有一件商品。" }],
      },
    ],
    [
      "a malformed idempotency key",
      () => input([{ offerId: market.eggs.id, quantity: 1 }], { idempotencyKey: "key with 空格" }),
      {
        __typename: "InvalidInputError",
        problems: [expect.objectContaining({ field: "idempotencyKey" })],
      },
    ],
  ];

  it.each(cases)("%s", async (_what, makeInput, expected) => {
    const before = await orderRowCounts(t.dataSource);
    expect(await place(alice(), makeInput())).toMatchObject(expected);
    expect(await orderRowCounts(t.dataSource)).toEqual(before);
  });

  it("a cycle that is not OPEN", async () => {
    await t.dataSource.query("UPDATE order_cycles SET state = 'DECLARING' WHERE id = $1", [
      market.cycle.id,
    ]);
    try {
      const answer = await place(alice(), input([{ offerId: market.eggs.id, quantity: 1 }]));
      expect(answer).toMatchObject({
        __typename: "CycleNotOpenError",
        errorCode: "CYCLE_NOT_OPEN",
      });
      expect(await orderRowCounts(t.dataSource)).toEqual({ orders: 0, lines: 0, reserved: 0 });
    } finally {
      await t.dataSource.query("UPDATE order_cycles SET state = 'OPEN' WHERE id = $1", [
        market.cycle.id,
      ]);
    }
  });
});

describe("who may order", () => {
  it("refuses an anonymous visitor, storing nothing", async () => {
    const res = await t.shop().request(PLACE_ORDER, {
      input: input([{ offerId: market.eggs.id, quantity: 1 }]),
    });
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await orderRowCounts(t.dataSource)).toEqual({ orders: 0, lines: 0, reserved: 0 });
  });

  it("does not let a household of another market order in this market's cycle", async () => {
    const answer = await place(
      shopAs(t, baoshiToken),
      input([{ offerId: market.eggs.id, quantity: 1 }], {
        pickupPointId: market.foreignPickupPoint.id,
      }),
    );
    expect(answer).toMatchObject({ __typename: "NotFoundError", message: "找不到这个订货周期。" });
    expect(await orderRowCounts(t.dataSource)).toEqual({ orders: 0, lines: 0, reserved: 0 });
  });

  it("refuses a signed-in staff member, who is no consumer household", async () => {
    const res = await shopAs(t, market.staffToken).request(PLACE_ORDER, {
      input: input([{ offerId: market.eggs.id, quantity: 1 }]),
    });
    expect(res.body.errors?.[0]?.message).toBe("只有消费者家庭可以下单。");
    expect(await orderRowCounts(t.dataSource)).toEqual({ orders: 0, lines: 0, reserved: 0 });
  });
});

describe("the idempotency key", () => {
  it("sent twice in a row gives one order, reserved once", async () => {
    const request = input([{ offerId: market.eggs.id, quantity: 2 }]);
    const first = await place(alice(), request);
    const second = await place(alice(), request);
    expect(second.id).toBe(first.id);
    expect(await orderRowCounts(t.dataSource)).toEqual({ orders: 1, lines: 1, reserved: 2 });
  });

  it("sent by 10 racing requests gives one order, reserved once", async () => {
    const request = input([{ offerId: market.eggs.id, quantity: 2 }]);
    const answers = await Promise.all(Array.from({ length: 10 }, () => place(alice(), request)));
    expect(answers.map((a) => a.__typename)).toEqual(Array(10).fill("Order"));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(await orderRowCounts(t.dataSource)).toEqual({ orders: 1, lines: 1, reserved: 2 });
  });

  it("is per household: another household with the same key gets its own order", async () => {
    const key = randomUUID();
    const a = await place(
      alice(),
      input([{ offerId: market.eggs.id, quantity: 1 }], { idempotencyKey: key }),
    );
    const b = await place(
      bob(),
      input([{ offerId: market.eggs.id, quantity: 1 }], { idempotencyKey: key }),
    );
    expect(a.id).not.toBe(b.id);
    expect(await orderRowCounts(t.dataSource)).toEqual({ orders: 2, lines: 2, reserved: 2 });
  });
});
