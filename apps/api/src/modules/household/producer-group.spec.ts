import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_PASSWORD, type Fixture, loadFixture } from "../../test/fixtures";
import { startTestApi, type TestApi } from "../../test/test-api";

let t: TestApi;
let fixture: Fixture;

beforeAll(async () => {
  t = await startTestApi("producer_groups", {
    prepare: async (ds) => void (fixture = await loadFixture(ds)),
  });
});
afterAll(() => t?.close());

const GROUPS = `{ producerGroups { id nameZh nameEn foundedOn village { nameZh nameEn } } }`;

type GroupsAnswer = {
  producerGroups: {
    id: string;
    nameZh: string;
    nameEn: string;
    foundedOn: string;
    village: { nameZh: string; nameEn: string };
  }[];
};

const SANGGANG = {
  nameZh: "桑岗生产小组",
  nameEn: "Sanggang producer group",
  foundedOn: "2011-03-15",
  village: { nameZh: "桑岗村", nameEn: "Sanggang" },
};
const BAOSHI = {
  nameZh: "宝石生产小组",
  nameEn: "Baoshi producer group",
  foundedOn: "2016-04-01",
  village: { nameZh: "宝石村", nameEn: "Baoshi" },
};

describe("producerGroups on the admin API", () => {
  it("lists every group for an admin, oldest first (2011 Sanggang, then 2016 Baoshi)", async () => {
    const admin = await t.admin().signIn(fixture.logins.ADMIN, FIXTURE_PASSWORD);
    const res = await admin.data<GroupsAnswer>(GROUPS);
    expect(res.producerGroups).toEqual([
      { id: fixture.groups.sanggang.id, ...SANGGANG },
      { id: fixture.groups.baoshi.id, ...BAOSHI },
    ]);
  });

  it("lists only the groups staff and finance work for (the fixture's: Sanggang)", async () => {
    for (const role of ["STAFF", "FINANCE"] as const) {
      const client = await t.admin().signIn(fixture.logins[role], FIXTURE_PASSWORD);
      const res = await client.data<GroupsAnswer>(GROUPS);
      expect(res.producerGroups).toEqual([{ id: fixture.groups.sanggang.id, ...SANGGANG }]);
    }
  });
});
