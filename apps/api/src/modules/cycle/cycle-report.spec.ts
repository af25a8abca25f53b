import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createCycleRow,
  createOfferRow,
  createOrderRow,
  fixtureVariants,
  type FixtureVariants,
} from "../../test/cycle-fixtures";
import { FIXTURE_PASSWORD, type Fixture, loadFixture } from "../../test/fixtures";
import { countStatements } from "../../test/sql-counter";
import { type GraphqlClient, startTestApi, type TestApi } from "../../test/test-api";
import { Allocation } from "../intake/allocation.entity";
import { Lot } from "../intake/lot.entity";
import { OrderLine } from "../order/order-line.entity";
import { Order } from "../order/order.entity";
import { Settlement } from "../settlement/settlement.entity";
import { OrderCycle } from "./order-cycle.entity";
import { SupplyDeclaration } from "./supply-declaration.entity";

let t: TestApi;
let fixture: Fixture;
let v: FixtureVariants;
let staff: GraphqlClient;
let finance: GraphqlClient;
let april: OrderCycle;
let may: OrderCycle;

/**
 * Sanggang, April 2011 (settled) and May 2011 (declaring):
 *
 * April — declarations: SG-001 eggs 40, walnuts 10; SG-002 eggs 30.
 *   offers: eggs ¥16.00 (producer ¥12.00) 65 units; walnuts ¥35.50 (producer ¥26.00) 10 units.
 *   orders: A eggs 20 + walnuts 4; B eggs 15; C eggs 5, cancelled.
 *   lots and allocations: SG-001 eggs → A 20 (received 22, accepted 21);
 *     SG-001 walnuts → A 4 (received 4, accepted 4); SG-002 eggs → B 15 (received 15, accepted 15).
 *   settlement of SG-001: gross 34 400, deductions 1 032, net 33 368, PAID; one correction −500.
 * May — SG-001 declares 8 bags of millet.
 */
beforeAll(async () => {
  t = await startTestApi("cycle_report", {
    prepare: async (ds) => void (fixture = await loadFixture(ds)),
  });
  v = await fixtureVariants(t.dataSource);
  const ds = t.dataSource;
  const [sg1, sg2] = fixture.households;
  const group = fixture.groups.sanggang.id;
  april = await createCycleRow(ds, group, "2011-04", "OPEN");
  may = await createCycleRow(ds, group, "2011-05", "DECLARING");
  await ds.getRepository(OrderCycle).update(
    { id: may.id },
    {
      declarationOpensOn: "2011-04-25",
      opensAt: new Date("2011-04-30T16:00:00Z"),
      closesAt: new Date("2011-05-10T16:00:00Z"),
      deliveryOn: "2011-05-14",
    },
  );
  const declare = (cycle: OrderCycle, householdId: string, variantId: string, quantity: number) =>
    ds.getRepository(SupplyDeclaration).save({
      producerGroupId: group,
      orderCycleId: cycle.id,
      householdId,
      variantId,
      quantity,
    });
  const d1 = await declare(april, sg1!.id, v.eggsJin.id, 40);
  const d2 = await declare(april, sg1!.id, v.walnuts.id, 10);
  const d3 = await declare(april, sg2!.id, v.eggsJin.id, 30);
  await declare(may, sg1!.id, v.millet.id, 8);
  const eggs = await createOfferRow(ds, april, v.eggsJin, 1600, 1200, 65);
  const walnuts = await createOfferRow(ds, april, v.walnuts, 3550, 2600, 10);
  const a = await createOrderRow(ds, fixture, april, [
    [eggs, 20],
    [walnuts, 4],
  ]);
  const b = await createOrderRow(ds, fixture, april, [[eggs, 15]]);
  const c = await createOrderRow(ds, fixture, april, [[eggs, 5]]);
  await ds.getRepository(Order).update({ id: c.id }, { state: "CANCELLED" });
  await ds.getRepository(OrderCycle).update({ id: april.id }, { state: "SETTLED" });
  const lot = (
    d: SupplyDeclaration,
    quantityAllocated: number,
    quantityReceived: number,
    quantityAccepted: number,
  ) =>
    ds.getRepository(Lot).save({
      producerGroupId: group,
      orderCycleId: april.id,
      householdId: d.householdId,
      variantId: d.variantId,
      supplyDeclarationId: d.id,
      state: "ACCEPTED" as const,
      quantityDeclared: d.quantity,
      quantityAllocated,
      quantityReceived,
      quantityAccepted,
    });
  const l1 = await lot(d1, 20, 22, 21);
  const l2 = await lot(d2, 4, 4, 4);
  const l3 = await lot(d3, 15, 15, 15);
  const lineOf = async (order: Order, offerId: string) =>
    (await ds.getRepository(OrderLine).findOneBy({ orderId: order.id, offerId }))!;
  const allocate = async (order: Order, offerId: string, lotId: string, quantity: number) =>
    ds.getRepository(Allocation).save({
      producerGroupId: group,
      orderLineId: (await lineOf(order, offerId)).id,
      lotId,
      quantity,
      rank: 1,
      reason: "registered poor",
    });
  await allocate(a, eggs.id, l1.id, 20);
  await allocate(a, walnuts.id, l2.id, 4);
  await allocate(b, eggs.id, l3.id, 15);
  const first = await ds.getRepository(Settlement).save({
    producerGroupId: group,
    orderCycleId: april.id,
    householdId: sg1!.id,
    state: "PAID" as const,
    grossFen: 34_400,
    deductionsFen: 1_032,
    adjustmentsFen: 0,
    netFen: 33_368,
  });
  await ds.getRepository(Settlement).save({
    producerGroupId: group,
    orderCycleId: april.id,
    householdId: sg1!.id,
    state: "CALCULATED" as const,
    grossFen: 0,
    deductionsFen: 0,
    adjustmentsFen: -500,
    netFen: -500,
    correctsSettlementId: first.id,
  });
  staff = await t.admin().signIn(fixture.logins.STAFF, FIXTURE_PASSWORD);
  finance = await t.admin().signIn(fixture.logins.FINANCE, FIXTURE_PASSWORD);
});
afterAll(() => t?.close());

const OVERVIEW = `query($c: ID!) {
  cycleOverview(orderCycleId: $c) { productNameZh variantNameZh unit declared offered ordered allocated accepted }
}`;

describe("a cycle's overview per variant", () => {
  it("follows each variant from declaration to intake", async () => {
    const res = await staff.data<{ cycleOverview: unknown[] }>(OVERVIEW, { c: april.id });
    expect(res.cycleOverview).toEqual([
      {
        productNameZh: "柴鸡蛋",
        variantNameZh: "一斤装",
        unit: "JIN",
        declared: 70, // 40 + 30
        offered: 65,
        ordered: 35, // 20 + 15; the cancelled 5 do not count
        allocated: 35, // 20 + 15
        accepted: 36, // 21 + 15
      },
      {
        productNameZh: "核桃",
        variantNameZh: "两斤装",
        unit: "BAG",
        declared: 10,
        offered: 10,
        ordered: 4,
        allocated: 4,
        accepted: 4,
      },
    ]);
  });

  it("shows a declaring cycle's declarations only, and nothing of another group's cycle", async () => {
    const res = await staff.data<{ cycleOverview: unknown[] }>(OVERVIEW, { c: may.id });
    expect(res.cycleOverview).toEqual([
      {
        productNameZh: "小米",
        variantNameZh: "五斤装",
        unit: "BAG",
        declared: 8,
        offered: 0,
        ordered: 0,
        allocated: 0,
        accepted: 0,
      },
    ]);
    const baoshi = await createCycleRow(t.dataSource, fixture.groups.baoshi.id, "2011-04", "OPEN");
    expect(
      (await staff.data<{ cycleOverview: unknown[] }>(OVERVIEW, { c: baoshi.id })).cycleOverview,
    ).toEqual([]);
  });

  it("reads the overview in the same number of statements for one variant as for two", async () => {
    const one = await countStatements(t.dataSource, () => staff.data(OVERVIEW, { c: may.id }));
    const two = await countStatements(t.dataSource, () => staff.data(OVERVIEW, { c: april.id }));
    expect(two.count).toBe(one.count);
  });
});

const HISTORY = `query($h: ID!) {
  householdHistory(householdId: $h) {
    code state deliveryOn declaredUnits allocatedUnits acceptedUnits salesFen payoutFen settlementState corrections
  }
}`;

describe("a household's history", () => {
  it("gives units, sales and payout per cycle, newest first", async () => {
    const res = await finance.data<{ householdHistory: unknown[] }>(HISTORY, {
      h: fixture.households[0]!.id,
    });
    expect(res.householdHistory).toEqual([
      {
        code: "2011-05",
        state: "DECLARING",
        deliveryOn: "2011-05-14",
        declaredUnits: 8,
        allocatedUnits: 0,
        acceptedUnits: 0,
        salesFen: 0,
        payoutFen: null,
        settlementState: null,
        corrections: 0,
      },
      {
        code: "2011-04",
        state: "SETTLED",
        deliveryOn: "2011-04-16",
        declaredUnits: 50, // 40 eggs + 10 walnuts
        allocatedUnits: 24, // 20 + 4
        acceptedUnits: 25, // 21 + 4
        // Eggs: 21 accepted but only 20 allocated → 20 × 1200 = 24 000;
        // walnuts: 4 × 2600 = 10 400; 24 000 + 10 400 = 34 400 fen (¥344.00).
        salesFen: 34_400,
        payoutFen: 32_868, // 33 368 − 500
        settlementState: "PAID",
        corrections: 1,
      },
    ]);
    const sg2 = await staff.data<{ householdHistory: unknown[] }>(HISTORY, {
      h: fixture.households[1]!.id,
    });
    expect(sg2.householdHistory).toEqual([
      {
        code: "2011-04",
        state: "SETTLED",
        deliveryOn: "2011-04-16",
        declaredUnits: 30,
        allocatedUnits: 15,
        acceptedUnits: 15,
        salesFen: 18_000, // 15 × 1200
        payoutFen: null,
        settlementState: null,
        corrections: 0,
      },
    ]);
  });

  it("shows nothing of a household outside the caller's groups", async () => {
    const res = await staff.data<{ householdHistory: unknown[] }>(HISTORY, {
      h: fixture.households[3]!.id,
    });
    expect(res.householdHistory).toEqual([]);
  });
});
