/**
 * A whole order cycle, DRAFT → SETTLED, through the real GraphQL mutations over HTTP (issue 4,
 * first "Done when"): STAFF runs the cycle and intake, FINANCE records payments and settles,
 * twenty consumer households order through the shop's placeOrder. Every figure below is worked
 * out by hand from the documented rules (modules/cycle, intake, settlement READMEs and
 * packages/domain/README.md), never copied from output.
 *
 * The market (producer group Sanggang):
 * - Producer households, incomes of 2020 (the cycle's year is after 2020, so the latest year on
 *   record is 2020 and the poverty line is clamped to 2020's: 4000 yuan):
 *   H1 SG-001 registered poor, 1500 yuan → tier REGISTERED_POOR, band ⌊4×1500/4000⌋ = 1
 *   H2 SG-003 registered poor, 3000 yuan → REGISTERED_POOR, band ⌊12000/4000⌋ = 3
 *   H3 SG-002 not poor, 6000 yuan        → BY_INCOME, band ⌊24000/4000⌋ = 6
 *   H4 SG-004 not poor, 9000 yuan        → BY_INCOME, band ⌊36000/4000⌋ = 9
 *   H5 SG-005 not poor, no income        → INCOME_UNKNOWN (served last)
 * - Offers: eggs 1 jin ¥15.00 (producer ¥12.00), walnuts 2 jin bag ¥30.00 (¥25.00),
 *   millet 5 jin bag ¥40.00 (¥32.00).
 * - Declarations: eggs H1 8, H2 6, H3 8, H4 8 (30); walnuts H3 5, H4 5, H5 4 (14); millet H5 6.
 * - Fee rules: TRANSPORT 10 fen per accepted unit; GROUP_FUND 3.33 % (333 bp) of gross.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureVariants, type FixtureVariants } from "../../test/cycle-fixtures";
import { FIXTURE_PASSWORD, type Fixture, loadFixture } from "../../test/fixtures";
import { place, shopAs } from "../../test/order-operations";
import { sessionFor } from "../../test/order-fixtures";
import { type GraphqlClient, startTestApi, type TestApi } from "../../test/test-api";
import { ConsumerHousehold } from "../consumer/consumer-household.entity";
import { Household } from "../household/household.entity";
import { HouseholdYear } from "../household/household-year.entity";
import { User } from "../identity/user.entity";

let t: TestApi;
let fixture: Fixture;
let variants: FixtureVariants;
let staff: GraphqlClient;
let finance: GraphqlClient;
/** H1 … H5 as in the file comment. */
let h: Record<"H1" | "H2" | "H3" | "H4" | "H5", Household>;
/** Bearer tokens of the twenty consumer households (O1 is placed by consumer 0, …). */
let consumerTokens: string[] = [];

beforeAll(async () => {
  t = await startTestApi("whole_cycle", {
    prepare: async (ds) => {
      fixture = await loadFixture(ds);
      const m = ds.manager;
      const sg = fixture.groups.sanggang;
      const [sg001, sg002] = fixture.households as [Household, Household];
      const extra = await m.save(
        Household,
        [
          { code: "SG-003", headName: "刘凤英", registeredPoor: true, size: 2 },
          { code: "SG-004", headName: "陈志强", registeredPoor: false, size: 4 },
          { code: "SG-005", headName: "杨春生", registeredPoor: false, size: 3 },
        ].map((x) => ({
          ...x,
          producerGroupId: sg.id,
          villageId: fixture.villages.sanggang.id,
          headSex: "M" as const,
          headAgeBand: "50_59" as const,
          membershipState: "ACTIVE" as const,
          joinedOn: "2011-04-01",
        })),
      );
      h = { H1: sg001, H2: extra[0]!, H3: sg002, H4: extra[1]!, H5: extra[2]! };
      await m.save(HouseholdYear, [
        {
          householdId: h.H1.id,
          year: 2020,
          povertyStatus: "REGISTERED",
          perCapitaNetIncomeYuan: 1500,
        },
        {
          householdId: h.H2.id,
          year: 2020,
          povertyStatus: "REGISTERED",
          perCapitaNetIncomeYuan: 3000,
        },
        {
          householdId: h.H3.id,
          year: 2020,
          povertyStatus: "NOT_REGISTERED",
          perCapitaNetIncomeYuan: 6000,
        },
        {
          householdId: h.H4.id,
          year: 2020,
          povertyStatus: "NOT_REGISTERED",
          perCapitaNetIncomeYuan: 9000,
        },
      ] as Partial<HouseholdYear>[]);
      consumerTokens = [];
      for (let i = 0; i < 20; i += 1) {
        const user = await m.save(User, {
          email: `whole-cycle${i}@fixture.test`,
          passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$placeholder",
          role: "CONSUMER",
          displayName: `家庭 ${i + 1}`,
        });
        await m.save(ConsumerHousehold, {
          producerGroupId: sg.id,
          consumerGroupId: fixture.consumerGroup.id,
          userId: user.id,
          displayName: `家庭 ${i + 1}`,
          defaultPickupPointId: fixture.pickupPoint.id,
        });
        consumerTokens.push(await sessionFor(ds, user.id));
      }
    },
  });
  variants = await fixtureVariants(t.dataSource);
  staff = await t.admin().signIn(fixture.logins.STAFF, FIXTURE_PASSWORD);
  finance = await t.admin().signIn(fixture.logins.FINANCE, FIXTURE_PASSWORD);
});
afterAll(() => t?.close());

const TRANSITION = `mutation($id: ID!, $to: OrderCycleState!) {
  transitionOrderCycle(id: $id, to: $to) {
    __typename
    ... on AdminOrderCycle { state }
    ... on InvalidTransitionError { from to allowed message }
    ... on InvalidInputError { problems { field message } }
    ... on ErrorResult { errorCode message }
  }
}`;

const CHECK = `mutation($input: QualityCheckInput!) {
  recordQualityCheck(input: $input) {
    __typename
    ... on QualityCheckRecorded { lotState shortfall refunds { units adjustment { orderLineId amountFen } } }
    ... on ErrorResult { errorCode message }
  }
}`;

type Variant = "eggs" | "walnuts" | "millet";

/** The cycle's id and its offers' ids by variant, set as the scenario goes. */
let cycleId = "";
const offerIds = {} as Record<Variant, string>;
/** O1 … O20: order id and its line ids by variant. */
const orders: { id: string; lines: Partial<Record<Variant, string>> }[] = [];
/** Lot ids by household and variant, e.g. "H2 eggs". */
const lotIds = new Map<string, string>();

async function transition(to: string): Promise<Record<string, unknown>> {
  const res = await staff.data<{ transitionOrderCycle: Record<string, unknown> }>(TRANSITION, {
    id: cycleId,
    to,
  });
  return res.transitionOrderCycle;
}

async function cycleState(): Promise<string> {
  const [row] = (await t.dataSource.query("SELECT state FROM order_cycles WHERE id = $1", [
    cycleId,
  ])) as [{ state: string }];
  return row.state;
}

/** Order and payment states of O1 … O20, as "STATE/PAYMENT". */
async function orderStates(): Promise<string[]> {
  const rows = (await t.dataSource.query(
    "SELECT id, state, payment_state FROM orders WHERE order_cycle_id = $1",
    [cycleId],
  )) as { id: string; state: string; payment_state: string }[];
  const byId = new Map(rows.map((r) => [r.id, `${r.state}/${r.payment_state}`]));
  return orders.map((o) => byId.get(o.id)!);
}

/** O<n>: 1-based, as in the comments. */
const O = (n: number) => orders[n - 1]!;

describe("a whole cycle, DRAFT to SETTLED, through the API", () => {
  it("plans the cycle: DRAFT, declarations, offers, DECLARING → OPEN", async () => {
    // The ordering window is by the database clock: opened an hour ago, closes in two hours.
    const [{ now }] = (await t.dataSource.query("SELECT now() AS now")) as [{ now: Date }];
    const shanghaiDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
    const deliveryOn = shanghaiDay(now.getTime() + 3 * 24 * 3600_000);
    const created = await staff.data<{
      createOrderCycle: { __typename: string; id: string; state: string };
    }>(
      `mutation($input: CreateOrderCycleInput!) { createOrderCycle(input: $input) {
        __typename ... on AdminOrderCycle { id state } ... on InvalidInputError { problems { field message } } } }`,
      {
        input: {
          producerGroupId: fixture.groups.sanggang.id,
          code: deliveryOn.slice(0, 7),
          declarationOpensOn: shanghaiDay(now.getTime() - 24 * 3600_000),
          opensAt: new Date(now.getTime() - 3600_000).toISOString(),
          closesAt: new Date(now.getTime() + 2 * 3600_000).toISOString(),
          deliveryOn,
        },
      },
    );
    expect(created.createOrderCycle).toMatchObject({
      __typename: "AdminOrderCycle",
      state: "DRAFT",
    });
    cycleId = created.createOrderCycle.id;
    expect(await transition("DECLARING")).toEqual({
      __typename: "AdminOrderCycle",
      state: "DECLARING",
    });

    const { eggsJin, walnuts, millet } = variants;
    const entries = [
      [h.H1, eggsJin, 8],
      [h.H2, eggsJin, 6],
      [h.H3, eggsJin, 8],
      [h.H4, eggsJin, 8],
      [h.H3, walnuts, 5],
      [h.H4, walnuts, 5],
      [h.H5, walnuts, 4],
      [h.H5, millet, 6],
    ] as const;
    const declared = await staff.data<{
      recordSupplyDeclarations: { __typename: string; saved: number };
    }>(
      `mutation($id: ID!, $entries: [SupplyDeclarationEntry!]!) {
        recordSupplyDeclarations(orderCycleId: $id, entries: $entries) {
          __typename ... on SupplyDeclarationsRecorded { saved } ... on InvalidInputError { problems { field message } } } }`,
      {
        id: cycleId,
        entries: entries.map(([household, variant, quantity]) => ({
          householdId: household.id,
          variantId: variant.id,
          quantity,
        })),
      },
    );
    expect(declared.recordSupplyDeclarations).toEqual({
      __typename: "SupplyDeclarationsRecorded",
      saved: 8,
    });

    const published = await staff.data<{
      publishOffers: {
        __typename: string;
        offers: {
          id: string;
          variantId: string;
          quantityDeclared: number;
          quantityTotal: number;
        }[];
      };
    }>(
      `mutation($id: ID!, $offers: [OfferPlanInput!]!) { publishOffers(orderCycleId: $id, offers: $offers) {
        __typename ... on OffersPublished { offers { id variantId quantityDeclared quantityTotal } }
        ... on InvalidInputError { problems { field message } } } }`,
      {
        id: cycleId,
        offers: [
          { variantId: eggsJin.id, priceFen: 1500, producerPriceFen: 1200, buffer: 2 },
          { variantId: walnuts.id, priceFen: 3000, producerPriceFen: 2500, buffer: 1 },
          { variantId: millet.id, priceFen: 4000, producerPriceFen: 3200, buffer: 0 },
        ],
      },
    );
    expect(published.publishOffers.__typename).toBe("OffersPublished");
    const byVariant = new Map(published.publishOffers.offers.map((o) => [o.variantId, o]));
    // total = declared − buffer: eggs 30 − 2 = 28, walnuts 14 − 1 = 13, millet 6 − 0 = 6
    expect(byVariant.get(eggsJin.id)).toMatchObject({ quantityDeclared: 30, quantityTotal: 28 });
    expect(byVariant.get(walnuts.id)).toMatchObject({ quantityDeclared: 14, quantityTotal: 13 });
    expect(byVariant.get(millet.id)).toMatchObject({ quantityDeclared: 6, quantityTotal: 6 });
    offerIds.eggs = byVariant.get(eggsJin.id)!.id;
    offerIds.walnuts = byVariant.get(walnuts.id)!.id;
    offerIds.millet = byVariant.get(millet.id)!.id;

    expect(await transition("OPEN")).toEqual({ __typename: "AdminOrderCycle", state: "OPEN" });
  });

  it("takes twenty orders through the shop's placeOrder (¥790.00 in all)", async () => {
    // E = eggs ¥15.00, W = walnuts ¥30.00, M = millet ¥40.00; placed one after another.
    const plan: Partial<Record<Variant, number>>[] = [
      { eggs: 2 }, //               O1  3000
      { eggs: 1, walnuts: 1 }, //   O2  4500
      { eggs: 2 }, //               O3  3000
      { eggs: 3 }, //               O4  4500
      { eggs: 2 }, //               O5  3000
      { eggs: 1, walnuts: 1 }, //   O6  4500
      { eggs: 3 }, //               O7  4500
      { eggs: 2 }, //               O8  3000
      { eggs: 2, millet: 1 }, //    O9  7000
      { walnuts: 2 }, //            O10 6000
      { walnuts: 1 }, //            O11 3000
      { walnuts: 1, millet: 1 }, // O12 7000
      { walnuts: 2 }, //            O13 6000
      { millet: 1 }, //             O14 4000
      { eggs: 1 }, //               O15 1500
      { eggs: 1 }, //               O16 1500
      { walnuts: 1 }, //            O17 3000
      { millet: 1 }, //             O18 4000
      { eggs: 2 }, //               O19 3000
      { walnuts: 1 }, //            O20 3000
    ];
    const totals = [
      3000, 4500, 3000, 4500, 3000, 4500, 4500, 3000, 7000, 6000, 3000, 7000, 6000, 4000, 1500,
      1500, 3000, 4000, 3000, 3000,
    ];
    for (const [i, lines] of plan.entries()) {
      const answer = await place(shopAs(t, consumerTokens[i]!), {
        orderCycleId: cycleId,
        pickupPointId: fixture.pickupPoint.id,
        idempotencyKey: `whole-cycle-order-${i + 1}`,
        lines: Object.entries(lines).map(([v, quantity]) => ({
          offerId: offerIds[v as Variant],
          quantity,
        })),
      });
      expect(answer).toMatchObject({ __typename: "Order", state: "PLACED", totalFen: totals[i] });
      orders.push({ id: answer.id!, lines: {} });
    }
    const lines = (await t.dataSource.query(
      `SELECT l.id, l.order_id, f.id AS offer_id FROM order_lines l JOIN offers f ON f.id = l.offer_id
        JOIN orders o ON o.id = l.order_id WHERE o.order_cycle_id = $1`,
      [cycleId],
    )) as { id: string; order_id: string; offer_id: string }[];
    const variantOf = new Map(Object.entries(offerIds).map(([v, id]) => [id, v as Variant]));
    for (const line of lines)
      orders.find((o) => o.id === line.order_id)!.lines[variantOf.get(line.offer_id)!] = line.id;
    // eggs 22 × 1500 + walnuts 10 × 3000 + millet 4 × 4000 = 33000 + 30000 + 16000 = 79000
    expect(totals.reduce((a, b) => a + b, 0)).toBe(79000);
  });

  it("records a payment for every order (finance), one of them in two parts", async () => {
    const RECORD = `mutation($orderId: ID!, $amountFen: Money!, $method: PaymentMethod!) {
      recordPayment(orderId: $orderId, amountFen: $amountFen, method: $method, reference: "REF") {
        __typename ... on InvalidInputError { problems { field message } } } }`;
    const methods = ["WECHAT_PAY", "ALIPAY", "BANK_TRANSFER", "CASH"];
    const totals = [
      3000, 4500, 3000, 4500, 3000, 4500, 4500, 3000, 7000, 6000, 3000, 7000, 6000, 4000, 1500,
      1500, 3000, 4000, 3000,
    ];
    for (const [i, amountFen] of totals.entries()) {
      const res = await finance.data<{ recordPayment: { __typename: string } }>(RECORD, {
        orderId: orders[i]!.id,
        amountFen,
        method: methods[i % 4],
      });
      expect(res.recordPayment.__typename).toBe("RecordedPayment");
    }
    // O20 pays its 3000 as 1000 (still UNPAID) then 2000 (PAID)
    for (const amountFen of [1000, 2000]) {
      const res = await finance.data<{ recordPayment: { __typename: string } }>(RECORD, {
        orderId: O(20).id,
        amountFen,
        method: "CASH",
      });
      expect(res.recordPayment.__typename).toBe("RecordedPayment");
    }
    expect(await orderStates()).toEqual(Array(20).fill("PLACED/PAID"));
  });

  it("closes (orders LOCKED, one lot per declaration) and allocates pro-poor", async () => {
    expect(await transition("CLOSED")).toEqual({ __typename: "AdminOrderCycle", state: "CLOSED" });
    expect(await orderStates()).toEqual(Array(20).fill("LOCKED/PAID"));
    expect(await transition("ALLOCATED")).toEqual({
      __typename: "AdminOrderCycle",
      state: "ALLOCATED",
    });
    const codeOf = new Map(Object.entries(h).map(([k, x]) => [x.id, k]));
    const nameOf = new Map([
      [variants.eggsJin.id, "eggs"],
      [variants.walnuts.id, "walnuts"],
      [variants.millet.id, "millet"],
    ]);
    const lots = (await t.dataSource.query(
      `SELECT id, household_id, variant_id, state, quantity_declared, quantity_allocated
         FROM lots WHERE order_cycle_id = $1`,
      [cycleId],
    )) as {
      id: string;
      household_id: string;
      variant_id: string;
      state: string;
      quantity_declared: number;
      quantity_allocated: number;
    }[];
    const summary = Object.fromEntries(
      lots.map((l) => {
        const key = `${codeOf.get(l.household_id)} ${nameOf.get(l.variant_id)}`;
        lotIds.set(key, l.id);
        return [key, `${l.state} ${l.quantity_allocated}/${l.quantity_declared}`];
      }),
    );
    // Eggs, 22 units wanted: served H1 (poor, band 1), H2 (poor, band 3), H3 (band 6), H4 (band 9).
    //   H1 takes 8, H2 6, H3 the remaining 22 − 14 = 8, H4 nothing (stays DECLARED).
    // Walnuts, 10 wanted: H3 (band 6) 5, H4 (band 9) 5, H5 (no income) nothing.
    // Millet, 4 wanted: H5 4 of its 6.
    expect(summary).toEqual({
      "H1 eggs": "ALLOCATED 8/8",
      "H2 eggs": "ALLOCATED 6/6",
      "H3 eggs": "ALLOCATED 8/8",
      "H4 eggs": "DECLARED 0/8",
      "H3 walnuts": "ALLOCATED 5/5",
      "H4 walnuts": "ALLOCATED 5/5",
      "H5 walnuts": "DECLARED 0/4",
      "H5 millet": "ALLOCATED 4/6",
    });
    // Lines filled in order placed: H1 eggs ← O1 2, O2 1, O3 2, O4 3; H2 eggs ← O5 2, O6 1, O7 3;
    // H3 eggs ← O8 2, O9 2, O15 1, O16 1, O19 2. H3 walnuts ← O2 1, O6 1, O10 2, O11 1;
    // H4 walnuts ← O12 1, O13 2, O17 1, O20 1. H5 millet ← O9, O12, O14, O18 1 each.
    const rows = (await t.dataSource.query(
      `SELECT a.lot_id, a.order_line_id, a.quantity, a.rank, a.reason FROM allocations a
         JOIN lots l ON l.id = a.lot_id WHERE l.order_cycle_id = $1`,
      [cycleId],
    )) as {
      lot_id: string;
      order_line_id: string;
      quantity: number;
      rank: number;
      reason: string;
    }[];
    const got = (lot: string) =>
      rows
        .filter((r) => r.lot_id === lotIds.get(lot))
        .map(
          (r) =>
            `O${orders.findIndex((o) => Object.values(o.lines).includes(r.order_line_id)) + 1}:${r.quantity}`,
        )
        .sort((a, b) => Number(a.split(":")[0]!.slice(1)) - Number(b.split(":")[0]!.slice(1)));
    expect(got("H1 eggs")).toEqual(["O1:2", "O2:1", "O3:2", "O4:3"]);
    expect(got("H2 eggs")).toEqual(["O5:2", "O6:1", "O7:3"]);
    expect(got("H3 eggs")).toEqual(["O8:2", "O9:2", "O15:1", "O16:1", "O19:2"]);
    expect(got("H3 walnuts")).toEqual(["O2:1", "O6:1", "O10:2", "O11:1"]);
    expect(got("H4 walnuts")).toEqual(["O12:1", "O13:2", "O17:1", "O20:1"]);
    expect(got("H5 millet")).toEqual(["O9:1", "O12:1", "O14:1", "O18:1"]);
    // The reasons: ratio in basis points of the 2020 line (4000): 1500/4000 = 3750 bp,
    // 3000/4000 = 7500, 6000/4000 = 15000; each band alone (rotation 1/1), first cycle (0).
    const reasonOf = (lot: string) => rows.find((r) => r.lot_id === lotIds.get(lot))!;
    expect(reasonOf("H1 eggs")).toMatchObject({
      rank: 1,
      reason: "rank=1;tier=REGISTERED_POOR;ratio=3750;band=1;rotation=1/1;cycle=0",
    });
    expect(reasonOf("H2 eggs")).toMatchObject({
      rank: 2,
      reason: "rank=2;tier=REGISTERED_POOR;ratio=7500;band=3;rotation=1/1;cycle=0",
    });
    expect(reasonOf("H3 eggs")).toMatchObject({
      rank: 3,
      reason: "rank=3;tier=BY_INCOME;ratio=15000;band=6;rotation=1/1;cycle=0",
    });
    expect(await orderStates()).toEqual(Array(20).fill("ALLOCATED/PAID"));
  });

  it("checks quality: H2's eggs REJECTED, H4's walnuts PARTIAL, the rest ACCEPTED", async () => {
    // quality checks need COLLECTING; packing before every allocated lot is checked is refused
    expect(await transition("COLLECTING")).toEqual({
      __typename: "AdminOrderCycle",
      state: "COLLECTING",
    });
    const early = await transition("PACKED");
    expect(early.__typename).toBe("InvalidTransitionError");

    const check = async (lot: string, received: number, accepted: number, reason?: string) =>
      (
        await staff.data<{ recordQualityCheck: Record<string, unknown> }>(CHECK, {
          input: {
            lotId: lotIds.get(lot),
            quantityReceived: received,
            quantityAccepted: accepted,
            reason: reason ?? null,
          },
        })
      ).recordQualityCheck;
    for (const [lot, units] of [
      ["H1 eggs", 8],
      ["H3 eggs", 8],
      ["H3 walnuts", 5],
      ["H5 millet", 4],
    ] as const) {
      expect(await check(lot, units, units)).toMatchObject({
        __typename: "QualityCheckRecorded",
        lotState: "ACCEPTED",
        shortfall: 0,
        refunds: [],
      });
    }
    // H2's 6 eggs all cracked: shortfall 6, each allocation refunded whole at ¥15.00:
    // O5 2 × 1500 = 3000, O6 1 × 1500 = 1500, O7 3 × 1500 = 4500.
    const rejected = await check("H2 eggs", 6, 0, "CRACKED");
    expect(rejected).toMatchObject({ lotState: "REJECTED", shortfall: 6 });
    const refunds = (r: Record<string, unknown>) =>
      (r.refunds as { units: number; adjustment: { orderLineId: string; amountFen: number } }[])
        .map((x) => ({
          line: x.adjustment.orderLineId,
          units: x.units,
          fen: x.adjustment.amountFen,
        }))
        .sort((a, b) => a.line.localeCompare(b.line));
    const expected = (list: { line: string; units: number; fen: number }[]) =>
      list.sort((a, b) => a.line.localeCompare(b.line));
    expect(refunds(rejected)).toEqual(
      expected([
        { line: O(5).lines.eggs!, units: 2, fen: 3000 },
        { line: O(6).lines.eggs!, units: 1, fen: 1500 },
        { line: O(7).lines.eggs!, units: 3, fen: 4500 },
      ]),
    );
    // H4's walnuts: 5 allocated, 5 received, 3 accepted (stale) → shortfall 2 over the
    // allocations O12 1, O13 2, O17 1, O20 1 (weights of 5): exact 0.4, 0.8, 0.4, 0.4 → all floor
    // to 0; the 2 units go to the largest remainders: O13 (0.8), then of the tied 0.4s the order
    // placed first, O12. Refunds: O12 1 × 3000 = 3000, O13 1 × 3000 = 3000.
    const partial = await check("H4 walnuts", 5, 3, "STALE");
    expect(partial).toMatchObject({ lotState: "PARTIAL", shortfall: 2 });
    expect(refunds(partial)).toEqual(
      expected([
        { line: O(12).lines.walnuts!, units: 1, fen: 3000 },
        { line: O(13).lines.walnuts!, units: 1, fen: 3000 },
      ]),
    );
  });

  it("packs: O5 and O7 (nothing left) are cancelled, the rest READY; the packing list agrees", async () => {
    expect(await transition("PACKED")).toEqual({ __typename: "AdminOrderCycle", state: "PACKED" });
    const states = await orderStates();
    expect(states[4]).toBe("CANCELLED/PAID");
    expect(states[6]).toBe("CANCELLED/PAID");
    expect(states.filter((s) => s === "READY/PAID")).toHaveLength(18);

    const list = await staff.data<{
      packingList: {
        pickupPoints: {
          orders: { shortCode: string; lines: { variantNameZh: string; units: number }[] }[];
          totals: { variantNameZh: string; units: number }[];
        }[];
      };
    }>(
      `query($id: ID!) { packingList(orderCycleId: $id) { __typename ... on PackingList {
        pickupPoints { orders { shortCode lines { variantNameZh units } } totals { variantNameZh units } } } } }`,
      { id: cycleId },
    );
    const [point] = list.packingList.pickupPoints;
    expect(list.packingList.pickupPoints).toHaveLength(1);
    // 18 orders to pack (O5 and O7 cancelled); O6 only its walnut (its egg was rejected)
    expect(point!.orders).toHaveLength(18);
    const o6 = point!.orders.find((o) => o.shortCode === O(6).id.slice(0, 8).toUpperCase())!;
    expect(o6.lines).toEqual([{ variantNameZh: "两斤装", units: 1 }]);
    // O12 only its millet (its walnut was the one H4 came short); O13 one walnut of two
    const o12 = point!.orders.find((o) => o.shortCode === O(12).id.slice(0, 8).toUpperCase())!;
    expect(o12.lines).toEqual([{ variantNameZh: "五斤装", units: 1 }]);
    const o13 = point!.orders.find((o) => o.shortCode === O(13).id.slice(0, 8).toUpperCase())!;
    expect(o13.lines).toEqual([{ variantNameZh: "两斤装", units: 1 }]);
    // totals = accepted units: eggs H1 8 + H3 8 = 16; walnuts H3 5 + H4 3 = 8; millet 4
    expect(Object.fromEntries(point!.totals.map((x) => [x.variantNameZh, x.units]))).toEqual({
      一斤装: 16,
      两斤装: 8,
      五斤装: 4,
    });
    const csv = await fetch(`${t.api.url}/admin/packing-list.csv?orderCycleId=${cycleId}`, {
      headers: { authorization: `Bearer ${await staffBearer()}` },
    });
    expect(csv.status).toBe(200);
    // header + one row per line with units left: 18 orders, of which O2 (egg, walnut) and O9
    // (eggs, millet) have two; O6 lost its egg and O12 its only walnut (1 − 1 = 0) → 20 rows
    const text = (await csv.text()).trim();
    expect(text.split("\n")).toHaveLength(1 + 20);
  });

  it("dispatches, delivers; pickups with one no-show (O19)", async () => {
    expect(await transition("DISPATCHED")).toMatchObject({ state: "DISPATCHED" });
    expect(await transition("DELIVERED")).toMatchObject({ state: "DELIVERED" });
    const pickedUp = orders
      .map((o, i) => ({ id: o.id, n: i + 1 }))
      .filter(({ n }) => ![5, 7, 19].includes(n))
      .map((o) => o.id);
    const marked = await staff.data<{
      markOrdersPickedUp: { __typename: string; orders: unknown[] };
    }>(
      `mutation($ids: [ID!]!) { markOrdersPickedUp(orderIds: $ids) { __typename
        ... on OrdersMarked { orders { orderId state } } ... on ErrorResult { message } } }`,
      { ids: pickedUp },
    );
    expect(marked.markOrdersPickedUp.__typename).toBe("OrdersMarked");
    expect(marked.markOrdersPickedUp.orders).toHaveLength(17);
    const noShow = await staff.data<{ markOrderNoShow: { __typename: string } }>(
      `mutation($id: ID!) { markOrderNoShow(orderId: $id) { __typename ... on ErrorResult { message } } }`,
      { id: O(19).id },
    );
    expect(noShow.markOrderNoShow.__typename).toBe("OrdersMarked");
  });

  it("creates the fee rules (finance) and enters SETTLING: settlements and payment states", async () => {
    const RULE = `mutation($input: CreateFeeRuleInput!) { createFeeRule(input: $input) {
      __typename ... on InvalidInputError { problems { field message } } } }`;
    for (const input of [
      { kind: "TRANSPORT", basis: "PER_UNIT", perUnitFen: 10 },
      { kind: "GROUP_FUND", basis: "PERCENT_OF_GROSS", rateBasisPoints: 333 },
    ]) {
      const res = await finance.data<{ createFeeRule: { __typename: string } }>(RULE, {
        input: { ...input, producerGroupId: fixture.groups.sanggang.id, validFrom: "2020-01-01" },
      });
      expect(res.createFeeRule.__typename).toBe("FeeRule");
    }
    expect(await transition("SETTLING")).toEqual({
      __typename: "AdminOrderCycle",
      state: "SETTLING",
    });

    // Payment states once intake fixed what is owed (paid > due → CREDIT_OWED, = → SETTLED):
    // O5, O7 cancelled: due 0, paid 3000 / 4500 → CREDIT_OWED;
    // O6 due 4500 − 1500 = 3000, paid 4500; O12 due 7000 − 3000 = 4000, paid 7000;
    // O13 due 6000 − 3000 = 3000, paid 6000 → CREDIT_OWED. The others paid exactly → SETTLED.
    const credit = [5, 6, 7, 12, 13];
    expect(await orderStates()).toEqual(
      orders.map((_, i) => {
        const n = i + 1;
        const state = n === 5 || n === 7 ? "CANCELLED" : n === 19 ? "NO_SHOW" : "PICKED_UP";
        return `${state}/${credit.includes(n) ? "CREDIT_OWED" : "SETTLED"}`;
      }),
    );

    const res = await finance.data<{ settlements: { totalItems: number; items: SettlementRow[] } }>(
      SETTLEMENTS,
      { cycle: cycleId },
    );
    const byCode = new Map(
      res.settlements.items.map((s) => [
        Object.entries(h).find(([, x]) => x.id === s.householdId)![0],
        {
          state: s.state,
          gross: s.grossFen,
          deductions: Object.fromEntries(s.deductions.map((d) => [d.kind, d.amountFen])),
          total: s.deductionsFen,
          net: s.netFen,
        },
      ]),
    );
    // Gross = Σ min(accepted, allocated) × producer price:
    //   H1 8 eggs × 1200 = 9600; H2 0 (rejected) = 0; H3 8 × 1200 + 5 walnuts × 2500 = 22100;
    //   H4 3 walnuts × 2500 = 7500 (its eggs were never allocated); H5 4 millet × 3200 = 12800.
    //   Group gross = 9600 + 0 + 22100 + 7500 + 12800 = 52000.
    // TRANSPORT 10 fen × accepted units: H1 80, H2 0, H3 130, H4 30, H5 40 (280 in all).
    // GROUP_FUND total round-half-up(52000 × 333 / 10000 = 1731.6) = 1732, split by gross:
    //   H1 1732 × 9600/52000 = 319.75…, H3 × 22100/52000 = 736.1, H4 × 7500/52000 = 249.80…,
    //   H5 × 12800/52000 = 426.33…; floors 319 + 736 + 249 + 426 = 1730, the 2 fen left go to the
    //   largest remainders H4 (.80) and H1 (.75): H1 320, H2 0, H3 736, H4 250, H5 426.
    // Net: H1 9600 − 80 − 320 = 9200; H2 0; H3 22100 − 130 − 736 = 21234;
    //   H4 7500 − 30 − 250 = 7220; H5 12800 − 40 − 426 = 12334.
    expect(res.settlements.totalItems).toBe(5);
    expect(Object.fromEntries(byCode)).toEqual({
      H1: {
        state: "CALCULATED",
        gross: 9600,
        deductions: { TRANSPORT: 80, GROUP_FUND: 320 },
        total: 400,
        net: 9200,
      },
      H2: {
        state: "CALCULATED",
        gross: 0,
        deductions: { TRANSPORT: 0, GROUP_FUND: 0 },
        total: 0,
        net: 0,
      },
      H3: {
        state: "CALCULATED",
        gross: 22100,
        deductions: { TRANSPORT: 130, GROUP_FUND: 736 },
        total: 866,
        net: 21234,
      },
      H4: {
        state: "CALCULATED",
        gross: 7500,
        deductions: { TRANSPORT: 30, GROUP_FUND: 250 },
        total: 280,
        net: 7220,
      },
      H5: {
        state: "CALCULATED",
        gross: 12800,
        deductions: { TRANSPORT: 40, GROUP_FUND: 426 },
        total: 466,
        net: 12334,
      },
    });
    settlementIds = new Map(res.settlements.items.map((s) => [s.householdId, s.id]));
  });

  it("refunds the credit owed: O5 3000, O6 1500, O7 4500, O12 3000, O13 3000", async () => {
    const due = await finance.data<{ orders: { items: AdminOrderRow[] } }>(
      `query($id: ID!) { orders(orderCycleId: $id, filter: { paymentState: CREDIT_OWED }, page: { skip: 0, take: 50 }) {
        items { id dueFen paidFen balanceFen } } }`,
      { id: cycleId },
    );
    const byOrder = new Map(due.orders.items.map((o) => [o.id, o.balanceFen]));
    // balance = due − paid: O5 0 − 3000, O6 3000 − 4500, O7 0 − 4500, O12 4000 − 7000, O13 3000 − 6000
    expect([5, 6, 7, 12, 13].map((n) => byOrder.get(O(n).id))).toEqual([
      -3000, -1500, -4500, -3000, -3000,
    ]);
    expect(due.orders.items).toHaveLength(5);
    // each consumer sees the same balance in the shop: owed back on those five, 0 elsewhere
    const shopBalances: number[] = [];
    for (const [i, o] of orders.entries()) {
      const mine = await shopAs(t, consumerTokens[i]!).data<{ myOrder: { balanceFen: number } }>(
        `query($id: ID!) { myOrder(id: $id) { ... on Order { balanceFen } } }`,
        { id: o.id },
      );
      shopBalances.push(mine.myOrder.balanceFen);
    }
    const owedBack = new Map([
      [5, -3000],
      [6, -1500],
      [7, -4500],
      [12, -3000],
      [13, -3000],
    ]);
    expect(shopBalances).toEqual(orders.map((_, i) => owedBack.get(i + 1) ?? 0));
    for (const n of [5, 6, 7, 12, 13]) {
      const res = await finance.data<{
        recordRefund: { __typename: string; paymentState: string };
      }>(
        `mutation($id: ID!) { recordRefund(orderId: $id, method: WECHAT_PAY, reference: "RF") {
          __typename ... on AdminOrder { paymentState } ... on ErrorResult { message } } }`,
        { id: O(n).id },
      );
      expect(res.recordRefund).toEqual({ __typename: "AdminOrder", paymentState: "REFUNDED" });
    }
    // once the money went back, nobody owes anybody: balance 0 on both sides
    const after = await finance.data<{ orders: { items: AdminOrderRow[] } }>(
      `query($id: ID!) { orders(orderCycleId: $id, filter: { paymentState: REFUNDED }, page: { skip: 0, take: 50 }) {
        items { id balanceFen } } }`,
      { id: cycleId },
    );
    expect(after.orders.items.map((o) => o.balanceFen)).toEqual([0, 0, 0, 0, 0]);
    const o5 = await shopAs(t, consumerTokens[4]!).data<{ myOrder: { balanceFen: number } }>(
      `query($id: ID!) { myOrder(id: $id) { ... on Order { balanceFen } } }`,
      { id: O(5).id },
    );
    expect(o5.myOrder.balanceFen).toBe(0);
  });

  it("reconciles to the fen before paying out", async () => {
    const res = await finance.data<{ reconciliation: Record<string, number> }>(RECONCILIATION, {
      cycle: cycleId,
    });
    // payments 79000 (every order in full).
    // payouts = 9200 + 0 + 21234 + 7220 + 12334 = 49988; deductions 280 + 1732 = 2012.
    // margin = accepted × (consumer − producer): eggs 16 × 300 = 4800, walnuts 8 × 500 = 4000,
    //   millet 4 × 800 = 3200 → 12000; fees = 2012 + 12000 = 14012.
    // refunds = Σ max(0, paid − due) = 3000 + 1500 + 4500 + 3000 + 3000 = 15000; balances 0.
    // 79000 − (49988 + 14012 + 15000 − 0) = 0.
    // delivered revenue 16 × 1500 + 8 × 3000 + 4 × 4000 = 64000 = 79000 − 15000 = gross + margin.
    expect(res.reconciliation).toEqual({
      __typename: "Reconciliation",
      paymentsFen: 79000,
      payoutsFen: 49988,
      deductionsFen: 2012,
      marketMarginFen: 12000,
      feesFen: 14012,
      refundsFen: 15000,
      balancesDueFen: 0,
      differenceFen: 0,
      deliveredRevenueFen: 64000,
      grossFen: 52000,
      correctionsFen: 0,
    });
  });

  it("refuses SETTLED while settlements are unpaid; approves, pays, settles", async () => {
    const refused = await transition("SETTLED");
    expect(refused.__typename).toBe("InvalidTransitionError");
    expect(await cycleState()).toBe("SETTLING");
    for (const id of settlementIds.values()) {
      const approved = await finance.data<{
        approveSettlement: { __typename: string; state: string };
      }>(
        `mutation($id: ID!) { approveSettlement(id: $id) { __typename ... on Settlement { state } ... on ErrorResult { message } } }`,
        { id },
      );
      expect(approved.approveSettlement).toEqual({ __typename: "Settlement", state: "APPROVED" });
      const paid = await finance.data<{
        markSettlementPaid: { __typename: string; state: string };
      }>(
        `mutation($id: ID!) { markSettlementPaid(id: $id, method: BANK_TRANSFER, paidOn: "2020-06-01", reference: "PAY") {
          __typename ... on Settlement { state } ... on ErrorResult { message } } }`,
        { id },
      );
      expect(paid.markSettlementPaid).toEqual({ __typename: "Settlement", state: "PAID" });
    }
    const ack = await finance.data<{
      acknowledgeSettlement: { __typename: string; state: string };
    }>(
      `mutation($id: ID!) { acknowledgeSettlement(id: $id) { __typename ... on Settlement { state } ... on ErrorResult { message } } }`,
      { id: settlementIds.get(h.H1.id) },
    );
    expect(ack.acknowledgeSettlement).toEqual({ __typename: "Settlement", state: "ACKNOWLEDGED" });

    expect(await transition("SETTLED")).toEqual({
      __typename: "AdminOrderCycle",
      state: "SETTLED",
    });
    expect(await cycleState()).toBe("SETTLED");
    // PICKED_UP and NO_SHOW orders are CLOSED; the two cancelled stay CANCELLED.
    const refunded = [5, 6, 7, 12, 13];
    expect(await orderStates()).toEqual(
      orders.map((_, i) => {
        const n = i + 1;
        const state = n === 5 || n === 7 ? "CANCELLED" : "CLOSED";
        return `${state}/${refunded.includes(n) ? "REFUNDED" : "SETTLED"}`;
      }),
    );
    const lots = (await t.dataSource.query(
      "SELECT id, state, quantity_accepted FROM lots WHERE order_cycle_id = $1",
      [cycleId],
    )) as { id: string; state: string; quantity_accepted: number | null }[];
    const lotState = new Map(lots.map((l) => [l.id, `${l.state} ${l.quantity_accepted}`]));
    expect(Object.fromEntries([...lotIds].map(([k, id]) => [k, lotState.get(id)]))).toEqual({
      "H1 eggs": "PACKED 8",
      "H2 eggs": "REJECTED 0",
      "H3 eggs": "PACKED 8",
      "H4 eggs": "DECLARED null",
      "H3 walnuts": "PACKED 5",
      "H4 walnuts": "PACKED 3",
      "H5 walnuts": "DECLARED null",
      "H5 millet": "PACKED 4",
    });
    const settled = await finance.data<{ settlements: { items: SettlementRow[] } }>(SETTLEMENTS, {
      cycle: cycleId,
    });
    expect(
      Object.fromEntries(settled.settlements.items.map((s) => [s.householdId, s.state])),
    ).toEqual({
      [h.H1.id]: "ACKNOWLEDGED",
      [h.H2.id]: "PAID",
      [h.H3.id]: "PAID",
      [h.H4.id]: "PAID",
      [h.H5.id]: "PAID",
    });
    const after = await finance.data<{ reconciliation: { differenceFen: number } }>(
      RECONCILIATION,
      { cycle: cycleId },
    );
    expect(after.reconciliation.differenceFen).toBe(0);
  });

  it("shows the cycle overview and H4's history", async () => {
    const overview = await staff.data<{
      cycleOverview: {
        variantNameZh: string;
        declared: number;
        offered: number;
        ordered: number;
        allocated: number;
        accepted: number;
      }[];
    }>(
      `query($id: ID!) { cycleOverview(orderCycleId: $id) { variantNameZh declared offered ordered allocated accepted } }`,
      { id: cycleId },
    );
    const rows = Object.fromEntries(
      overview.cycleOverview.map(({ variantNameZh, ...rest }) => [variantNameZh, rest]),
    );
    // eggs: declared 8+6+8+8 = 30, offered 28, ordered on orders not cancelled 22 − O5 2 − O7 3
    //   = 17, allocated 22, accepted (lots) H1 8 + H2 0 + H3 8 = 16.
    // walnuts: 5+5+4 = 14, offered 13, ordered 10, allocated 10, accepted H3 5 + H4 3 = 8.
    // millet: 6, 6, 4, 4, 4.
    expect(rows).toEqual({
      一斤装: { declared: 30, offered: 28, ordered: 17, allocated: 22, accepted: 16 },
      两斤装: { declared: 14, offered: 13, ordered: 10, allocated: 10, accepted: 8 },
      五斤装: { declared: 6, offered: 6, ordered: 4, allocated: 4, accepted: 4 },
    });
    const history = await staff.data<{ householdHistory: Record<string, unknown>[] }>(
      `query($id: ID!) { householdHistory(householdId: $id) { orderCycleId state declaredUnits
        allocatedUnits acceptedUnits salesFen payoutFen settlementState corrections } }`,
      { id: h.H4.id },
    );
    // H4 declared 8 eggs + 5 walnuts = 13; allocated 0 + 5 = 5; accepted 3 (eggs never checked);
    // sales min(3, 5) × 2500 = 7500; payout = net 7220.
    expect(history.householdHistory).toEqual([
      {
        orderCycleId: cycleId,
        state: "SETTLED",
        declaredUnits: 13,
        allocatedUnits: 5,
        acceptedUnits: 3,
        salesFen: 7500,
        payoutFen: 7220,
        settlementState: "PAID",
        corrections: 0,
      },
    ]);
  });
});

type SettlementRow = {
  id: string;
  householdId: string;
  state: string;
  grossFen: number;
  deductionsFen: number;
  netFen: number;
  deductions: { kind: string; amountFen: number }[];
};
type AdminOrderRow = { id: string; dueFen: number; paidFen: number; balanceFen: number };

let settlementIds = new Map<string, string>();

const SETTLEMENTS = `query($cycle: ID!) {
  settlements(orderCycleId: $cycle) {
    totalItems
    items { id householdId state grossFen deductionsFen netFen deductions { kind amountFen } }
  }
}`;

const RECONCILIATION = `query($cycle: ID!) {
  reconciliation(orderCycleId: $cycle) {
    __typename
    ... on Reconciliation {
      paymentsFen payoutsFen deductionsFen marketMarginFen feesFen refundsFen balancesDueFen
      differenceFen deliveredRevenueFen grossFen correctionsFen
    }
  }
}`;

/** A bearer token of the fixture's STAFF user, for the CSV download. */
async function staffBearer(): Promise<string> {
  return sessionFor(t.dataSource, fixture.users.STAFF.id);
}
