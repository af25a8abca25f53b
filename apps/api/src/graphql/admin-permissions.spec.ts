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
  "IntakeAdminResolver.markOrderNoShow": {
    query: `mutation($id: ID!) { markOrderNoShow(orderId: $id) { __typename } }`,
    variables: { id: NOBODY },
  },
  "PickupPointAdminResolver.removePickupPoint": {
    query: `mutation($id: ID!) { removePickupPoint(id: $id) { __typename } }`,
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
      (op) => !op.startsWith("Partner") && !op.startsWith("PovertyLine"),
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
            : "UNAUTHORIZED",
      ]),
    );
    expect(outcomes).toEqual(expected);
  });

  it("wrote nothing to the audit log with all those calls", async () => {
    expect(await t.dataSource.getRepository(AuditLogEntry).count()).toBe(0);
  });
});
