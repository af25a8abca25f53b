import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminClientFor, type Caller, CALLERS } from "../test/admin-clients";
import { ADMIN_MATRIX } from "../test/admin-permission-matrix";
import { type Fixture, loadFixture } from "../test/fixtures";
import type { GraphqlClient } from "../test/test-api";
import { startTestApi, type TestApi } from "../test/test-api";
import { AuditLogEntry } from "../modules/audit/audit-log-entry.entity";

let t: TestApi;
let fixture: Fixture;
const clients = {} as Record<Caller, GraphqlClient>;

/** An id no row has: allowed callers get a NotFoundError (or an empty page), never a change. */
const NOBODY = "00000000-0000-4000-8000-000000000000";

/**
 * One harmless call of each admin operation this issue added: unknown ids or refused input, so
 * that an allowed caller gets an answer (a union member or a page) and nothing is written.
 */
const CALLS: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  "HouseholdAdminResolver.households": { query: "{ households { totalItems } }" },
  "HouseholdAdminResolver.household": {
    query: `query($id: ID!) { household(id: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "HouseholdRegisterAdminResolver.createHousehold": {
    query: `mutation($v: ID!) { createHousehold(input: { villageId: $v }) { __typename } }`,
    variables: { v: NOBODY },
  },
  "HouseholdRegisterAdminResolver.updateHousehold": {
    query: `mutation($id: ID!) { updateHousehold(id: $id, input: { size: 2 }) { __typename } }`,
    variables: { id: NOBODY },
  },
  "HouseholdRegisterAdminResolver.setHouseholdYear": {
    query: `mutation($id: ID!) { setHouseholdYear(householdId: $id, year: 2011, povertyStatus: REGISTERED, perCapitaNetIncomeYuan: 1800) { __typename } }`,
    variables: { id: NOBODY },
  },
  "HouseholdRegisterAdminResolver.recordConsent": {
    query: `mutation($id: ID!) { recordConsent(householdId: $id, kind: GENERAL, grantedOn: "2011-04-01", method: WRITTEN) { __typename } }`,
    variables: { id: NOBODY },
  },
  "HouseholdRegisterAdminResolver.withdrawConsent": {
    query: `mutation($id: ID!) { withdrawConsent(consentId: $id, withdrawnOn: "2012-01-01") { __typename } }`,
    variables: { id: NOBODY },
  },
  "HouseholdRegisterAdminResolver.changeMembership": {
    query: `mutation($id: ID!) { changeMembership(householdId: $id, to: ACTIVE, on: "2011-04-01") { __typename } }`,
    variables: { id: NOBODY },
  },
  "HouseholdRegisterAdminResolver.leaveGroup": {
    query: `mutation($id: ID!) { leaveGroup(householdId: $id, leftOn: "2012-01-01") { __typename } }`,
    variables: { id: NOBODY },
  },
  "HouseholdRegisterAdminResolver.addHouseholdMember": {
    query: `mutation($id: ID!) { addHouseholdMember(householdId: $id, input: { relation: CHILD, sex: F }) { __typename } }`,
    variables: { id: NOBODY },
  },
  "HouseholdRegisterAdminResolver.updateHouseholdMember": {
    query: `mutation($id: ID!) { updateHouseholdMember(memberId: $id, input: { relation: CHILD, sex: F }) { __typename } }`,
    variables: { id: NOBODY },
  },
  "ProducerGroupAdminResolver.producerGroups": { query: "{ producerGroups { id } }" },
  "AuditAdminResolver.auditLog": {
    query: `query($id: ID!) { auditLog(entityType: "Household", entityId: $id) { totalItems } }`,
    variables: { id: NOBODY },
  },
  "CatalogAdminResolver.products": { query: "{ products { totalItems } }" },
  "CatalogAdminResolver.createProduct": {
    query: `mutation { createProduct(input: {}) { __typename } }`,
  },
  "CatalogAdminResolver.updateProduct": {
    query: `mutation($id: ID!) { updateProduct(id: $id, input: { nameZh: "小米" }) { __typename } }`,
    variables: { id: NOBODY },
  },
  "CatalogAdminResolver.removeProduct": {
    query: `mutation($id: ID!) { removeProduct(id: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "CatalogAdminResolver.createVariant": {
    query: `mutation($id: ID!) { createVariant(productId: $id, input: {}) { __typename } }`,
    variables: { id: NOBODY },
  },
  "CatalogAdminResolver.updateVariant": {
    query: `mutation($id: ID!) { updateVariant(id: $id, input: { maxPerOrder: 2 }) { __typename } }`,
    variables: { id: NOBODY },
  },
  "CatalogAdminResolver.removeVariant": {
    query: `mutation($id: ID!) { removeVariant(id: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "CatalogAdminResolver.addReferencePrice": {
    query: `mutation($id: ID!) { addReferencePrice(input: { variantId: $id, market: "坡仓乡集市", observedOn: "2011-04-01", source: "x", price: 1200 }) { __typename } }`,
    variables: { id: NOBODY },
  },
  "IntakeAdminResolver.lots": {
    query: `query($id: ID!) { lots(orderCycleId: $id) { totalItems } }`,
    variables: { id: NOBODY },
  },
  "IntakeAdminResolver.recordQualityCheck": {
    query: `mutation($id: ID!) { recordQualityCheck(input: { lotId: $id, quantityReceived: 1, quantityAccepted: 1 }) { __typename } }`,
    variables: { id: NOBODY },
  },
  "IntakeAdminResolver.householdComplaints": {
    query: `query($id: ID!) { householdComplaints(householdId: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "IntakeAdminResolver.packingList": {
    query: `query($id: ID!) { packingList(orderCycleId: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "IntakeAdminResolver.markOrdersPickedUp": {
    query: `mutation($id: ID!) { markOrdersPickedUp(orderIds: [$id]) { __typename } }`,
    variables: { id: NOBODY },
  },
  "ImpactMetricsAdminResolver.impactMetrics": {
    query: `{ impactMetrics(query: { metrics: [HOUSEHOLDS_PARTICIPATING] }) { suppressionK } }`,
  },
  "PovertyLineAdminResolver.povertyLines": {
    query: `{ povertyLines { year } }`,
  },
  "IntakeAdminResolver.markOrderNoShow": {
    query: `mutation($id: ID!) { markOrderNoShow(orderId: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "AllocationAdminResolver.cycleAllocation": {
    query: `query($id: ID!) { cycleAllocation(orderCycleId: $id) { lotId } }`,
    variables: { id: NOBODY },
  },
  "PickupPointAdminResolver.removePickupPoint": {
    query: `mutation($id: ID!) { removePickupPoint(id: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "CycleAdminResolver.orderCycles": { query: "{ orderCycles { totalItems } }" },
  "CycleAdminResolver.orderCycle": {
    query: `query($id: ID!) { orderCycle(id: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "CycleAdminResolver.createOrderCycle": {
    query: `mutation($g: ID!) { createOrderCycle(input: { producerGroupId: $g, code: "2011-04", declarationOpensOn: "2011-03-25", opensAt: "2011-03-31T16:00:00Z", closesAt: "2011-04-10T16:00:00Z", deliveryOn: "2011-04-16" }) { __typename } }`,
    variables: { g: NOBODY },
  },
  "CycleAdminResolver.updateOrderCycle": {
    query: `mutation($id: ID!) { updateOrderCycle(id: $id, input: { code: "2011-05" }) { __typename } }`,
    variables: { id: NOBODY },
  },
  "CycleAdminResolver.transitionOrderCycle": {
    query: `mutation($id: ID!) { transitionOrderCycle(id: $id, to: CLOSED) { __typename } }`,
    variables: { id: NOBODY },
  },
  "SupplyAdminResolver.supplyDeclarations": {
    query: `query($id: ID!) { supplyDeclarations(orderCycleId: $id) { id } }`,
    variables: { id: NOBODY },
  },
  "SupplyAdminResolver.recordSupplyDeclarations": {
    query: `mutation($id: ID!) { recordSupplyDeclarations(orderCycleId: $id, entries: []) { __typename } }`,
    variables: { id: NOBODY },
  },
  "SupplyAdminResolver.offers": {
    query: `query($id: ID!) { offers(orderCycleId: $id) { id } }`,
    variables: { id: NOBODY },
  },
  "SupplyAdminResolver.publishOffers": {
    query: `mutation($id: ID!) { publishOffers(orderCycleId: $id, offers: []) { __typename } }`,
    variables: { id: NOBODY },
  },
  "CycleReportAdminResolver.cycleOverview": {
    query: `query($id: ID!) { cycleOverview(orderCycleId: $id) { variantId } }`,
    variables: { id: NOBODY },
  },
  "CycleReportAdminResolver.householdHistory": {
    query: `query($id: ID!) { householdHistory(householdId: $id) { code } }`,
    variables: { id: NOBODY },
  },
  "OrderAdminResolver.orders": {
    query: `query($id: ID!) { orders(orderCycleId: $id) { totalItems } }`,
    variables: { id: NOBODY },
  },
  "OrderAdminResolver.orderPayments": {
    query: `query($id: ID!) { orderPayments(orderId: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "OrderAdminResolver.recordPayment": {
    query: `mutation($id: ID!) { recordPayment(orderId: $id, amountFen: 1600, method: CASH) { __typename } }`,
    variables: { id: NOBODY },
  },
  "OrderAdminResolver.recordRefund": {
    query: `mutation($id: ID!) { recordRefund(orderId: $id, method: CASH) { __typename } }`,
    variables: { id: NOBODY },
  },
  "SettlementAdminResolver.settlements": {
    query: `query($id: ID!) { settlements(orderCycleId: $id) { totalItems } }`,
    variables: { id: NOBODY },
  },
  "SettlementAdminResolver.settlement": {
    query: `query($id: ID!) { settlement(id: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "SettlementAdminResolver.reconciliation": {
    query: `query($id: ID!) { reconciliation(orderCycleId: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "SettlementAdminResolver.recalculateSettlements": {
    query: `mutation($id: ID!) { recalculateSettlements(orderCycleId: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "SettlementAdminResolver.approveSettlement": {
    query: `mutation($id: ID!) { approveSettlement(id: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "SettlementAdminResolver.markSettlementPaid": {
    query: `mutation($id: ID!) { markSettlementPaid(id: $id, method: CASH, paidOn: "2011-05-01") { __typename } }`,
    variables: { id: NOBODY },
  },
  "SettlementAdminResolver.acknowledgeSettlement": {
    query: `mutation($id: ID!) { acknowledgeSettlement(id: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "SettlementAdminResolver.resolveSettlementDispute": {
    query: `mutation($id: ID!) { resolveSettlementDispute(id: $id, note: "已当面核对") { __typename } }`,
    variables: { id: NOBODY },
  },
  "SettlementAdminResolver.disputeSettlement": {
    query: `mutation($id: ID!) { disputeSettlement(id: $id, note: "数量不对") { __typename } }`,
    variables: { id: NOBODY },
  },
  "SettlementAdminResolver.addSettlementCorrection": {
    query: `mutation($id: ID!) { addSettlementCorrection(settlementId: $id, orderCycleId: $id, amountFen: 100, reason: "少算一斤") { __typename } }`,
    variables: { id: NOBODY },
  },
  "FeeRuleAdminResolver.feeRules": {
    query: `query($id: ID!) { feeRules(producerGroupId: $id) { id } }`,
    variables: { id: NOBODY },
  },
  "FeeRuleAdminResolver.createFeeRule": {
    query: `mutation($id: ID!) { createFeeRule(input: { producerGroupId: $id, kind: TRANSPORT, basis: PER_UNIT, perUnitFen: 20, validFrom: "2011-01-01" }) { __typename } }`,
    variables: { id: NOBODY },
  },
  "FeeRuleAdminResolver.endFeeRule": {
    query: `mutation($id: ID!) { endFeeRule(id: $id, validTo: "2011-12-31") { __typename } }`,
    variables: { id: NOBODY },
  },
  "TrustEventAdminResolver.trustEvents": { query: "{ trustEvents { totalItems } }" },
  "TrustEventAdminResolver.trustEvent": {
    query: `query($id: ID!) { trustEvent(id: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "TrustEventAdminResolver.createTrustEvent": {
    query: `mutation($g: ID!) { createTrustEvent(input: { producerGroupId: $g, kind: MEETING }) { __typename } }`,
    variables: { g: NOBODY },
  },
  "TrustEventAdminResolver.updateTrustEvent": {
    query: `mutation($id: ID!) { updateTrustEvent(id: $id, input: { notes: "x" }) { __typename } }`,
    variables: { id: NOBODY },
  },
  "TrustEventAdminResolver.cancelTrustEvent": {
    query: `mutation($id: ID!) { cancelTrustEvent(id: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "TrustEventAdminResolver.setTrustEventHouseholds": {
    query: `mutation($id: ID!) { setTrustEventHouseholds(id: $id, householdIds: []) { __typename } }`,
    variables: { id: NOBODY },
  },
  "TrustEventAdminResolver.recordAttendance": {
    query: `mutation($id: ID!) { recordAttendance(id: $id, entries: []) { __typename } }`,
    variables: { id: NOBODY },
  },
  "UserAdminResolver.users": { query: "{ users { totalItems } }" },
  "UserAdminResolver.createStaffUser": {
    query: `mutation { createStaffUser(input: { displayName: "", role: STAFF, password: "" }) { __typename } }`,
  },
  "UserAdminResolver.changeUserRole": {
    query: `mutation($id: ID!) { changeUserRole(userId: $id, role: STAFF) { __typename } }`,
    variables: { id: NOBODY },
  },
  "UserAdminResolver.setUserProducerGroups": {
    query: `mutation($id: ID!) { setUserProducerGroups(userId: $id, producerGroupIds: []) { __typename } }`,
    variables: { id: NOBODY },
  },
  "UserAdminResolver.deactivateUser": {
    query: `mutation($id: ID!) { deactivateUser(userId: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "UserAdminResolver.reactivateUser": {
    query: `mutation($id: ID!) { reactivateUser(userId: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "BackgroundJobAdminResolver.enqueueSettlementCalculation": {
    query: `mutation($id: ID!) { enqueueSettlementCalculation(orderCycleId: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "BackgroundJobAdminResolver.requestPackingListExport": {
    query: `mutation($id: ID!) { requestPackingListExport(orderCycleId: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "BackgroundJobAdminResolver.backgroundJob": {
    query: `query($id: ID!) { backgroundJob(id: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
};

beforeAll(async () => {
  t = await startTestApi("admin_permissions", {
    prepare: async (ds) => void (fixture = await loadFixture(ds)),
  });
  for (const caller of CALLERS) clients[caller] = await adminClientFor(t, fixture, caller);
});
afterAll(() => t?.close());

describe("every admin operation of the register and catalogue, called over HTTP by each kind of caller", () => {
  it("has a harmless call for each of them", () => {
    const admin = Object.keys(ADMIN_MATRIX).filter(
      (op) =>
        !op.startsWith("Partner") &&
        !op.startsWith("PovertyLinePartner") &&
        !op.startsWith("ImpactMetricsPartner"),
    );
    expect(Object.keys(CALLS).sort()).toEqual(admin.sort());
  });

  it.each(Object.keys(CALLS))("%s answers or refuses as the matrix says", async (operation) => {
    const { query, variables } = CALLS[operation]!;
    const allowed = ADMIN_MATRIX[operation]!;
    const outcomes: Record<string, string> = {};
    for (const caller of CALLERS) {
      const res = await clients[caller].request(query, variables);
      const code = res.body.errors?.[0]?.extensions?.code;
      outcomes[caller] = res.body.errors?.length ? String(code) : "allowed";
    }
    const expected = Object.fromEntries(
      CALLERS.map((caller) => [
        caller,
        caller === "ANONYMOUS"
          ? "UNAUTHENTICATED"
          : allowed.includes(caller)
            ? "allowed"
            : "FORBIDDEN",
      ]),
    );
    expect(outcomes).toEqual(expected);
  });

  it("wrote nothing to the audit log with all those calls", async () => {
    expect(await t.dataSource.getRepository(AuditLogEntry).count()).toBe(0);
  });
});

describe("a refusal says, in the caller's language, what is missing", () => {
  const recordPayment = CALLS["OrderAdminResolver.recordPayment"]!;
  const transition = CALLS["CycleAdminResolver.transitionOrderCycle"]!;

  it("tells staff that recording a payment needs payment:record (zh-CN by default, en on request)", async () => {
    const staff = clients.STAFF;
    staff.locale = "zh-CN";
    const zh = await staff.request(recordPayment.query, recordPayment.variables);
    expect(zh.body.errors?.[0]?.message).toBe(
      "你的角色（STAFF）不能做这件事：需要 payment:record 权限。",
    );
    expect(zh.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    staff.locale = "en";
    const en = await staff.request(recordPayment.query, recordPayment.variables);
    staff.locale = "zh-CN";
    expect(en.body.errors?.[0]?.message).toBe(
      "Your role (STAFF) may not do this: it needs payment:record.",
    );
  });

  it("tells finance that changing a cycle's state needs cycle:manage", async () => {
    const finance = clients.FINANCE;
    finance.locale = "en";
    const res = await finance.request(transition.query, transition.variables);
    finance.locale = "zh-CN";
    expect(res.body.errors?.[0]?.message).toBe(
      "Your role (FINANCE) may not do this: it needs cycle:manage.",
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("asks an anonymous caller to sign in, with UNAUTHENTICATED", async () => {
    const anonymous = clients.ANONYMOUS;
    anonymous.locale = "en";
    const res = await anonymous.request(recordPayment.query, recordPayment.variables);
    anonymous.locale = "zh-CN";
    expect(res.body.errors?.[0]?.message).toBe("Please sign in first.");
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
