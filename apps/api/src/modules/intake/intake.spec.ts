import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inRefusableTransaction } from "../../graphql/refusal";
import { inTransaction } from "../../graphql/request-context";
import { type Fixture, loadFixture } from "../../test/fixtures";
import {
  type ClosedCycle,
  contextAs,
  createClosedCycle,
  createIntakeScene,
  type IntakeScene,
} from "../../test/intake-fixtures";
import { sessionFor } from "../../test/order-fixtures";
import { type GraphqlClient, startTestApi, type TestApi } from "../../test/test-api";
import { OrderCycle } from "../cycle/order-cycle.entity";
import { allocateOrderCycle } from "./allocation.service";
import { NotFoundError } from "../../graphql/error-result";
import { listLots } from "./intake-query.service";
import { deliverOrderCycle, markOrdersPickedUp, packOrderCycle } from "./packing.service";
import { packingList } from "./packing-list.service";
import { recordQualityCheck } from "./quality-check.service";

let t: TestApi;
let fixture: Fixture;
let scene: IntakeScene;
let april: ClosedCycle;
let staff: GraphqlClient;
let staffToken: string;

const CHECK = `mutation($input: QualityCheckInput!) {
  recordQualityCheck(input: $input) {
    __typename
    ... on QualityCheckRecorded {
      lotState shortfall
      qualityCheck { result reason quantityReceived quantityAccepted }
      refunds { units adjustment { orderLineId kind amountFen reason } }
    }
    ... on InvalidTransitionError { from to allowed }
    ... on WrongCycleStateError { cycleState requiredStates }
    ... on InvalidInputError { problems { field message } }
    ... on ErrorResult { errorCode message }
  }
}`;

const PACKING_LIST = `query($id: ID!, $point: ID) {
  packingList(orderCycleId: $id, pickupPointId: $point) {
    __typename
    ... on PackingList {
      orderCycleCode
      pickupPoints {
        nameZh address
        orders { shortCode state consumerName phone lines { productNameZh variantNameZh units } }
        totals { variantNameZh units }
      }
    }
  }
}`;

interface CheckAnswer {
  __typename: string;
  lotState?: string;
  shortfall?: number;
  qualityCheck?: { result: string; reason: string | null };
  refunds?: {
    units: number;
    adjustment: { orderLineId: string; kind: string; amountFen: number };
  }[];
  from?: string;
  allowed?: string[];
  cycleState?: string;
  problems?: { field: string }[];
  message?: string;
}

function lotId(key: string): string {
  return april.lots.get(key)!.id;
}

async function check(input: Record<string, unknown>): Promise<CheckAnswer> {
  return (await staff.data<{ recordQualityCheck: CheckAnswer }>(CHECK, { input }))
    .recordQualityCheck;
}

async function linesAccepted(): Promise<number[]> {
  const rows = (await t.dataSource.query(
    `SELECT l.quantity_accepted AS q FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE o.order_cycle_id = $1 ORDER BY o.placed_at`,
    [april.cycle.id],
  )) as { q: number }[];
  return rows.map((r) => r.q);
}

async function orderStates(): Promise<string[]> {
  const rows = (await t.dataSource.query(
    "SELECT state FROM orders WHERE order_cycle_id = $1 ORDER BY placed_at",
    [april.cycle.id],
  )) as { state: string }[];
  return rows.map((r) => r.state);
}

/** The April cycle as it is now (the transition hands effects the row in its current state). */
function currentCycle(): Promise<OrderCycle> {
  return t.dataSource.getRepository(OrderCycle).findOneByOrFail({ id: april.cycle.id });
}

function adminCtx() {
  return contextAs(t.dataSource, fixture.users.ADMIN, "ADMIN", []);
}

beforeAll(async () => {
  t = await startTestApi("intake_flow", {
    prepare: async (ds) => {
      fixture = await loadFixture(ds);
    },
  });
  scene = await createIntakeScene(t.dataSource, fixture);
  // Eggs ¥16.00: declared 10 + 5 + 5 + 5, ordered 4, 3, 6 (pickup point 1) and 5 (point 2);
  // millet ¥42.00: SG-004 declares 2, the fifth order (point 2) wants 2.
  april = await createClosedCycle(t.dataSource, fixture, scene, {
    code: "2011-04",
    opensAt: "2011-03-31T16:00:00Z",
    deliveryOn: "2011-04-16",
    declarations: [
      ["SG-001", scene.eggs, 10],
      ["SG-003", scene.eggs, 5],
      ["SG-002", scene.eggs, 5],
      ["SG-004", scene.eggs, 5],
      ["SG-004", scene.millet, 2],
    ],
    orders: [
      [0, 0, scene.eggs, 4],
      [1, 0, scene.eggs, 3],
      [2, 0, scene.eggs, 6],
      [3, 1, scene.eggs, 5],
      [4, 1, scene.millet, 2],
    ],
  });
  // Allocation (see allocation.spec.ts): SG-001 → lines 1: 4, 2: 3, 3: 3; SG-003 → 3: 3, 4: 2;
  // SG-002 → 4: 3; SG-004 eggs nothing; SG-004 millet → line 5: 2.
  await inTransaction(adminCtx(), (tx) => allocateOrderCycle(tx, april.cycle));
  await t.dataSource.query("UPDATE order_cycles SET state = 'ALLOCATED' WHERE id = $1", [
    april.cycle.id,
  ]);
  staffToken = await sessionFor(t.dataSource, fixture.users.STAFF.id);
  staff = t.admin();
  staff.bearer = staffToken;
});
afterAll(() => t?.close());

describe("intake and quality check", () => {
  it("is refused until the cycle is COLLECTING", async () => {
    const answer = await check({
      lotId: lotId("SG-001/一斤装"),
      quantityReceived: 10,
      quantityAccepted: 10,
    });
    expect(answer).toMatchObject({
      __typename: "WrongCycleStateError",
      cycleState: "ALLOCATED",
      message: "订货周期现在是「ALLOCATED」状态；这一步只能在「COLLECTING」状态下做。",
    });
    await t.dataSource.query("UPDATE order_cycles SET state = 'COLLECTING' WHERE id = $1", [
      april.cycle.id,
    ]);
  });

  it("a partial lot's shortfall is spread over its three order lines by largest remainder and refunded", async () => {
    const answer = await check({
      lotId: lotId("SG-001/一斤装"),
      quantityReceived: 9,
      quantityAccepted: 5,
      reason: "CRACKED",
    });
    // Allocated 10 → shortfall 10 − min(5, 10) = 5 over lines 1, 2, 3 holding 4, 3, 3 (Q = 10):
    // exact 5×4/10 = 2, 5×3/10 = 1.5, 1.5 → floors 2, 1, 1 (= 4); remainders 20 mod 10 = 0,
    // 15 mod 10 = 5, 5 → the 5th unit to the tie placed first, line 2 → 2, 2, 1 units.
    // Refunds at 1600 fen: 3200, 3200, 1600.
    expect(answer.__typename).toBe("QualityCheckRecorded");
    expect(answer.lotState).toBe("PARTIAL");
    expect(answer.shortfall).toBe(5);
    expect(
      answer.refunds!.map((r) => [
        r.adjustment.orderLineId,
        r.units,
        r.adjustment.amountFen,
        r.adjustment.kind,
      ]),
    ).toEqual([
      [april.lines[0]!.id, 2, 3200, "REFUND"],
      [april.lines[1]!.id, 2, 3200, "REFUND"],
      [april.lines[2]!.id, 1, 1600, "REFUND"],
    ]);
    // line 1: 4 − 2 = 2; line 2: 3 − 2 = 1; line 3: 6 − 1 = 5; lines 4 and 5 untouched
    expect(await linesAccepted()).toEqual([2, 1, 5, 5, 2]);
    const [{ n }] = (await t.dataSource.query(
      "SELECT count(*)::int AS n FROM adjustments WHERE quality_check_id IS NOT NULL",
    )) as [{ n: number }];
    expect(n).toBe(3);
  });

  it("staff of another producer group see none of it", async () => {
    const baoshi = contextAs(t.dataSource, fixture.users.STAFF, "STAFF", [
      fixture.groups.baoshi.id,
    ]);
    const answer = await recordQualityCheck(baoshi, {
      lotId: lotId("SG-003/一斤装"),
      quantityReceived: 5,
      quantityAccepted: 5,
    });
    expect(answer).toBeInstanceOf(NotFoundError);
    expect(await packingList(baoshi, april.cycle.id)).toBe("cycle-not-found");
    expect(await markOrdersPickedUp(baoshi, [april.orders[0]!.id])).toBeInstanceOf(NotFoundError);
    expect(
      (await listLots(baoshi, { orderCycleId: april.cycle.id, skip: 0, take: 10 })).totalItems,
    ).toBe(0);
  });

  it("audits the check of a household's lot", async () => {
    const rows = (await t.dataSource.query(
      `SELECT actor_user_id, "before"->>'state' AS before, "after"->>'state' AS after
         FROM audit_log WHERE action = 'lot.qualityCheck' AND entity_id = $1`,
      [lotId("SG-001/一斤装")],
    )) as { actor_user_id: string; before: string; after: string }[];
    expect(rows).toEqual([
      { actor_user_id: fixture.users.STAFF.id, before: "ALLOCATED", after: "PARTIAL" },
    ]);
  });

  it("a lot checked twice is refused clearly, and nothing changes", async () => {
    const answer = await check({
      lotId: lotId("SG-001/一斤装"),
      quantityReceived: 10,
      quantityAccepted: 10,
    });
    expect(answer).toMatchObject({
      __typename: "InvalidTransitionError",
      from: "PARTIAL",
      allowed: ["PACKED"],
      message: "这个批次已经验收过了（现在是「PARTIAL」），不能再验收一次。",
    });
    expect(await linesAccepted()).toEqual([2, 1, 5, 5, 2]);
  });

  it("refuses more accepted than received, a missing reason, and a lot nothing was allocated from", async () => {
    const tooMany = await check({
      lotId: lotId("SG-003/一斤装"),
      quantityReceived: 5,
      quantityAccepted: 6,
    });
    expect(tooMany.problems?.map((p) => p.field)).toEqual(["quantityAccepted"]);
    const noReason = await check({
      lotId: lotId("SG-003/一斤装"),
      quantityReceived: 5,
      quantityAccepted: 4,
    });
    expect(noReason.problems?.map((p) => p.field)).toEqual(["reason"]);
    const unallocated = await check({
      lotId: lotId("SG-004/一斤装"),
      quantityReceived: 5,
      quantityAccepted: 5,
    });
    expect(unallocated).toMatchObject({ __typename: "InvalidTransitionError", from: "DECLARED" });
  });

  it("packing is refused while allocated lots are unchecked, listing them", async () => {
    const ctx = contextAs(
      t.dataSource,
      fixture.users.STAFF,
      "STAFF",
      [fixture.groups.sanggang.id],
      "en",
    );
    const refused = await inRefusableTransaction(ctx, async (tx) => {
      await packOrderCycle(tx, await currentCycle());
      return "packed";
    });
    expect(refused).toMatchObject({
      errorCode: "INVALID_TRANSITION",
      from: "COLLECTING",
      to: "PACKED",
      message:
        "3 lots have not been checked yet, so the cycle cannot be packed: SG-002 1 jin, SG-003 1 jin, SG-004 5 jin bag",
    });
    expect(await orderStates()).toEqual([
      "ALLOCATED",
      "ALLOCATED",
      "ALLOCATED",
      "ALLOCATED",
      "ALLOCATED",
    ]);
  });

  it("accepts a whole lot without a reason, rejects others with refunds, then packs", async () => {
    const whole = await check({
      lotId: lotId("SG-003/一斤装"),
      quantityReceived: 5,
      quantityAccepted: 5,
    });
    expect([whole.lotState, whole.shortfall, whole.refunds]).toEqual(["ACCEPTED", 0, []]);
    // SG-002 gave line 4 three units: all refused → 3 × 1600 = 4800 fen; line 4: 5 − 3 = 2
    const stale = await check({
      lotId: lotId("SG-002/一斤装"),
      quantityReceived: 5,
      quantityAccepted: 0,
      reason: "STALE",
    });
    expect([stale.lotState, stale.refunds!.map((r) => r.adjustment.amountFen)]).toEqual([
      "REJECTED",
      [4800],
    ]);
    // SG-004's millet: 2 × 4200 = 8400 fen; line 5: 0
    const foreign = await check({
      lotId: lotId("SG-004/五斤装"),
      quantityReceived: 2,
      quantityAccepted: 0,
      reason: "NOT_OWN_PRODUCE",
    });
    expect(foreign.refunds!.map((r) => r.adjustment.amountFen)).toEqual([8400]);
    expect(await linesAccepted()).toEqual([2, 1, 5, 2, 0]);

    await inRefusableTransaction(adminCtx(), (tx) => packOrderCycle(tx, april.cycle));
    // order 5's only line came to 0 → CANCELLED (its payment state stays)
    expect(await orderStates()).toEqual(["READY", "READY", "READY", "READY", "CANCELLED"]);
    const lots = (await t.dataSource.query(
      `SELECT h.code, l.state FROM lots l JOIN households h ON h.id = l.household_id
        WHERE l.order_cycle_id = $1 ORDER BY h.code, l.quantity_declared DESC`,
      [april.cycle.id],
    )) as { code: string; state: string }[];
    expect(lots.map((l) => `${l.code} ${l.state}`)).toEqual([
      "SG-001 PACKED",
      "SG-002 REJECTED",
      "SG-003 PACKED",
      "SG-004 DECLARED",
      "SG-004 REJECTED",
    ]);
  });

  it("lists a cycle's lots for the intake screen", async () => {
    const data = await staff.data<{
      lots: { totalItems: number; items: Record<string, unknown>[] };
    }>(
      `query($id: ID!) { lots(orderCycleId: $id, state: PACKED) { totalItems items {
        householdCode villageNameZh variantNameZh quantityDeclared quantityAllocated quantityReceived quantityAccepted householdComplaints rejectionReason refundedFen } } }`,
      { id: april.cycle.id },
    );
    expect(data.lots).toEqual({
      totalItems: 2,
      items: [
        {
          householdCode: "SG-001",
          villageNameZh: "桑岗村",
          variantNameZh: "一斤装",
          quantityDeclared: 10,
          quantityAllocated: 10,
          quantityReceived: 9,
          quantityAccepted: 5,
          householdComplaints: 0,
          rejectionReason: "CRACKED",
          refundedFen: 8000, // 3200 + 3200 + 1600, the partial check above
        },
        {
          householdCode: "SG-003",
          villageNameZh: "桑岗村",
          variantNameZh: "一斤装",
          quantityDeclared: 5,
          quantityAllocated: 5,
          quantityReceived: 5,
          quantityAccepted: 5,
          householdComplaints: 0,
          rejectionReason: null,
          refundedFen: 0,
        },
      ],
    });
    const rejected = await staff.data<{ lots: { items: Record<string, unknown>[] } }>(
      `query($id: ID!) { lots(orderCycleId: $id, state: REJECTED) { items {
        householdCode rejectionReason refundedFen } } }`,
      { id: april.cycle.id },
    );
    // SG-002: 3 × 1600 = 4800 (STALE); SG-004's millet: 2 × 4200 = 8400 (NOT_OWN_PRODUCE)
    expect(rejected.lots.items).toEqual([
      { householdCode: "SG-002", rejectionReason: "STALE", refundedFen: 4800 },
      { householdCode: "SG-004", rejectionReason: "NOT_OWN_PRODUCE", refundedFen: 8400 },
    ]);
  });
});

describe("packing list", () => {
  type Point = {
    nameZh: string;
    address: string;
    orders: {
      shortCode: string;
      state: string;
      consumerName: string;
      phone: string;
      lines: { productNameZh: string; variantNameZh: string; units: number }[];
    }[];
    totals: { variantNameZh: string; units: number }[];
  };

  async function graphqlList(): Promise<Point[]> {
    const data = await staff.data<{ packingList: { pickupPoints: Point[] } }>(PACKING_LIST, {
      id: april.cycle.id,
    });
    return data.packingList.pickupPoints;
  }

  it("holds per pickup point the orders with units accepted and the totals", async () => {
    const points = await graphqlList();
    const summary = Object.fromEntries(
      points.map((p) => [
        p.nameZh,
        {
          orders: Object.fromEntries(
            p.orders.map((o) => [o.consumerName, o.lines.map((l) => l.units)]),
          ),
          totals: p.totals.map((x) => [x.variantNameZh, x.units]),
        },
      ]),
    );
    // point 1: 2 + 1 + 5 = 8 eggs; point 2: order 4's 2 eggs (order 5 cancelled, absent)
    expect(summary).toEqual({
      "海淀·学院路": { orders: { "=1+1": [2], 王家: [1], 赵家: [5] }, totals: [["一斤装", 8]] },
      "朝阳·望京": { orders: { 孙家: [2] }, totals: [["一斤装", 2]] },
    });
    const first = points
      .find((p) => p.nameZh === "海淀·学院路")!
      .orders.find((o) => o.consumerName === "=1+1")!;
    expect(first.phone).toBe("+8613800138000");
    // packed: every order with units left is READY (order 5, with none, was CANCELLED and is absent)
    expect(points.flatMap((p) => p.orders.map((o) => o.state))).toEqual([
      "READY",
      "READY",
      "READY",
      "READY",
    ]);
  });

  it("downloads as CSV with a BOM, the same rows, and formulas neutralised", async () => {
    const res = await fetch(`${t.api.url}/admin/packing-list.csv?orderCycleId=${april.cycle.id}`, {
      headers: { authorization: `Bearer ${staffToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    const text = new TextDecoder().decode(bytes); // the decoder drops the BOM
    const [header, ...rows] = parse(text, {
      cast: (value, context) => (context.column === 7 && context.lines > 1 ? Number(value) : value),
    }) as (string | number)[][];
    expect(header).toEqual([
      "配送点",
      "地址",
      "订单号",
      "消费者家庭",
      "电话",
      "产品",
      "规格",
      "件数",
    ]);
    const neutral = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
    const expected = (await graphqlList()).flatMap((p) =>
      p.orders.flatMap((o) =>
        o.lines.map((l) => [
          p.nameZh,
          p.address,
          o.shortCode,
          neutral(o.consumerName),
          // +8613800138000 as dialled in China: 138 0013 8000 (no "+", so no formula guard).
          `${o.phone.slice(3, 6)} ${o.phone.slice(6, 10)} ${o.phone.slice(10)}`,
          l.productNameZh,
          l.variantNameZh,
          l.units,
        ]),
      ),
    );
    expect(rows).toEqual(expected);
    expect(rows.find((r) => r[3] === "'=1+1")?.[4]).toBe("138 0013 8000");
    expect(text).toContain(",2\r\n"); // a number, not a quoted text
  });

  it("answers in English with ?lang=en and filters one pickup point", async () => {
    const point = scene.pickupPoints[1].id;
    const res = await fetch(
      `${t.api.url}/admin/packing-list.csv?orderCycleId=${april.cycle.id}&pickupPointId=${point}&lang=en`,
      {
        headers: { authorization: `Bearer ${staffToken}` },
      },
    );
    const rows = parse(await res.text()) as string[][]; // text() drops the BOM
    expect(rows).toEqual([
      [
        "Pickup point",
        "Address",
        "Order",
        "Consumer household",
        "Phone",
        "Product",
        "Variant",
        "Units",
      ],
      [
        "Chaoyang, Wangjing",
        "北京市朝阳区望京街 9 号",
        april.orders[3]!.id.slice(0, 8).toUpperCase(),
        "孙家",
        "138 0013 8003",
        "Free-range eggs",
        "1 jin",
        "2",
      ],
    ]);
  });

  it("refuses callers as /admin/graphql does: 401, 403, 404", async () => {
    const url = `${t.api.url}/admin/packing-list.csv?orderCycleId=${april.cycle.id}`;
    const anonymous = await fetch(url);
    expect([
      anonymous.status,
      ((await anonymous.json()) as { errors: { message: string }[] }).errors[0]!.message,
    ]).toEqual([401, "请先登录。"]);
    const finance = await fetch(url, {
      headers: {
        authorization: `Bearer ${await sessionFor(t.dataSource, fixture.users.FINANCE.id)}`,
        "accept-language": "en",
      },
    });
    expect([
      finance.status,
      ((await finance.json()) as { errors: { message: string }[] }).errors[0]!.message,
    ]).toEqual([403, "You may not see packing lists."]);
    const unknown = await fetch(
      `${t.api.url}/admin/packing-list.csv?orderCycleId=00000000-0000-4000-8000-000000000000`,
      {
        headers: { authorization: `Bearer ${staffToken}` },
      },
    );
    expect(unknown.status).toBe(404);
  });

  it("names the unknown pickup point (404) and refuses a malformed one (400)", async () => {
    const base = `${t.api.url}/admin/packing-list.csv?orderCycleId=${april.cycle.id}`;
    const headers = { authorization: `Bearer ${staffToken}`, "accept-language": "en" };
    const answer = async (url: string) => {
      const res = await fetch(url, { headers });
      const body = (await res.json()) as { errors: { message: string }[] };
      return [res.status, body.errors[0]!.message];
    };
    // a well-formed id no pickup point has: the cycle is real, the point is not
    expect(await answer(`${base}&pickupPointId=00000000-0000-4000-8000-000000000000`)).toEqual([
      404,
      "There is no such pickup point.",
    ]);
    expect(await answer(`${base}&pickupPointId=bogus`)).toEqual([
      400,
      "pickupPointId is not a valid pickup point id (a UUID).",
    ]);
  });
});

describe("delivery and pickup", () => {
  const MARK = `mutation($ids: [ID!]!) { markOrdersPickedUp(orderIds: $ids) {
    __typename ... on OrdersMarked { orders { orderId state } }
    ... on InvalidTransitionError { from to allowed } ... on ErrorResult { errorCode message } } }`;
  const NO_SHOW = `mutation($id: ID!) { markOrderNoShow(orderId: $id) {
    __typename ... on OrdersMarked { orders { orderId state } }
    ... on InvalidTransitionError { from to allowed } } }`;

  it("refuses a list longer than 500 orders in words, marking none", async () => {
    // 501 distinct well-formed ids: one over the limit; none of them needs to exist.
    const ids = Array.from(
      { length: 501 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    );
    const before = await orderStates();
    const answer = await staff.data<{ markOrdersPickedUp: Record<string, unknown> }>(
      `mutation($ids: [ID!]!) { markOrdersPickedUp(orderIds: $ids) {
        __typename ... on InvalidInputError { problems { field message } } } }`,
      { ids },
    );
    expect(answer.markOrdersPickedUp).toEqual({
      __typename: "InvalidInputError",
      problems: [{ field: "orderIds", message: "一次最多标记 500 个订单，请分几次标记。" }],
    });
    expect(await orderStates()).toEqual(before);
  });

  it("marks orders only once they are DELIVERED, all or none", async () => {
    const ids = april.orders.slice(0, 2).map((o) => o.id);
    const early = await staff.data<{ markOrdersPickedUp: Record<string, unknown> }>(MARK, { ids });
    expect(early.markOrdersPickedUp).toMatchObject({
      __typename: "InvalidTransitionError",
      from: "READY",
      to: "PICKED_UP",
      allowed: ["DELIVERED"],
    });

    await inTransaction(adminCtx(), (tx) => deliverOrderCycle(tx, april.cycle));
    expect(await orderStates()).toEqual([
      "DELIVERED",
      "DELIVERED",
      "DELIVERED",
      "DELIVERED",
      "CANCELLED",
    ]);

    const withCancelled = await staff.data<{ markOrdersPickedUp: Record<string, unknown> }>(MARK, {
      ids: [...ids, april.orders[4]!.id],
    });
    expect(withCancelled.markOrdersPickedUp).toMatchObject({
      __typename: "InvalidTransitionError",
      from: "CANCELLED",
    });
    expect(await orderStates()).toEqual([
      "DELIVERED",
      "DELIVERED",
      "DELIVERED",
      "DELIVERED",
      "CANCELLED",
    ]);

    const done = await staff.data<{ markOrdersPickedUp: { orders: { state: string }[] } }>(MARK, {
      ids,
    });
    expect(done.markOrdersPickedUp.orders.map((o) => o.state)).toEqual(["PICKED_UP", "PICKED_UP"]);
    const noShow = await staff.data<{
      markOrderNoShow: { orders: { orderId: string; state: string }[] };
    }>(NO_SHOW, {
      id: april.orders[2]!.id,
    });
    expect(noShow.markOrderNoShow.orders).toEqual([
      { orderId: april.orders[2]!.id, state: "NO_SHOW" },
    ]);
    expect(await orderStates()).toEqual([
      "PICKED_UP",
      "PICKED_UP",
      "NO_SHOW",
      "DELIVERED",
      "CANCELLED",
    ]);
    // the pickup screen reads the same states from the packing list
    const after = await staff.data<{
      packingList: { pickupPoints: { orders: { shortCode: string; state: string }[] }[] };
    }>(PACKING_LIST, { id: april.cycle.id });
    const stateByCode = new Map(
      after.packingList.pickupPoints.flatMap((p) => p.orders.map((o) => [o.shortCode, o.state])),
    );
    const codeOf = (n: number) => april.orders[n]!.id.slice(0, 8).toUpperCase();
    expect([0, 1, 2, 3].map((n) => stateByCode.get(codeOf(n)))).toEqual([
      "PICKED_UP",
      "PICKED_UP",
      "NO_SHOW",
      "DELIVERED",
    ]);
  });

  it("traces a consumer's complaint to the household whose lot served the line", async () => {
    await t.dataSource.query(
      `INSERT INTO feedback (producer_group_id, order_line_id, consumer_household_id, rating, category, is_complaint)
       VALUES ($1, $2, $3, 1, 'FRESHNESS', true)`,
      [fixture.groups.sanggang.id, april.lines[0]!.id, scene.consumers[0]!.id],
    );
    const query = `query($id: ID!) { householdComplaints(householdId: $id) { __typename
      ... on HouseholdComplaints { householdCode count complaints { orderCycleCode productNameZh rating category } } } }`;
    // line 1 was served only by SG-001's lot
    const sg001 = await staff.data<{ householdComplaints: unknown }>(query, {
      id: scene.households["SG-001"].id,
    });
    expect(sg001.householdComplaints).toEqual({
      __typename: "HouseholdComplaints",
      householdCode: "SG-001",
      count: 1,
      complaints: [
        { orderCycleCode: "2011-04", productNameZh: "柴鸡蛋", rating: 1, category: "FRESHNESS" },
      ],
    });
    const sg003 = await staff.data<{ householdComplaints: { count: number } }>(query, {
      id: scene.households["SG-003"].id,
    });
    expect(sg003.householdComplaints.count).toBe(0);
    // a household of another producer group is not the Sanggang staff's to see
    const other = await staff.data<{ householdComplaints: { __typename: string } }>(query, {
      id: fixture.households[3]!.id,
    });
    expect(other.householdComplaints.__typename).toBe("NotFoundError");
  });
});
