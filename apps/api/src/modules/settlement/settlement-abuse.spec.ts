import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shanghaiDay } from "@nested/domain";
import {
  createCycleRow,
  createOfferRow,
  createOrderRow,
  fixtureVariants,
  type FixtureVariants,
} from "../../test/cycle-fixtures";
import { FIXTURE_PASSWORD, type Fixture, loadFixture } from "../../test/fixtures";
import { type GraphqlClient, startTestApi, type TestApi } from "../../test/test-api";
import { Order } from "../order/order.entity";
import { Payment } from "../order/payment.entity";
import { FeeRule } from "./fee-rule.entity";
import { Settlement } from "./settlement.entity";

/*
 * Adversarial tests of payments and fee rules on the admin API: parallel payments on one order,
 * days that do not exist.
 */

let t: TestApi;
let fixture: Fixture;
let variants: FixtureVariants;
let finance: GraphqlClient;

beforeAll(async () => {
  t = await startTestApi("settlement_abuse", {
    prepare: async (ds) => void (fixture = await loadFixture(ds)),
  });
  variants = await fixtureVariants(t.dataSource);
  finance = await t.admin().signIn(fixture.logins.FINANCE, FIXTURE_PASSWORD);
});
afterAll(() => t?.close());

describe("payments under pressure", () => {
  it("never overpays an order when five payments of it are recorded at the same time", async () => {
    const cycle = await createCycleRow(t.dataSource, fixture.groups.sanggang.id, "2018-01", "OPEN");
    const offer = await createOfferRow(t.dataSource, cycle, variants.eggsJin, 1000, 700, 100);
    // 2 × 1000 = 2000 fen owed
    const order = await createOrderRow(t.dataSource, fixture, cycle, [[offer, 2]]);
    const PAY = `mutation($id: ID!) {
      recordPayment(orderId: $id, amountFen: 1000, method: CASH) { __typename }
    }`;
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        finance.data<{ recordPayment: { __typename: string } }>(PAY, { id: order.id }),
      ),
    );
    const kinds = answers.map((a) => a.recordPayment.__typename).sort();
    // 2000 fen owed in 1000-fen payments: exactly two fit, the other three are refused
    expect(kinds).toEqual([
      "InvalidInputError",
      "InvalidInputError",
      "InvalidInputError",
      "RecordedPayment",
      "RecordedPayment",
    ]);
    const paid = await t.dataSource.getRepository(Payment).findBy({ orderId: order.id });
    expect(paid.reduce((sum, p) => sum + p.amountFen, 0)).toBe(2000);
    expect(
      (await t.dataSource.getRepository(Order).findOneByOrFail({ id: order.id })).paymentState,
    ).toBe("PAID");
  });
});

describe("days that do not exist", () => {
  it("refuses a fee rule starting on 30 February as BAD_USER_INPUT, not as a server fault, and saves nothing", async () => {
    const before = await t.dataSource.getRepository(FeeRule).count();
    const res = await finance.request<{ createFeeRule: { __typename: string } | null }>(
      `mutation($input: CreateFeeRuleInput!) {
        createFeeRule(input: $input) { __typename }
      }`,
      {
        input: {
          producerGroupId: fixture.groups.sanggang.id,
          kind: "TRANSPORT",
          basis: "PER_UNIT",
          perUnitFen: 10,
          validFrom: "2026-02-30",
        },
      },
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await t.dataSource.getRepository(FeeRule).count()).toBe(before);
  });
});

describe("a payout's days must exist", () => {
  it("refuses paying or acknowledging a settlement on 30 February (instead of storing 2 March) or on a day still to come, changing nothing", async () => {
    const cycle = await createCycleRow(
      t.dataSource,
      fixture.groups.sanggang.id,
      "2018-02",
      "SETTLING",
    );
    // gross 7000, no deductions, net 7000; approved, waiting for its payout
    const settlement = await t.dataSource.getRepository(Settlement).save({
      producerGroupId: cycle.producerGroupId,
      orderCycleId: cycle.id,
      householdId: fixture.households[0]!.id,
      state: "APPROVED" as const,
      grossFen: 7000,
      deductionsFen: 0,
      adjustmentsFen: 0,
      netFen: 7000,
    });
    const PAY = `mutation($id: ID!, $on: LocalDate!) {
      markSettlementPaid(id: $id, method: CASH, paidOn: $on) {
        __typename ... on Settlement { state } ... on InvalidInputError { problems { field message } }
      }
    }`;
    const ACK = `mutation($id: ID!, $on: LocalDate) {
      acknowledgeSettlement(id: $id, acknowledgedOn: $on) {
        __typename ... on Settlement { state } ... on InvalidInputError { problems { field message } }
      }
    }`;
    type Answer = {
      __typename: string;
      state?: string;
      problems?: { field: string; message: string }[];
    };
    const badPay = await finance.data<{ markSettlementPaid: Answer }>(PAY, {
      id: settlement.id,
      on: "2018-02-30",
    });
    expect(badPay.markSettlementPaid).toEqual({
      __typename: "InvalidInputError",
      problems: [{ field: "paidOn", message: "日期不正确，请填写真实的日期（YYYY-MM-DD）。" }],
    });
    // Tomorrow in Beijing: the day after today's Asia/Shanghai date, counted on the calendar.
    const [y, m, d] = shanghaiDay(new Date()).split("-").map(Number);
    const tomorrow = new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
    const futurePay = await finance.data<{ markSettlementPaid: Answer }>(PAY, {
      id: settlement.id,
      on: tomorrow,
    });
    expect(futurePay.markSettlementPaid).toEqual({
      __typename: "InvalidInputError",
      problems: [
        { field: "paidOn", message: "这一天还没有到（按北京时间），不能填写以后的日期。" },
      ],
    });
    expect(
      (
        await finance.data<{ markSettlementPaid: Answer }>(PAY, {
          id: settlement.id,
          on: "2018-02-28",
        })
      ).markSettlementPaid.state,
    ).toBe("PAID");
    const badAck = await finance.data<{ acknowledgeSettlement: Answer }>(ACK, {
      id: settlement.id,
      on: "2018-02-30",
    });
    expect(badAck.acknowledgeSettlement.problems).toEqual([
      { field: "acknowledgedOn", message: "日期不正确，请填写真实的日期（YYYY-MM-DD）。" },
    ]);
    const futureAck = await finance.data<{ acknowledgeSettlement: Answer }>(ACK, {
      id: settlement.id,
      on: tomorrow,
    });
    expect(futureAck.acknowledgeSettlement.problems).toEqual([
      { field: "acknowledgedOn", message: "这一天还没有到（按北京时间），不能填写以后的日期。" },
    ]);
    const after = await t.dataSource
      .getRepository(Settlement)
      .findOneByOrFail({ id: settlement.id });
    expect(after.state).toBe("PAID");
    expect(after.acknowledgedAt).toBeNull();
  });
});
