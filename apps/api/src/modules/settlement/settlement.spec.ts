import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_PASSWORD, type Fixture, loadFixture } from "../../test/fixtures";
import { type GraphqlClient, startTestApi, type TestApi } from "../../test/test-api";
import { AuditLogEntry } from "../audit/audit-log-entry.entity";
import { Offer } from "../cycle/offer.entity";
import { OrderCycle } from "../cycle/order-cycle.entity";
import { Lot } from "../intake/lot.entity";
import { Order } from "../order/order.entity";
import {
  adminContext,
  createDeliveredCycle,
  type DeliveredCycle,
  deliveredOrder,
  enterCycleState,
  recordIntake,
  recordSettlementIntake,
} from "./settlement-fixtures";
import { enterSettled, enterSettling } from "./settlement-effects";
import { Settlement } from "./settlement.entity";

let t: TestApi;
let fixture: Fixture;
let market: DeliveredCycle;
let finance: GraphqlClient;

beforeAll(async () => {
  t = await startTestApi("settlement", {
    prepare: async (ds) => {
      fixture = await loadFixture(ds);
      market = await createDeliveredCycle(ds, fixture);
    },
  });
  finance = await t.admin().signIn(fixture.logins.FINANCE, FIXTURE_PASSWORD);
  finance.locale = "en";
});
afterAll(() => t?.close());

const RECORD_PAYMENT = `mutation($orderId: ID!, $amountFen: Money!) {
  recordPayment(orderId: $orderId, amountFen: $amountFen, method: WECHAT_PAY, reference: "WX-1") {
    __typename
    ... on RecordedPayment { amountFen method reference }
    ... on InvalidInputError { problems { field message } }
    ... on ErrorResult { errorCode message }
  }
}`;

const CREATE_RULE = `mutation($input: CreateFeeRuleInput!) {
  createFeeRule(input: $input) {
    __typename
    ... on FeeRule { id kind basis rateBasisPoints perUnitFen validFrom validTo }
    ... on InvalidInputError { problems { field message } }
  }
}`;

const SETTLEMENTS = `query($cycle: ID!) {
  settlements(orderCycleId: $cycle) {
    totalItems
    items { id householdId state grossFen deductionsFen adjustmentsFen netFen deductions { kind amountFen } }
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

const PAY = `mutation($id: ID!, $ref: String) {
  markSettlementPaid(id: $id, method: BANK_TRANSFER, paidOn: "2011-04-25", reference: $ref) {
    __typename
    ... on Settlement { state paidOn paidMethod payoutReference }
    ... on InvalidTransitionError { from to allowed message }
  }
}`;

type SettlementRow = {
  id: string;
  householdId: string;
  state: string;
  grossFen: number;
  deductionsFen: number;
  adjustmentsFen: number;
  netFen: number;
  deductions: { kind: string; amountFen: number }[];
};

async function settlementsOf(cycleId: string): Promise<Map<string, SettlementRow>> {
  const res = await finance.data<{ settlements: { items: SettlementRow[] } }>(SETTLEMENTS, {
    cycle: cycleId,
  });
  return new Map(res.settlements.items.map((s) => [s.householdId, s]));
}

describe("payments before intake", () => {
  it("records full and partial payments; a full one makes the order PAID", async () => {
    const { o1, o2, o3, o4 } = market.orders;
    // O1 pays its 15100 in full → PAID
    const full = await finance.data<{ recordPayment: { __typename: string } }>(RECORD_PAYMENT, {
      orderId: o1.id,
      amountFen: 15100,
    });
    expect(full.recordPayment).toEqual({
      __typename: "RecordedPayment",
      amountFen: 15100,
      method: "WECHAT_PAY",
      reference: "WX-1",
    });
    // O2 pays 6400 of 8000, O3 2000 of 10650: partial, still UNPAID; O4 pays its 3200 → PAID
    for (const [order, amountFen] of [
      [o2, 6400],
      [o3, 2000],
      [o4, 3200],
    ] as const) {
      const res = await finance.data<{ recordPayment: { __typename: string } }>(RECORD_PAYMENT, {
        orderId: order.id,
        amountFen,
      });
      expect(res.recordPayment.__typename).toBe("RecordedPayment");
    }
    const states = await t.dataSource
      .getRepository(Order)
      .find({ where: { orderCycleId: market.cycle.id } });
    const byId = new Map(states.map((o) => [o.id, o.paymentState]));
    expect([o1, o2, o3, o4].map((o) => byId.get(o.id))).toEqual([
      "PAID",
      "UNPAID",
      "UNPAID",
      "PAID",
    ]);
  });

  it("refuses amounts of 0, below 0, over ¥100,000 and more than still owed; records nothing", async () => {
    const { o3 } = market.orders;
    for (const amountFen of [0, -5, 10_000_001]) {
      const res = await finance.data<{
        recordPayment: { __typename: string; problems: { field: string }[] };
      }>(RECORD_PAYMENT, { orderId: o3.id, amountFen });
      expect(res.recordPayment.__typename).toBe("InvalidInputError");
      expect(res.recordPayment.problems.map((p) => p.field)).toEqual(["amountFen"]);
    }
    // O3 owes 10650 − 2000 = 8650: 8651 is one fen too many
    const over = await finance.data<{
      recordPayment: { problems: { message: string }[] };
    }>(RECORD_PAYMENT, { orderId: o3.id, amountFen: 8651 });
    expect(over.recordPayment.problems[0]?.message).toBe(
      "This is more than the order still owes (8650 fen).",
    );
    // a fraction of a fen never reaches the service: the Money scalar refuses it
    const fraction = await finance.request(RECORD_PAYMENT, { orderId: o3.id, amountFen: 1.5 });
    expect(fraction.body.errors?.[0]?.message).toContain("whole number of fen");
    const [{ n }] = (await t.dataSource.query(
      "SELECT COUNT(*)::int AS n FROM payments WHERE order_id = $1",
      [o3.id],
    )) as [{ n: number }];
    expect(n).toBe(1);
  });

  it("shows one order's payments and what it still owes", async () => {
    const res = await finance.data<{ orderPayments: object }>(
      `query($id: ID!) { orderPayments(orderId: $id) { __typename ... on OrderPayments {
        order { paymentState totalFen dueFen paidFen balanceFen } payments { amountFen method reference } } } }`,
      { id: market.orders.o3.id },
    );
    // O3: 3 bags × 3550 = 10650 due, 2000 paid → 8650 still owed
    expect(res.orderPayments).toEqual({
      __typename: "OrderPayments",
      order: {
        paymentState: "UNPAID",
        totalFen: 10650,
        dueFen: 10650,
        paidFen: 2000,
        balanceFen: 8650,
      },
      payments: [{ amountFen: 2000, method: "WECHAT_PAY", reference: "WX-1" }],
    });
  });

  it("lets O4 be cancelled after payment (done by the order module; set directly here)", async () => {
    await t.dataSource
      .getRepository(Order)
      .update({ id: market.orders.o4.id }, { state: "CANCELLED" });
  });
});

describe("fee rules", () => {
  it("creates a per-unit and a percent rule, ends an old one and refuses bad or overlapping ones", async () => {
    const groupId = fixture.groups.sanggang.id;
    const transport = await finance.data<{ createFeeRule: { __typename: string } }>(CREATE_RULE, {
      input: {
        producerGroupId: groupId,
        kind: "TRANSPORT",
        basis: "PER_UNIT",
        perUnitFen: 30,
        validFrom: "2011-01-01",
      },
    });
    expect(transport.createFeeRule).toMatchObject({
      __typename: "FeeRule",
      perUnitFen: 30,
      rateBasisPoints: 0,
      validTo: null,
    });
    const fund = await finance.data<{ createFeeRule: { __typename: string } }>(CREATE_RULE, {
      input: {
        producerGroupId: groupId,
        kind: "GROUP_FUND",
        basis: "PERCENT_OF_GROSS",
        rateBasisPoints: 333,
        validFrom: "2011-01-01",
      },
    });
    expect(fund.createFeeRule).toMatchObject({ __typename: "FeeRule", rateBasisPoints: 333 });
    // packaging, ended before the cycle's delivery day (2011-04-16): it must not apply
    const packaging = await finance.data<{ createFeeRule: { id: string } }>(CREATE_RULE, {
      input: {
        producerGroupId: groupId,
        kind: "PACKAGING",
        basis: "PER_UNIT",
        perUnitFen: 50,
        validFrom: "2011-01-01",
      },
    });
    const ended = await finance.data<{ endFeeRule: { __typename: string; validTo: string } }>(
      `mutation($id: ID!) { endFeeRule(id: $id, validTo: "2011-03-31") { __typename ... on FeeRule { validTo } } }`,
      { id: packaging.createFeeRule.id },
    );
    expect(ended.endFeeRule).toEqual({ __typename: "FeeRule", validTo: "2011-03-31" });

    const bad = await finance.data<{ createFeeRule: { problems: { field: string }[] } }>(
      CREATE_RULE,
      {
        input: {
          producerGroupId: groupId,
          kind: "TRANSPORT",
          basis: "PERCENT_OF_GROSS",
          rateBasisPoints: 10001,
          perUnitFen: 5,
          validFrom: "2012-01-01",
          validTo: "2011-12-31",
        },
      },
    );
    expect(bad.createFeeRule.problems.map((p) => p.field)).toEqual([
      "rateBasisPoints",
      "perUnitFen",
      "validTo",
    ]);
    const overlap = await finance.data<{
      createFeeRule: { problems: { field: string; message: string }[] };
    }>(CREATE_RULE, {
      input: {
        producerGroupId: groupId,
        kind: "TRANSPORT",
        basis: "PER_UNIT",
        perUnitFen: 40,
        validFrom: "2011-06-01",
      },
    });
    expect(overlap.createFeeRule.problems).toEqual([
      {
        field: "validFrom",
        message:
          "A TRANSPORT rule is already valid from 2011-01-01 to —; two rules of one kind cannot be valid on the same day.",
      },
    ]);
    const active = await finance.data<{ feeRules: { kind: string }[] }>(
      `query($g: ID!) { feeRules(producerGroupId: $g, activeOn: "2011-04-16") { kind } }`,
      { g: groupId },
    );
    expect(active.feeRules.map((r) => r.kind)).toEqual(["GROUP_FUND", "TRANSPORT"]);
  });
});

describe("settling a cycle with a partial and a rejected lot", () => {
  it("calculates every household's gross, deductions and net when the cycle enters SETTLING", async () => {
    const { h1, h2, h3 } = market.households;
    await recordSettlementIntake(t.dataSource, market);
    const entered = await enterCycleState(
      adminContext(t.dataSource, fixture),
      market.cycle.id,
      "SETTLING",
      enterSettling,
    );
    expect(entered).toBe("entered");
    const s = await settlementsOf(market.cycle.id);
    // gross: H1 = 6 eggs × 1200 + 2 bags × 2700 = 7200 + 5400 = 12600 (8 units)
    //        H2 = min(3 accepted, 4 allocated) = 3 × 1200 = 3600 (3 units);  H3 = 0 (rejected)
    //        Σ gross = 16200
    // TRANSPORT 30 fen/unit: H1 8 × 30 = 240, H2 3 × 30 = 90, H3 0
    // GROUP_FUND 3.33 %: 16200 × 333 / 10000 = 539.46 → 539, split by gross 12600 : 3600 : 0
    //   exact shares 419.22… and 119.77… → floors 419 + 119 = 538; the 1 fen left goes to the
    //   larger remainder (.77, H2) → H1 419, H2 120, H3 0 (Σ 539)
    // PACKAGING ended 2011-03-31: not applied
    // net: H1 12600 − (240 + 419) = 12600 − 659 = 11941; H2 3600 − (90 + 120) = 3390; H3 0
    expect(s.get(h1.id)).toMatchObject({
      state: "CALCULATED",
      grossFen: 12600,
      deductionsFen: 659,
      adjustmentsFen: 0,
      netFen: 11941,
      deductions: [
        { kind: "GROUP_FUND", amountFen: 419 },
        { kind: "TRANSPORT", amountFen: 240 },
      ],
    });
    expect(s.get(h2.id)).toMatchObject({
      state: "CALCULATED",
      grossFen: 3600,
      deductionsFen: 210,
      netFen: 3390,
      deductions: [
        { kind: "GROUP_FUND", amountFen: 120 },
        { kind: "TRANSPORT", amountFen: 90 },
      ],
    });
    expect(s.get(h3.id)).toMatchObject({
      state: "CALCULATED",
      grossFen: 0,
      deductionsFen: 0,
      netFen: 0,
      deductions: [
        { kind: "GROUP_FUND", amountFen: 0 },
        { kind: "TRANSPORT", amountFen: 0 },
      ],
    });
    expect(s.size).toBe(3);
  });

  it("sets each order's payment state from what intake left it owing", async () => {
    const { o1, o2, o3, o4 } = market.orders;
    // O1 due 15100 − 3550 = 11550, paid 15100 → CREDIT_OWED (3550 back)
    // O2 due 8000 − 1600 = 6400, paid 6400 → UNPAID → PAID → SETTLED
    // O3 due 10650 − 7100 = 3550, paid 2000 → part payment, stays UNPAID (1550 still due)
    // O4 cancelled, due 0, paid 3200 → CREDIT_OWED (refunded in full)
    const res = await finance.data<{
      orders: {
        items: {
          id: string;
          paymentState: string;
          dueFen: number;
          paidFen: number;
          balanceFen: number;
        }[];
      };
    }>(
      `query($c: ID!) { orders(orderCycleId: $c, page: { take: 10 }) { items { id paymentState dueFen paidFen balanceFen } } }`,
      { c: market.cycle.id },
    );
    const byId = new Map(res.orders.items.map((o) => [o.id, o]));
    expect(byId.get(o1.id)).toMatchObject({
      paymentState: "CREDIT_OWED",
      dueFen: 11550,
      paidFen: 15100,
      balanceFen: -3550,
    });
    expect(byId.get(o2.id)).toMatchObject({
      paymentState: "SETTLED",
      dueFen: 6400,
      paidFen: 6400,
      balanceFen: 0,
    });
    expect(byId.get(o3.id)).toMatchObject({
      paymentState: "UNPAID",
      dueFen: 3550,
      paidFen: 2000,
      balanceFen: 1550,
    });
    expect(byId.get(o4.id)).toMatchObject({
      paymentState: "CREDIT_OWED",
      dueFen: 0,
      paidFen: 3200,
      balanceFen: -3200,
    });
    const credit = await finance.data<{ orders: { totalItems: number } }>(
      `query($c: ID!) { orders(orderCycleId: $c, filter: { paymentState: CREDIT_OWED }) { totalItems } }`,
      { c: market.cycle.id },
    );
    expect(credit.orders.totalItems).toBe(2);
  });

  it("names each settlement's household by code and village", async () => {
    const res = await finance.data<{
      settlements: {
        items: {
          householdId: string;
          householdCode: string;
          householdVillage: { nameZh: string };
        }[];
      };
    }>(
      `query($cycle: ID!) { settlements(orderCycleId: $cycle) {
        items { householdId householdCode householdVillage { nameZh } } } }`,
      { cycle: market.cycle.id },
    );
    const byHousehold = new Map(res.settlements.items.map((s) => [s.householdId, s]));
    const { h1, h2, h3 } = market.households;
    // the fixture's H1 SG-001 and H2 SG-002, and H3 SG-003 made for these tests, all of 桑岗村
    expect([h1, h2, h3].map((h) => byHousehold.get(h.id))).toEqual([
      { householdId: h1.id, householdCode: "SG-001", householdVillage: { nameZh: "桑岗村" } },
      { householdId: h2.id, householdCode: "SG-002", householdVillage: { nameZh: "桑岗村" } },
      { householdId: h3.id, householdCode: "SG-003", householdVillage: { nameZh: "桑岗村" } },
    ]);
  });

  it("reconciles the cycle to 0, every term from its own rows", async () => {
    // payments 15100 + 6400 + 2000 + 3200 = 26700
    // payouts Σ net = 11941 + 3390 + 0 = 15331; deductions 659 + 210 = 869
    // margin: O1 5 eggs × 400 + 1 bag × 850 + O2 4 eggs × 400 + O3 1 bag × 850
    //       = 2000 + 850 + 1600 + 850 = 5300 → fees 869 + 5300 = 6169
    // refunds: O1 15100 − 11550 = 3550, O4 3200 → 6750; balances: O3 3550 − 2000 = 1550
    // 15331 + 6169 + 6750 − 1550 = 26700 → difference 0
    // delivered revenue 9 eggs × 1600 + 2 bags × 3550 = 21500 = gross 16200 + margin 5300
    const res = await finance.data<{ reconciliation: object }>(RECONCILIATION, {
      cycle: market.cycle.id,
    });
    expect(res.reconciliation).toEqual({
      __typename: "Reconciliation",
      paymentsFen: 26700,
      payoutsFen: 15331,
      deductionsFen: 869,
      marketMarginFen: 5300,
      feesFen: 6169,
      refundsFen: 6750,
      balancesDueFen: 1550,
      differenceFen: 0,
      deliveredRevenueFen: 21500,
      grossFen: 16200,
      correctionsFen: 0,
    });
  });

  it("refunds a credit once: CREDIT_OWED → REFUNDED; a SETTLED order cannot be refunded", async () => {
    const REFUND = `mutation($id: ID!) { recordRefund(orderId: $id, method: WECHAT_PAY, reference: "WX-R1") {
      __typename ... on AdminOrder { paymentState } ... on InvalidTransitionError { from to allowed } } }`;
    const ok = await finance.data<{ recordRefund: object }>(REFUND, { id: market.orders.o1.id });
    expect(ok.recordRefund).toEqual({ __typename: "AdminOrder", paymentState: "REFUNDED" });
    const settled = await finance.data<{ recordRefund: object }>(REFUND, {
      id: market.orders.o2.id,
    });
    expect(settled.recordRefund).toEqual({
      __typename: "InvalidTransitionError",
      from: "SETTLED",
      to: "REFUNDED",
      allowed: [],
    });
  });

  it("approves and pays a settlement once; paying twice is refused and changes nothing", async () => {
    const h1 = (await settlementsOf(market.cycle.id)).get(market.households.h1.id)!;
    const approved = await finance.data<{
      approveSettlement: { __typename: string; state: string };
    }>(
      `mutation($id: ID!) { approveSettlement(id: $id) { __typename ... on Settlement { state } } }`,
      { id: h1.id },
    );
    expect(approved.approveSettlement).toEqual({ __typename: "Settlement", state: "APPROVED" });
    const paid = await finance.data<{ markSettlementPaid: object }>(PAY, {
      id: h1.id,
      ref: "BANK-001",
    });
    expect(paid.markSettlementPaid).toEqual({
      __typename: "Settlement",
      state: "PAID",
      paidOn: "2011-04-25",
      paidMethod: "BANK_TRANSFER",
      payoutReference: "BANK-001",
    });
    const before = await t.dataSource.getRepository(Settlement).findOneByOrFail({ id: h1.id });
    const again = await finance.data<{ markSettlementPaid: object }>(PAY, {
      id: h1.id,
      ref: "BANK-002",
    });
    expect(again.markSettlementPaid).toEqual({
      __typename: "InvalidTransitionError",
      from: "PAID",
      to: "PAID",
      allowed: ["ACKNOWLEDGED", "DISPUTED"],
      message: "The settlement cannot go from PAID to PAID (it may go to: ACKNOWLEDGED, DISPUTED).",
    });
    expect(await t.dataSource.getRepository(Settlement).findOneByOrFail({ id: h1.id })).toEqual(
      before,
    );
  });

  it("never changes a paid settlement: not by approval, nor by recalculation with a new fee rule", async () => {
    const repo = t.dataSource.getRepository(Settlement);
    const h1 = (await settlementsOf(market.cycle.id)).get(market.households.h1.id)!;
    const before = await repo.findOneByOrFail({ id: h1.id });
    const reapprove = await finance.data<{ approveSettlement: { __typename: string } }>(
      `mutation($id: ID!) { approveSettlement(id: $id) { __typename } }`,
      { id: h1.id },
    );
    expect(reapprove.approveSettlement.__typename).toBe("InvalidTransitionError");
    // a packaging fee of 10 fen a unit from 2011-04-01 applies to H2 (still CALCULATED) only:
    // H2 3 units × 10 = 30 more → deductions 210 + 30 = 240, net 3600 − 240 = 3360
    await finance.data(CREATE_RULE, {
      input: {
        producerGroupId: fixture.groups.sanggang.id,
        kind: "PACKAGING",
        basis: "PER_UNIT",
        perUnitFen: 10,
        validFrom: "2011-04-01",
      },
    });
    const recalculated = await finance.data<{ recalculateSettlements: { __typename: string } }>(
      `mutation($c: ID!) { recalculateSettlements(orderCycleId: $c) { __typename } }`,
      { c: market.cycle.id },
    );
    expect(recalculated.recalculateSettlements.__typename).toBe("RecalculatedSettlements");
    expect(await repo.findOneByOrFail({ id: h1.id })).toEqual(before);
    const s = await settlementsOf(market.cycle.id);
    expect(s.get(market.households.h1.id)?.deductions).toHaveLength(2);
    expect(s.get(market.households.h2.id)).toMatchObject({
      state: "CALCULATED",
      deductionsFen: 240,
      netFen: 3360,
      deductions: [
        { kind: "GROUP_FUND", amountFen: 120 },
        { kind: "PACKAGING", amountFen: 30 },
        { kind: "TRANSPORT", amountFen: 90 },
      ],
    });
    // still balanced: payouts 11941 + 3360 = 15301, deductions 659 + 240 = 899, fees 899 + 5300 = 6199
    // 15301 + 6199 + 6750 − 1550 = 26700
    const res = await finance.data<{
      reconciliation: { payoutsFen: number; feesFen: number; differenceFen: number };
    }>(RECONCILIATION, { cycle: market.cycle.id });
    expect(res.reconciliation).toMatchObject({
      payoutsFen: 15301,
      feesFen: 6199,
      differenceFen: 0,
    });
  });

  it("lets only one of two simultaneous payouts of the same settlement through", async () => {
    const h2 = (await settlementsOf(market.cycle.id)).get(market.households.h2.id)!;
    await finance.data(`mutation($id: ID!) { approveSettlement(id: $id) { __typename } }`, {
      id: h2.id,
    });
    const other = await t.admin().signIn(fixture.logins.ADMIN, FIXTURE_PASSWORD);
    const answers = await Promise.all([
      finance.data<{ markSettlementPaid: { __typename: string } }>(PAY, { id: h2.id, ref: "A" }),
      other.data<{ markSettlementPaid: { __typename: string } }>(PAY, { id: h2.id, ref: "B" }),
    ]);
    const kinds = answers.map((a) => a.markSettlementPaid.__typename).sort();
    expect(kinds).toEqual(["InvalidTransitionError", "Settlement"]);
    const winner = answers.findIndex((a) => a.markSettlementPaid.__typename === "Settlement");
    const row = await t.dataSource.getRepository(Settlement).findOneByOrFail({ id: h2.id });
    expect(row.payoutReference).toBe(winner === 0 ? "A" : "B");
    const payAudits = await t.dataSource
      .getRepository(AuditLogEntry)
      .countBy({ action: "settlement.pay", entityId: market.households.h2.id });
    expect(payAudits).toBe(1);
  });

  it("refuses to settle the cycle while a settlement is unpaid or an order is still DELIVERED", async () => {
    const orders = t.dataSource.getRepository(Order);
    await orders.update({ id: market.orders.o1.id }, { state: "PICKED_UP" });
    await orders.update({ id: market.orders.o2.id }, { state: "NO_SHOW" });
    const ctx = adminContext(t.dataSource, fixture);
    const refused = await enterCycleState(ctx, market.cycle.id, "SETTLED", enterSettled);
    // H3's settlement (net 0) is still CALCULATED; O3 is still DELIVERED; the books balance
    expect(refused).toMatchObject({
      errorCode: "INVALID_TRANSITION",
      from: "SETTLING",
      to: "SETTLED",
      // only the two failing conditions, in the singular; the zero difference is not a reason
      message:
        "The cycle cannot be settled yet: 1 settlement not paid or acknowledged; 1 order still DELIVERED.",
    });
    const zh = await enterCycleState(
      { ...ctx, locale: "zh-CN" },
      market.cycle.id,
      "SETTLED",
      enterSettled,
    );
    expect(zh).toMatchObject({
      message: "还不能结清这个周期：1 笔结算未付款或未确认；1 个订单仍是已送达未取货。",
    });
    await orders.update({ id: market.orders.o3.id }, { state: "PICKED_UP" });
    const onlyUnpaid = await enterCycleState(ctx, market.cycle.id, "SETTLED", enterSettled);
    // O3 picked up now: only H3's unpaid settlement is left to name
    expect(onlyUnpaid).toMatchObject({
      message: "The cycle cannot be settled yet: 1 settlement not paid or acknowledged.",
    });
    await orders.update({ id: market.orders.o3.id }, { state: "DELIVERED" });
    const cycle = await t.dataSource
      .getRepository(OrderCycle)
      .findOneByOrFail({ id: market.cycle.id });
    expect(cycle.state).toBe("SETTLING");
  });

  it("closes a dispute on a paid settlement without changing it, so the cycle can still settle", async () => {
    const repo = t.dataSource.getRepository(Settlement);
    const h2 = (await settlementsOf(market.cycle.id)).get(market.households.h2.id)!;
    const paid = await repo.findOneByOrFail({ id: h2.id });
    expect(paid.state).toBe("PAID");
    const RESOLVE = `mutation($id: ID!, $note: String!) { resolveSettlementDispute(id: $id, note: $note) {
      __typename ... on Settlement { state netFen paidOn } ... on InvalidTransitionError { allowed } } }`;
    // not disputed yet: PAID may go to ACKNOWLEDGED or DISPUTED, not ADJUSTED
    const early = await finance.data<{ resolveSettlementDispute: object }>(RESOLVE, {
      id: h2.id,
      note: "核对过了",
    });
    expect(early.resolveSettlementDispute).toEqual({
      __typename: "InvalidTransitionError",
      allowed: ["ACKNOWLEDGED", "DISPUTED"],
    });
    await finance.data(
      `mutation($id: ID!) { disputeSettlement(id: $id, note: "鸡蛋少算了") { __typename } }`,
      {
        id: h2.id,
      },
    );
    // an empty note is refused and the settlement stays DISPUTED
    const blank = await finance.data<{ resolveSettlementDispute: { __typename: string } }>(
      RESOLVE,
      {
        id: h2.id,
        note: "  ",
      },
    );
    expect(blank.resolveSettlementDispute.__typename).toBe("InvalidInputError");
    expect((await repo.findOneByOrFail({ id: h2.id })).state).toBe("DISPUTED");
    const resolved = await finance.data<{ resolveSettlementDispute: object }>(RESOLVE, {
      id: h2.id,
      note: "当面核对，数量无误",
    });
    // the figures and the payout day are those of the payment
    expect(resolved.resolveSettlementDispute).toEqual({
      __typename: "Settlement",
      state: "ADJUSTED",
      netFen: paid.netFen,
      paidOn: paid.paidOn,
    });
    const audits = await t.dataSource
      .getRepository(AuditLogEntry)
      .countBy({ action: "settlement.resolveDispute", entityId: market.households.h2.id });
    expect(audits).toBe(1);
  });

  it("settles once everything is paid and every order collected, closing the orders", async () => {
    const h3 = (await settlementsOf(market.cycle.id)).get(market.households.h3.id)!;
    await finance.data(`mutation($id: ID!) { approveSettlement(id: $id) { __typename } }`, {
      id: h3.id,
    });
    await finance.data(PAY, { id: h3.id, ref: null });
    const orders = t.dataSource.getRepository(Order);
    await orders.update({ id: market.orders.o3.id }, { state: "PICKED_UP" });
    const ctx = adminContext(t.dataSource, fixture);
    expect(await enterCycleState(ctx, market.cycle.id, "SETTLED", enterSettled)).toBe("entered");
    const states = await orders.find({
      where: { orderCycleId: market.cycle.id },
      order: { idempotencyKey: "ASC" },
    });
    // O1 picked up, O2 no-show (not refunded), O3 picked up → CLOSED; O4 stays CANCELLED
    expect(states.map((o) => o.state)).toEqual(["CLOSED", "CLOSED", "CLOSED", "CANCELLED"]);
  });

  it("corrects a paid settlement in a later cycle, leaving the original as it was", async () => {
    const repo = t.dataSource.getRepository(Settlement);
    const h1 = (await settlementsOf(market.cycle.id)).get(market.households.h1.id)!;
    const before = await repo.findOneByOrFail({ id: h1.id });
    const may = await t.dataSource.getRepository(OrderCycle).save({
      producerGroupId: fixture.groups.sanggang.id,
      code: "2011-05",
      state: "OPEN" as const,
      declarationOpensOn: "2011-04-25",
      opensAt: new Date("2011-05-01T00:00:00+08:00"),
      closesAt: new Date("2011-05-10T00:00:00+08:00"),
      deliveryOn: "2011-05-21",
    });
    const CORRECT = `mutation($s: ID!, $c: ID!, $a: Int!) {
      addSettlementCorrection(settlementId: $s, orderCycleId: $c, amountFen: $a, reason: "多算了一斤核桃") {
        __typename
        ... on Settlement { orderCycleId householdId state grossFen deductionsFen adjustmentsFen netFen correctsSettlementId }
        ... on InvalidInputError { problems { field } }
      }
    }`;
    // one bag of walnuts too many: −2700 fen
    const res = await finance.data<{ addSettlementCorrection: object }>(CORRECT, {
      s: h1.id,
      c: may.id,
      a: -2700,
    });
    expect(res.addSettlementCorrection).toEqual({
      __typename: "Settlement",
      orderCycleId: may.id,
      householdId: market.households.h1.id,
      state: "CALCULATED",
      grossFen: 0,
      deductionsFen: 0,
      adjustmentsFen: -2700,
      netFen: -2700,
      correctsSettlementId: h1.id,
    });
    expect(await repo.findOneByOrFail({ id: h1.id })).toEqual(before);
    // into the same (earlier) cycle: refused
    const same = await finance.data<{ addSettlementCorrection: object }>(CORRECT, {
      s: h1.id,
      c: market.cycle.id,
      a: 100,
    });
    expect(same.addSettlementCorrection).toEqual({
      __typename: "InvalidInputError",
      problems: [{ field: "orderCycleId" }],
    });
    // the May reconciliation shows it apart from the identity
    const rec = await finance.data<{
      reconciliation: { correctionsFen: number; payoutsFen: number; differenceFen: number };
    }>(RECONCILIATION, { cycle: may.id });
    expect(rec.reconciliation).toMatchObject({
      correctionsFen: -2700,
      payoutsFen: 0,
      differenceFen: 0,
    });
  });

  it("wrote every settlement change to the household's audit log", async () => {
    const rows = await t.dataSource.getRepository(AuditLogEntry).find({
      where: { entityType: "Household", entityId: market.households.h1.id },
      order: { at: "ASC", id: "ASC" },
    });
    // calculate, approve, pay, correct (the refused second payment and the recalculation of a
    // paid settlement wrote nothing)
    expect(rows.map((r) => r.action)).toEqual([
      "settlement.calculate",
      "settlement.approve",
      "settlement.pay",
      "settlement.correct",
    ]);
  });

  it("shows finance staff nothing of another producer group", async () => {
    const baoshi = await t.dataSource.getRepository(OrderCycle).save({
      producerGroupId: fixture.groups.baoshi.id,
      code: "2011-04",
      state: "SETTLING" as const,
      declarationOpensOn: "2011-03-25",
      opensAt: new Date("2011-04-01T00:00:00+08:00"),
      closesAt: new Date("2011-04-10T00:00:00+08:00"),
      deliveryOn: "2011-04-16",
    });
    const res = await finance.data<{ reconciliation: { __typename: string } }>(RECONCILIATION, {
      cycle: baoshi.id,
    });
    expect(res.reconciliation.__typename).toBe("NotFoundError");
    const list = await finance.data<{ settlements: { totalItems: number } }>(SETTLEMENTS, {
      cycle: baoshi.id,
    });
    expect(list.settlements.totalItems).toBe(0);
  });

  it("refuses to start settling while an allocated lot has no quality check, writing nothing", async () => {
    const june = await t.dataSource.getRepository(OrderCycle).save({
      producerGroupId: fixture.groups.sanggang.id,
      code: "2011-06",
      state: "DELIVERED" as const,
      declarationOpensOn: "2011-05-25",
      opensAt: new Date("2011-06-01T00:00:00+08:00"),
      closesAt: new Date("2011-06-10T00:00:00+08:00"),
      deliveryOn: "2011-06-18",
    });
    const eggs = await t.dataSource.getRepository(Offer).save({
      producerGroupId: fixture.groups.sanggang.id,
      orderCycleId: june.id,
      variantId: market.eggs.variantId,
      priceFen: 1600,
      producerPriceFen: 1200,
      quantityTotal: 10,
    });
    const { lines } = await deliveredOrder(t.dataSource, fixture, june, "june", [
      { offer: eggs, quantity: 2 },
    ]);
    const [lot] = await recordIntake(t.dataSource, june, [
      {
        household: market.households.h1,
        offer: eggs,
        allocations: [{ line: lines[0]!, quantity: 2 }],
        accepted: 2,
        shortfalls: [],
      },
    ]);
    await t.dataSource.getRepository(Lot).update({ id: lot!.id }, { quantityAccepted: null });
    const refused = await enterCycleState(
      adminContext(t.dataSource, fixture),
      june.id,
      "SETTLING",
      enterSettling,
    );
    expect(refused).toMatchObject({
      errorCode: "INVALID_TRANSITION",
      from: "DELIVERED",
      to: "SETTLING",
      message: "1 allocated lot has no quality check yet; settlement cannot start.",
    });
    expect(await t.dataSource.getRepository(Settlement).countBy({ orderCycleId: june.id })).toBe(0);
  });

  it("answers in Chinese by default", async () => {
    const zh = await t.admin().signIn(fixture.logins.FINANCE, FIXTURE_PASSWORD);
    const res = await zh.data<{ approveSettlement: { message: string } }>(
      `mutation($id: ID!) { approveSettlement(id: $id) { ... on ErrorResult { message } } }`,
      { id: "00000000-0000-4000-8000-000000000000" },
    );
    expect(res.approveSettlement.message).toBe("找不到这笔结算。");
  });
});
