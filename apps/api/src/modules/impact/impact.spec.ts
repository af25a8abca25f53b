import type { LotState, SettlementState } from "@nested/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { type Fixture, loadFixture } from "../../test/fixtures";
import {
  createConsumer,
  createCycle,
  createOffer,
  createOrderWithLine,
  declareSupply,
} from "../../test/shop-fixtures";
import { startTestApi, type TestApi } from "../../test/test-api";
import { Variant } from "../catalog/variant.entity";
import type { OrderCycle } from "../cycle/order-cycle.entity";
import { Household } from "../household/household.entity";
import { Lot } from "../intake/lot.entity";
import { Payment } from "../order/payment.entity";
import { Settlement } from "../settlement/settlement.entity";

let t: TestApi;
let fixture: Fixture;

async function lot(
  ds: DataSource,
  cycle: OrderCycle,
  household: Household,
  variant: Variant,
  state: LotState,
) {
  const declaration = await declareSupply(ds, cycle, household.id, variant.id, 10);
  await ds.manager.save(Lot, {
    producerGroupId: cycle.producerGroupId,
    orderCycleId: cycle.id,
    householdId: household.id,
    variantId: variant.id,
    supplyDeclarationId: declaration.id,
    state,
    quantityDeclared: 10,
    quantityAllocated: state === "DECLARED" ? 0 : 10,
  });
}

async function settle(
  ds: DataSource,
  cycle: OrderCycle,
  household: Household,
  netFen: number,
  state: SettlementState,
  paidOn: string | null,
) {
  await ds.manager.save(Settlement, {
    producerGroupId: cycle.producerGroupId,
    orderCycleId: cycle.id,
    householdId: household.id,
    state,
    grossFen: netFen,
    netFen,
    paidOn,
    paidMethod: paidOn ? "CASH" : null,
  });
}

async function prepare(ds: DataSource): Promise<void> {
  fixture = await loadFixture(ds);
  const sg = fixture.groups.sanggang.id;
  const eggs = await ds.manager.findOneByOrFail(Variant, { nameZh: "一斤装" });
  const walnuts = await ds.manager.findOneByOrFail(Variant, { nameZh: "两斤装" });
  const h: Household[] = [];
  for (let i = 1; i <= 8; i++) {
    h.push(
      await ds.manager.save(Household, {
        producerGroupId: sg,
        villageId: fixture.villages.sanggang.id,
        code: `IM-${i}`,
        headName: `户主${i}`,
        headSex: "F",
        headAgeBand: "50_59",
        size: 3,
        membershipState: "ACTIVE",
      } as Partial<Household>),
    );
  }
  // Opens 2011-01-01 00:30 in Beijing (still 2010 in UTC): a 2011 cycle.
  const january = await createCycle(ds, sg, {
    code: "2011-01",
    state: "SETTLED",
    opensAt: new Date("2010-12-31T16:30:00Z"),
    closesAt: new Date("2011-01-10T16:00:00Z"),
  });
  const april = await createCycle(ds, sg, {
    code: "2011-04",
    state: "SETTLED",
    opensAt: new Date("2011-03-31T16:00:00Z"),
    closesAt: new Date("2011-04-10T16:00:00Z"),
  });
  const next = await createCycle(ds, sg, {
    code: "2012-04",
    state: "SETTLED",
    opensAt: new Date("2012-03-31T16:00:00Z"),
    closesAt: new Date("2012-04-10T16:00:00Z"),
  });
  // 2011: IM-1…IM-6 reached (IM-1 twice, counted once); IM-7 rejected and IM-8 only declared.
  await lot(ds, january, h[0]!, eggs, "ACCEPTED");
  await lot(ds, april, h[0]!, walnuts, "SOLD");
  await lot(ds, april, h[1]!, eggs, "ALLOCATED");
  await lot(ds, april, h[2]!, eggs, "PARTIAL");
  await lot(ds, april, h[3]!, eggs, "RECEIVED");
  await lot(ds, april, h[4]!, eggs, "PACKED");
  await lot(ds, january, h[5]!, eggs, "ACCEPTED");
  await lot(ds, april, h[6]!, eggs, "REJECTED");
  await lot(ds, april, h[7]!, eggs, "DECLARED");
  // 2012: only two households.
  await lot(ds, next, h[0]!, eggs, "SOLD");
  await lot(ds, next, h[1]!, eggs, "SOLD");

  // Paid in 2011: 12 000 + 8 000 + 5 000 + 3 000 + 2 000 = 30 000 fen to five households.
  await settle(ds, april, h[0]!, 12_000, "ACKNOWLEDGED", "2011-04-20");
  await settle(ds, april, h[1]!, 8_000, "PAID", "2011-04-20");
  await settle(ds, april, h[2]!, 5_000, "PAID", "2011-04-21");
  await settle(ds, april, h[3]!, 3_000, "ACKNOWLEDGED", "2011-04-21");
  await settle(ds, january, h[4]!, 2_000, "PAID", "2011-01-20");
  // Not paid yet, and paid in 2012: not in 2011's total.
  await settle(ds, april, h[5]!, 9_999, "APPROVED", null);
  await settle(ds, next, h[0]!, 4_000, "PAID", "2012-04-20");

  // Consumers paid in 2011 (Beijing time): 20 000 + 15 000 + 5 000 = 40 000 fen.
  const consumer = await createConsumer(ds, fixture, {
    email: fixture.logins.CONSUMER,
    displayName: "王老师家",
    user: fixture.users.CONSUMER,
  });
  const offer = await createOffer(ds, april, eggs.id, {
    priceFen: 1600,
    producerPriceFen: 1200,
    quantityTotal: 100,
  });
  const { order } = await createOrderWithLine(ds, {
    offer,
    consumerHouseholdId: consumer.household.id,
    pickupPointId: fixture.pickupPoint.id,
    state: "CLOSED",
    quantity: 30,
    key: "impact",
  });
  const pay = (amountFen: number, paidAt: string) =>
    ds.manager.save(Payment, {
      producerGroupId: sg,
      orderId: order.id,
      amountFen,
      method: "WECHAT_PAY",
      paidAt: new Date(paidAt),
      recordedByUserId: fixture.users.FINANCE.id,
    });
  await pay(20_000, "2011-05-01T02:00:00Z");
  await pay(15_000, "2011-06-01T02:00:00Z");
  await pay(5_000, "2010-12-31T17:00:00Z"); // 2011-01-01 01:00 in Beijing
  await pay(7_000, "2011-12-31T16:30:00Z"); // 2012-01-01 00:30 in Beijing
}

beforeAll(async () => {
  t = await startTestApi("impact", { prepare });
}, 60_000);
afterAll(() => t?.close());

const SUMMARY = `query($year: Int) { impactSummary(year: $year) {
  year suppressionThreshold householdsReached totalPaidToHouseholds paidByConsumers farmerShareBasisPoints
} }`;

describe("the public impact summary", () => {
  it("counts households reached, money paid to them and the farmer share of a year", async () => {
    const res = await t.shop().data(SUMMARY, { year: 2011 });
    expect(res.impactSummary).toEqual({
      year: 2011,
      suppressionThreshold: 5,
      householdsReached: 6,
      totalPaidToHouseholds: 30_000,
      paidByConsumers: 40_000,
      // 30 000 / 40 000 = 0.75: 75 fen of each yuan reached the households.
      farmerShareBasisPoints: 7500,
    });
  });

  it("suppresses figures drawn from fewer than 5 households", async () => {
    const res = await t.shop().data(SUMMARY, { year: 2012 });
    expect(res.impactSummary).toEqual({
      year: 2012,
      suppressionThreshold: 5,
      householdsReached: null, // 2 households
      totalPaidToHouseholds: null, // 1 household
      paidByConsumers: 7_000,
      farmerShareBasisPoints: null,
    });
  });

  it("defaults to the current year and refuses absurd years", async () => {
    const res = await t.shop().data<{ impactSummary: { year: number } }>(SUMMARY);
    const beijingYear = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    expect(res.impactSummary).toMatchObject({
      year: beijingYear,
      householdsReached: null,
      paidByConsumers: 0,
    });
    const absurd = await t.shop().request(SUMMARY, { year: 99_999 });
    expect(absurd.body.errors?.[0]?.message).toMatch(/Argument Validation Error/);
  });
});
