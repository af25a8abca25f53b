import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_PASSWORD, type Fixture, loadFixture } from "../../test/fixtures";
import { startTestApi, type TestApi } from "../../test/test-api";

let t: TestApi;
let fixture: Fixture;

beforeAll(async () => {
  t = await startTestApi("household", {
    prepare: async (ds) => void (fixture = await loadFixture(ds)),
  });
});
afterAll(() => t?.close());

const HOUSEHOLDS = `query($filter: HouseholdFilter, $sort: HouseholdSort) {
  households(filter: $filter, sort: $sort) { totalItems items { code headName registeredPoor village { nameZh } } }
}`;

type HouseholdsAnswer = {
  households: { totalItems: number; items: { code: string; headName: string }[] };
};

describe("the household register on the admin side", () => {
  it("shows staff the households of their own producer group and its village, not other groups'", async () => {
    const staff = await t.admin().signIn(fixture.logins.STAFF, FIXTURE_PASSWORD);
    const res = await staff.data<HouseholdsAnswer>(HOUSEHOLDS);
    expect(res.households.items.map((h) => h.code)).toEqual(["SG-001", "SG-002", "SG-150"]);
    expect(res.households.totalItems).toBe(3);
  });

  it("shows an admin every household, sortable and searchable by a Chinese name", async () => {
    const admin = await t.admin().signIn(fixture.logins.ADMIN, FIXTURE_PASSWORD);
    const all = await admin.data<HouseholdsAnswer>(HOUSEHOLDS, {
      sort: { field: "CODE", direction: "DESC" },
    });
    expect(all.households.items.map((h) => h.code)).toEqual([
      "SG-150",
      "SG-002",
      "SG-001",
      "BS-001",
    ]);
    const found = await admin.data<HouseholdsAnswer>(HOUSEHOLDS, { filter: { search: "秀兰" } });
    expect(found.households.items).toEqual([
      { code: "SG-001", headName: "李秀兰", registeredPoor: true, village: { nameZh: "桑岗村" } },
    ]);
    const poorBaoshi = await admin.data<HouseholdsAnswer>(HOUSEHOLDS, {
      filter: { registeredPoor: true, villageId: fixture.villages.baoshi.id },
    });
    expect(poorBaoshi.households.items.map((h) => h.code)).toEqual(["BS-001"]);
  });

  it("filters the households never in a group apart from the members", async () => {
    // Fixture: SG-001, SG-002 and BS-001 are ACTIVE members; SG-150 never applied (state null).
    const admin = await t.admin().signIn(fixture.logins.ADMIN, FIXTURE_PASSWORD);
    const codes = async (filter: object) =>
      (await admin.data<HouseholdsAnswer>(HOUSEHOLDS, { filter })).households.items.map(
        (h) => h.code,
      );
    expect(await codes({ hasMembership: false })).toEqual(["SG-150"]);
    expect(await codes({ hasMembership: true })).toEqual(["BS-001", "SG-001", "SG-002"]);
    // With a membership state too, both must hold: none is ACTIVE and never applied.
    expect(await codes({ hasMembership: false, membershipState: "ACTIVE" })).toEqual([]);
    // Staff see the same within their scope (Sanggang: SG-001, SG-002, SG-150).
    const staff = await t.admin().signIn(fixture.logins.STAFF, FIXTURE_PASSWORD);
    const staffNone = await staff.data<HouseholdsAnswer>(HOUSEHOLDS, {
      filter: { hasMembership: false },
    });
    expect(staffNone.households.items.map((h) => h.code)).toEqual(["SG-150"]);
  });

  it("refuses anonymous callers, consumers' and partners' sessions", async () => {
    const anonymous = await t.admin().request(HOUSEHOLDS);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(anonymous.body.data).toBeNull();
    const partner = await t.admin().signIn(fixture.logins.PARTNER, FIXTURE_PASSWORD);
    const refused = await partner.request(HOUSEHOLDS);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
