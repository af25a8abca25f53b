import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOrderingMarket, type OrderingMarket } from "../../test/order-fixtures";
import { CANCEL_ORDER, clearOrders, place, shopAs } from "../../test/order-operations";
import { startTestApi, type TestApi } from "../../test/test-api";
import { SupplyDeclaration } from "../cycle/supply-declaration.entity";
import { Household } from "../household/household.entity";
import { Lot } from "../intake/lot.entity";

let t: TestApi;
let market: OrderingMarket;

beforeAll(async () => {
  t = await startTestApi("my_orders", {
    prepare: async (ds) => void (market = await createOrderingMarket(ds, 2)),
  });
});
afterAll(() => t?.close());
beforeEach(() => clearOrders(t.dataSource));

const alice = () => shopAs(t, market.consumers[0]!.token);
const bob = () => shopAs(t, market.consumers[1]!.token);

async function order(client = alice(), lines = [{ offerId: market.eggs.id, quantity: 1 }]) {
  const answer = await place(client, {
    orderCycleId: market.cycle.id,
    pickupPointId: market.pickupPoint.id,
    lines,
    idempotencyKey: randomUUID(),
  });
  return answer.id!;
}

const MY_ORDERS = `query($page: PageInput!, $filter: MyOrdersFilter) {
  myOrders(page: $page, filter: $filter) { totalItems items { id state totalFen } }
}`;

const MY_ORDER = `query($id: ID!) {
  myOrder(id: $id) {
    __typename
    ... on ErrorResult { errorCode message }
    ... on Order {
      id state paymentState totalFen paidFen refundsFen balanceFen nextStates
      cycle { code opensAt closesAt deliveryOn }
      pickupPoint { nameZh pickupHours }
      lines {
        offerId productNameZh variantNameZh unitPriceFen quantity lineTotalFen quantityAccepted
        provenance { householdCode villageNameZh villageNameEn quantity qualityCheckedOn }
      }
      adjustments { kind amountFen reason orderLineId }
      payments { amountFen method }
    }
  }
}`;

type Page = { myOrders: { totalItems: number; items: { id: string; state: string }[] } };

describe("my orders", () => {
  it("lists only the caller's orders, newest first, each exactly once across pages", async () => {
    const ids = [await order(), await order(), await order()];
    await order(bob());
    // Same instant for all three, so only the id tie-breaker orders them.
    await t.dataSource.query("UPDATE orders SET placed_at = '2011-04-02T02:00:00Z'");
    const first = await alice().data<Page>(MY_ORDERS, { page: { skip: 0, take: 2 } });
    const second = await alice().data<Page>(MY_ORDERS, { page: { skip: 2, take: 2 } });
    expect(first.myOrders.totalItems).toBe(3);
    const seen = [...first.myOrders.items, ...second.myOrders.items].map((o) => o.id);
    expect(seen).toEqual([...ids].sort().reverse());
  });

  it("shows the newest order first", async () => {
    const older = await order();
    const newer = await order();
    await t.dataSource.query(
      "UPDATE orders SET placed_at = now() - interval '1 day' WHERE id = $1",
      [older],
    );
    const page = await alice().data<Page>(MY_ORDERS, { page: { skip: 0, take: 10 } });
    expect(page.myOrders.items.map((o) => o.id)).toEqual([newer, older]);
  });

  it("filters by state and by cycle", async () => {
    const kept = await order();
    const cancelled = await order();
    await alice().data(CANCEL_ORDER, { orderId: cancelled });
    const byState = await alice().data<Page>(MY_ORDERS, {
      page: { skip: 0, take: 10 },
      filter: { state: "CANCELLED" },
    });
    expect(byState.myOrders.items.map((o) => o.id)).toEqual([cancelled]);
    const byCycle = await alice().data<Page>(MY_ORDERS, {
      page: { skip: 0, take: 10 },
      filter: { orderCycleId: market.cycle.id, state: "PLACED" },
    });
    expect(byCycle.myOrders.items.map((o) => o.id)).toEqual([kept]);
    const otherCycle = await alice().data<Page>(MY_ORDERS, {
      page: { skip: 0, take: 10 },
      filter: { orderCycleId: randomUUID() },
    });
    expect(otherCycle.myOrders.totalItems).toBe(0);
  });

  it("refuses an anonymous visitor", async () => {
    const res = await t.shop().request(MY_ORDERS, { page: { skip: 0, take: 10 } });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("one of my orders", () => {
  it("answers another household's order id exactly as an id that does not exist", async () => {
    const alicesOrder = await order();
    const asBob = await bob().data(MY_ORDER, { id: alicesOrder });
    expect(asBob).toEqual(await bob().data(MY_ORDER, { id: randomUUID() }));
    expect(asBob).toEqual(await bob().data(MY_ORDER, { id: "not-an-id" }));
    expect(asBob).toEqual({
      myOrder: { __typename: "NotFoundError", errorCode: "NOT_FOUND", message: "找不到这个订单。" },
    });
  });

  it("shows lines, money after a refund and payment, and where the eggs came from", async () => {
    // eggs 3 × 1600 = 4800; walnuts 1 × 3550 = 3550; total 8350 fen
    const orderId = await order(alice(), [
      { offerId: market.eggs.id, quantity: 3 },
      { offerId: market.walnuts.id, quantity: 1 },
    ]);
    await allocateAndCheck(orderId);
    const res = await alice().request(MY_ORDER, { id: orderId });
    expect(JSON.stringify(res.body)).not.toMatch(/王秀英|赵玉梅/); // never a head's name
    const o = (res.body.data as { myOrder: Record<string, unknown> }).myOrder;
    // paid 8350; refund 1600 for one cracked jin;
    // balance = 8350 + 0 charges − 1600 refunds − 0 credits − 8350 paid = −1600 (owed to Alice)
    expect(o).toMatchObject({
      __typename: "Order",
      state: "PLACED",
      paymentState: "UNPAID",
      totalFen: 8350,
      paidFen: 8350,
      refundsFen: 1600,
      balanceFen: -1600,
      nextStates: ["LOCKED", "CANCELLED"],
      cycle: { code: "2011-04", deliveryOn: "2011-04-16" },
      pickupPoint: { nameZh: "海淀·学院路", pickupHours: "周六 9:00–12:00" },
      adjustments: [{ kind: "REFUND", amountFen: 1600, reason: "一斤破损" }],
      payments: [{ amountFen: 8350, method: "WECHAT_PAY" }],
    });
    const lines = o.lines as { offerId: string; provenance: unknown[] }[];
    const eggs = lines.find((l) => l.offerId === market.eggs.id);
    expect(eggs).toMatchObject({
      productNameZh: "柴鸡蛋",
      unitPriceFen: 1600,
      quantity: 3,
      lineTotalFen: 4800,
      quantityAccepted: 2,
      provenance: [
        {
          householdCode: "SG-001",
          villageNameZh: "桑岗村",
          villageNameEn: "Sanggang",
          quantity: 2,
          qualityCheckedOn: "2011-04-14",
        },
        {
          householdCode: "BS-001",
          villageNameZh: "宝石村",
          villageNameEn: "Baoshi",
          quantity: 1,
          qualityCheckedOn: null,
        },
      ],
    });
    expect(lines.find((l) => l.offerId === market.walnuts.id)?.provenance).toEqual([]);
  });

  it("shows an order cancelled after payment as owing nothing: all it paid is owed back", async () => {
    // 2 jin of eggs: 2 × 1600 = 3200, paid in full, then cancelled by Alice while ordering is open
    const orderId = await order(alice(), [{ offerId: market.eggs.id, quantity: 2 }]);
    const [staff] = (await t.dataSource.query("SELECT id FROM users WHERE role = 'STAFF'")) as {
      id: string;
    }[];
    await t.dataSource.query(
      `INSERT INTO payments (producer_group_id, order_id, amount_fen, method, paid_at, recorded_by_user_id)
       VALUES ($1, $2, 3200, 'ALIPAY', now(), $3)`,
      [market.producerGroup.id, orderId, staff!.id],
    );
    const cancelled = await alice().data<{ cancelOrder: { state: string } }>(CANCEL_ORDER, {
      orderId,
    });
    expect(cancelled.cancelOrder.state).toBe("CANCELLED");
    const res = await alice().data<{ myOrder: Record<string, unknown> }>(MY_ORDER, { id: orderId });
    // a cancelled order owes 0 (settlement rule, orderAmountDueFen): balance = 0 − 3200 paid,
    // as the admin side's AdminOrder.balanceFen and the reconciliation count it
    expect(res.myOrder).toMatchObject({
      state: "CANCELLED",
      totalFen: 3200,
      paidFen: 3200,
      refundsFen: 0,
      balanceFen: -3200,
    });
  });
});

describe("a page of orders with everything nested", () => {
  it("costs the same number of SQL statements for 1 order as for 6", async () => {
    await order();
    const one = await countStatements(() =>
      alice().data(MY_ORDERS_DEEP, { page: { skip: 0, take: 20 } }),
    );
    for (let i = 0; i < 5; i += 1) {
      const id = await order(alice(), [
        { offerId: market.eggs.id, quantity: 1 },
        { offerId: market.millet.id, quantity: 1 },
      ]);
      await allocateAndCheck(id);
    }
    const six = await countStatements(() =>
      alice().data(MY_ORDERS_DEEP, { page: { skip: 0, take: 20 } }),
    );
    expect(six).toBe(one);
    // session, household, the page (TypeORM skips the count when the first page is not full),
    // then one each: cycles, pickup points, lines, adjustments, payments, provenance = 9
    expect(six).toBe(9);
  });
});

const MY_ORDERS_DEEP = `query($page: PageInput!) {
  myOrders(page: $page) {
    totalItems
    items {
      id totalFen paidFen balanceFen cycle { code } pickupPoint { nameZh }
      lines { quantity provenance { householdCode villageNameZh qualityCheckedOn } }
      adjustments { amountFen } payments { amountFen }
    }
  }
}`;

/** Statements sent to PostgreSQL by every pg client in this process while `work` runs. */
async function countStatements(work: () => Promise<unknown>): Promise<number> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let count = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    count += 1;
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return count;
}

let lots: { sanggang: string; baoshi: string; check: string } | null = null;

/** Two households' egg lots in the cycle: SG-001 of Sanggang, checked on 2011-04-14, and BS-001 of Baoshi, not yet checked. */
async function eggLots(): Promise<{ sanggang: string; baoshi: string; check: string }> {
  if (lots) return lots;
  const m = t.dataSource.manager;
  const [sanggang, baoshi] = (await m.query("SELECT id FROM villages ORDER BY name_en DESC")) as {
    id: string;
  }[];
  const [sg, bs] = await m.save(Household, [
    {
      producerGroupId: market.producerGroup.id,
      villageId: sanggang!.id,
      code: "SG-001",
      headName: "王秀英",
      headSex: "F",
      headAgeBand: "60_69",
      size: 3,
      registeredPoor: true,
      membershipState: "ACTIVE",
      joinedOn: "2009-11-01",
    },
    {
      producerGroupId: market.producerGroup.id,
      villageId: baoshi!.id,
      code: "BS-001",
      headName: "赵玉梅",
      headSex: "F",
      headAgeBand: "40_49",
      size: 5,
      registeredPoor: true,
      membershipState: "ACTIVE",
      joinedOn: "2016-05-01",
    },
  ] as Partial<Household>[]);
  const lotOf = async (household: Household) => {
    const declaration = await m.save(SupplyDeclaration, {
      producerGroupId: market.producerGroup.id,
      orderCycleId: market.cycle.id,
      householdId: household.id,
      variantId: market.eggs.variantId,
      quantity: 50,
    });
    return m.save(Lot, {
      producerGroupId: market.producerGroup.id,
      orderCycleId: market.cycle.id,
      householdId: household.id,
      variantId: market.eggs.variantId,
      supplyDeclarationId: declaration.id,
      quantityDeclared: 50,
    });
  };
  const [sgLot, bsLot] = [await lotOf(sg!), await lotOf(bs!)];
  const [staff] = (await m.query("SELECT id FROM users WHERE role = 'STAFF'")) as { id: string }[];
  const [check] = (await m.query(
    `INSERT INTO quality_checks (producer_group_id, lot_id, checked_on, checked_by_user_id,
       quantity_received, quantity_accepted, result, reason)
     VALUES ($1, $2, '2011-04-14', $3, 50, 49, 'PARTIAL', 'CRACKED') RETURNING id`,
    [market.producerGroup.id, sgLot.id, staff!.id],
  )) as { id: string }[];
  lots = { sanggang: sgLot.id, baoshi: bsLot.id, check: check!.id };
  return lots;
}

/**
 * Allocates the order's eggs line to the two households' lots (up to 2 from SG-001, the rest
 * from BS-001), takes one jin off as cracked with a ¥16.00 refund, and records a WeChat payment
 * of the whole order total.
 */
async function allocateAndCheck(orderId: string): Promise<void> {
  const m = t.dataSource.manager;
  const { sanggang, baoshi, check } = await eggLots();
  const [staff] = (await m.query("SELECT id FROM users WHERE role = 'STAFF'")) as { id: string }[];
  const lines = (await m.query(
    "SELECT l.id, l.offer_id, l.quantity, o.total_fen FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.order_id = $1",
    [orderId],
  )) as { id: string; offer_id: string; quantity: number; total_fen: number }[];
  const eggsLine = lines.find((l) => l.offer_id === market.eggs.id)!;
  const allocate = (lotId: string, quantity: number, rank: number) =>
    m.query(
      `INSERT INTO allocations (producer_group_id, order_line_id, lot_id, quantity, rank, reason)
       VALUES ($1, $2, $3, $4, $5, '建档立卡贫困户优先')`,
      [market.producerGroup.id, eggsLine.id, lotId, quantity, rank],
    );
  const fromSanggang = Math.min(2, eggsLine.quantity);
  await allocate(sanggang, fromSanggang, 1);
  if (eggsLine.quantity > fromSanggang) await allocate(baoshi, eggsLine.quantity - fromSanggang, 2);
  await m.query("UPDATE order_lines SET quantity_accepted = quantity - 1 WHERE id = $1", [
    eggsLine.id,
  ]);
  await m.query(
    `INSERT INTO adjustments (producer_group_id, order_id, order_line_id, quality_check_id, kind, amount_fen, reason)
     VALUES ($1, $2, $3, $4, 'REFUND', 1600, '一斤破损')`,
    [market.producerGroup.id, orderId, eggsLine.id, check],
  );
  await m.query(
    `INSERT INTO payments (producer_group_id, order_id, amount_fen, method, paid_at, recorded_by_user_id)
     VALUES ($1, $2, $3, 'WECHAT_PAY', now(), $4)`,
    [market.producerGroup.id, orderId, eggsLine.total_fen, staff!.id],
  );
}
