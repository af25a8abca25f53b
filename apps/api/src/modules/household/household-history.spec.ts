import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminClientFor } from "../../test/admin-clients";
import { type Fixture, loadFixture } from "../../test/fixtures";
import { createSmallMarket, type SmallMarket } from "../../test/market-fixtures";
import { declareSupply } from "../../test/shop-fixtures";
import { startTestApi, type TestApi } from "../../test/test-api";
import { AuditLogEntry } from "../audit/audit-log-entry.entity";
import { SupplyDeclaration } from "../cycle/supply-declaration.entity";
import { OrderLine } from "../order/order-line.entity";
import { Order } from "../order/order.entity";
import { Settlement } from "../settlement/settlement.entity";
import { Household } from "./household.entity";

let t: TestApi;
let fixture: Fixture;
let market: SmallMarket;

/** Today in Asia/Shanghai (UTC+8, no daylight saving), as YYYY-MM-DD. */
function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await startTestApi("household_history", {
    prepare: async (ds) => {
      fixture = await loadFixture(ds);
      market = await createSmallMarket(ds, "9");
      await declareSupply(ds, market.orderCycle, market.household.id, market.variant.id, 10);
      // 2 jin of eggs at ¥16.00: 1600 × 2 = 3200 fen, the order's total.
      await ds.manager.save(OrderLine, {
        producerGroupId: market.producerGroup.id,
        orderId: market.order.id,
        offerId: market.offer.id,
        variantId: market.variant.id,
        productNameZh: market.product.nameZh,
        productNameEn: market.product.nameEn,
        variantNameZh: market.variant.nameZh,
        variantNameEn: market.variant.nameEn,
        unitPriceFen: 1600,
        quantity: 2,
        lineTotalFen: 3200,
      });
      // The household was paid for 2 jin at the producer price: 1200 × 2 = 2400 fen gross,
      // no deductions, net 2400 − 0 + 0 = 2400.
      await ds.manager.save(Settlement, {
        producerGroupId: market.producerGroup.id,
        orderCycleId: market.orderCycle.id,
        householdId: market.household.id,
        state: "PAID",
        grossFen: 2400,
        deductionsFen: 0,
        adjustmentsFen: 0,
        netFen: 2400,
        paidOn: "2011-04-20",
        paidMethod: "CASH",
      });
      await ds.manager.update(
        Household,
        { id: market.household.id },
        {
          displayName: "王大姐",
          storyZh: "养了四十只鸡。",
          photoUrl: "https://img.example/sg9.jpg",
        },
      );
    },
  });
});
afterAll(() => t?.close());

async function historyOf(householdId: string) {
  const m = t.dataSource.manager;
  return {
    declarations: await m.find(SupplyDeclaration, { where: { householdId }, order: { id: "ASC" } }),
    settlements: await m.find(Settlement, { where: { householdId }, order: { id: "ASC" } }),
    orders: await m.find(Order, {
      where: { orderCycleId: market.orderCycle.id },
      order: { id: "ASC" },
    }),
    lines: await m.find(OrderLine, { where: { orderId: market.order.id }, order: { id: "ASC" } }),
  };
}

const OFFERS = `query($c: ID!) { offers(orderCycleId: $c) { items { growers { code displayName storyZh photoUrl } } } }`;
type Offers = { offers: { items: { growers: Record<string, unknown>[] }[] } };

describe("a household's public profile in the shop follows its consent", () => {
  it("shows the profile once consent is recorded and hides it the day it is withdrawn", async () => {
    const admin = await adminClientFor(t, fixture, "ADMIN");
    const hidden = await t.shop().data<Offers>(OFFERS, { c: market.orderCycle.id });
    expect(hidden.offers.items[0]!.growers).toEqual([
      { code: "SG-009", displayName: null, storyZh: null, photoUrl: null },
    ]);
    const consent = await admin.data<{ recordConsent: { id: string } }>(
      `mutation($h: ID!) { recordConsent(householdId: $h, kind: PUBLIC_PROFILE, grantedOn: "2011-04-01", method: THUMBPRINT) {
        ... on ConsentRecord { id } } }`,
      { h: market.household.id },
    );
    const shown = await t.shop().data<Offers>(OFFERS, { c: market.orderCycle.id });
    expect(shown.offers.items[0]!.growers).toEqual([
      {
        code: "SG-009",
        displayName: "王大姐",
        storyZh: "养了四十只鸡。",
        photoUrl: "https://img.example/sg9.jpg",
      },
    ]);
    const withdrawn = await admin.data<{ withdrawConsent: { __typename: string } }>(
      `mutation($c: ID!, $on: LocalDate!) { withdrawConsent(consentId: $c, withdrawnOn: $on) { __typename } }`,
      { c: consent.recordConsent.id, on: shanghaiToday() },
    );
    expect(withdrawn.withdrawConsent.__typename).toBe("ConsentRecord");
    const after = await t.shop().data<Offers>(OFFERS, { c: market.orderCycle.id });
    expect(after.offers.items[0]!.growers).toEqual([
      { code: "SG-009", displayName: null, storyZh: null, photoUrl: null },
    ]);
  });
});

describe("a household that leaves its group", () => {
  it("keeps its declarations, orders and settlements exactly as they were", async () => {
    const before = await historyOf(market.household.id);
    expect(before.settlements.map((s) => s.netFen)).toEqual([2400]);
    expect(before.lines.map((l) => l.lineTotalFen)).toEqual([3200]);
    const admin = await adminClientFor(t, fixture, "ADMIN");
    const res = await admin.data<{ leaveGroup: unknown }>(
      `mutation($h: ID!) { leaveGroup(householdId: $h, leftOn: "2011-06-30") {
        __typename ... on Household { code membershipState joinedOn leftOn } } }`,
      { h: market.household.id },
    );
    expect(res.leaveGroup).toEqual({
      __typename: "Household",
      code: "SG-009",
      membershipState: "LEFT",
      joinedOn: "2009-11-01",
      leftOn: "2011-06-30",
    });
    expect(await historyOf(market.household.id)).toEqual(before);
    const audit = await t.dataSource.getRepository(AuditLogEntry).findOneByOrFail({
      entityId: market.household.id,
      action: "household.membership",
    });
    expect(audit.before).toMatchObject({ membershipState: "ACTIVE", leftOn: null });
    expect(audit.after).toMatchObject({ membershipState: "LEFT", leftOn: "2011-06-30" });
    // Still in the register, and findable by its head's Chinese name.
    const found = await admin.data<{
      households: { items: { code: string; membershipState: string }[] };
    }>(`{ households(filter: { search: "秀英" }) { items { code membershipState } } }`);
    expect(found.households.items).toEqual([{ code: "SG-009", membershipState: "LEFT" }]);
  });
});
