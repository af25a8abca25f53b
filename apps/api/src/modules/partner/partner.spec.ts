import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_PASSWORD, type Fixture, loadFixture } from "../../test/fixtures";
import { startTestApi, type TestApi } from "../../test/test-api";

let t: TestApi;
let fixture: Fixture;

beforeAll(async () => {
  t = await startTestApi("partner", {
    prepare: async (ds) => void (fixture = await loadFixture(ds)),
  });
});
afterAll(() => t?.close());

const ISSUE = `mutation($org: ID!) {
  issueApiKey(partnerOrganisationId: $org) {
    __typename
    ... on IssuedApiKey { id prefix key }
    ... on ErrorResult { errorCode message }
  }
}`;

type IssueAnswer = {
  issueApiKey: { __typename: string; id: string; prefix: string; key: string; errorCode?: string };
};

describe("partner API keys", () => {
  it("are issued by an admin, shown once, stored hashed, work on the partner API, and stop working when revoked", async () => {
    const admin = await t.admin().signIn(fixture.logins.ADMIN, FIXTURE_PASSWORD);
    const listed = await admin.data<{
      partnerOrganisations: { id: string; name: string; producerGroupCount: number }[];
    }>("{ partnerOrganisations { id name producerGroupCount } }");
    expect(listed.partnerOrganisations).toEqual([
      { id: fixture.partnerOrganisation.id, name: "山地发展研究会", producerGroupCount: 2 },
    ]);
    const issued = (await admin.data<IssueAnswer>(ISSUE, { org: fixture.partnerOrganisation.id }))
      .issueApiKey;
    expect(issued.__typename).toBe("IssuedApiKey");
    expect(issued.key).toMatch(/^nmk_[A-Za-z0-9_-]{43}$/);
    expect(issued.prefix).toBe(issued.key.slice(0, 8));
    const stored = await t.dataSource.query("SELECT key_hash, prefix FROM api_keys WHERE id = $1", [
      issued.id,
    ]);
    expect(stored[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(issued.key);

    const partner = t.partner();
    partner.bearer = issued.key;
    const org = await partner.data<{
      partnerOrganisation: unknown;
      povertyLines: { year: number; yuanPerPersonPerYear: number }[];
    }>(
      "{ partnerOrganisation { name suppressionK producerGroupCount } povertyLines { year yuanPerPersonPerYear } }",
    );
    expect(org.partnerOrganisation).toEqual({
      name: "山地发展研究会",
      suppressionK: 5,
      producerGroupCount: 2,
    });
    // shared/reference/poverty-lines.csv: 2011 → 2536 yuan per person per year.
    expect(org.povertyLines.find((line) => line.year === 2011)?.yuanPerPersonPerYear).toBe(2536);

    expect(
      await admin.data("mutation($id: ID!) { revokeApiKey(id: $id) }", { id: issued.id }),
    ).toEqual({ revokeApiKey: true });
    const refused = await partner.request("{ partnerOrganisation { name } }");
    expect(refused.status).toBe(401);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(refused.body.errors?.[0]?.message).toBe(
      "合作机构接口需要有效的 API 密钥（请求头 Authorization: Bearer nmk_…）：没有提供密钥，或密钥不存在、已被撤销。",
    );
  });

  it("cannot be issued by plain staff, nor for an unknown organisation", async () => {
    const staff = await t.admin().signIn(fixture.logins.STAFF, FIXTURE_PASSWORD);
    const refused = await staff.request(ISSUE, { org: fixture.partnerOrganisation.id });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const admin = await t.admin().signIn(fixture.logins.ADMIN, FIXTURE_PASSWORD);
    const unknown = await admin.data<IssueAnswer>(ISSUE, {
      org: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknown.issueApiKey.errorCode).toBe("NOT_FOUND");
  });

  it("are not accepted by the shop or admin APIs", async () => {
    const admin = await t.admin().signIn(fixture.logins.ADMIN, FIXTURE_PASSWORD);
    const issued = (await admin.data<IssueAnswer>(ISSUE, { org: fixture.partnerOrganisation.id }))
      .issueApiKey;
    const shop = t.shop();
    shop.bearer = issued.key;
    expect(await shop.data("{ me { id } }")).toEqual({ me: null });
  });
});
