import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_PASSWORD, type Fixture, loadFixture } from "../../test/fixtures";
import { type GraphqlClient, startTestApi, type TestApi } from "../../test/test-api";
import { PartnerOrganisationGroup } from "./partner-organisation-group.entity";
import { PartnerOrganisation } from "./partner-organisation.entity";

let t: TestApi;
let fixture: Fixture;
let admin: GraphqlClient;

beforeAll(async () => {
  t = await startTestApi("partner_orgs", {
    prepare: async (ds) => void (fixture = await loadFixture(ds)),
  });
  admin = await t.admin().signIn(fixture.logins.ADMIN, FIXTURE_PASSWORD);
}, 60_000);
afterAll(() => t?.close());

const DETAIL = `
  __typename
  ... on PartnerOrganisationDetail {
    id name suppressionK producerGroupIds
    apiKeys { id prefix scopes lastUsedAt revokedAt }
  }
  ... on InvalidInputError { problems { field message } }
  ... on ErrorResult { errorCode message }`;
const CREATE = `mutation($input: PartnerOrganisationChangesInput!) { createPartnerOrganisation(input: $input) { ${DETAIL} } }`;
const UPDATE = `mutation($id: ID!, $input: PartnerOrganisationChangesInput!) { updatePartnerOrganisation(id: $id, input: $input) { ${DETAIL} } }`;
const SHOW = `query($id: ID!) { partnerOrganisationDetail(id: $id) { ${DETAIL} } }`;
type Detail = Record<string, unknown> & { __typename: string; id: string };

describe("partner organisations", () => {
  it("creates one with k = 5 by default and the groups it may see", async () => {
    const res = await admin.data<{ createPartnerOrganisation: Detail }>(CREATE, {
      input: { name: " 乡村振兴基金会 ", producerGroupIds: [fixture.groups.baoshi.id] },
    });
    expect(res.createPartnerOrganisation).toMatchObject({
      __typename: "PartnerOrganisationDetail",
      name: "乡村振兴基金会",
      suppressionK: 5,
      producerGroupIds: [fixture.groups.baoshi.id],
      apiKeys: [],
    });
  });

  it("never lets k below 3 and refuses unknown groups, storing nothing", async () => {
    const before = await t.dataSource.getRepository(PartnerOrganisation).count();
    const res = await admin.data<{ createPartnerOrganisation: Detail }>(CREATE, {
      input: {
        name: "",
        suppressionK: 2,
        producerGroupIds: [fixture.groups.sanggang.id, "00000000-0000-4000-8000-000000000000"],
      },
    });
    expect(res.createPartnerOrganisation).toMatchObject({
      __typename: "InvalidInputError",
      problems: [
        { field: "name", message: "机构名称需要 1 到 200 个字符，不能有控制字符。" },
        { field: "suppressionK", message: "抑制阈值 k 必须是 3 到 1000 的整数。" },
        { field: "producerGroupIds.1", message: "找不到这个生产小组。" },
      ],
    });
    expect(await t.dataSource.getRepository(PartnerOrganisation).count()).toBe(before);
    const org = fixture.partnerOrganisation;
    const update = await admin.data<{ updatePartnerOrganisation: Detail }>(UPDATE, {
      id: org.id,
      input: { suppressionK: 1, producerGroupIds: [] },
    });
    expect(update.updatePartnerOrganisation).toMatchObject({
      problems: [{ field: "suppressionK" }],
    });
    const stored = await t.dataSource
      .getRepository(PartnerOrganisation)
      .findOneByOrFail({ id: org.id });
    const groups = await t.dataSource
      .getRepository(PartnerOrganisationGroup)
      .countBy({ partnerOrganisationId: org.id });
    // The fixture's organisation keeps k = 5 and both groups.
    expect([stored.suppressionK, groups]).toEqual([5, 2]);
  });

  it("changes the groups a partner sees from its next request", async () => {
    const org = fixture.partnerOrganisation;
    const issued = await admin.data<{ issueApiKey: { key: string } }>(
      `mutation($org: ID!) { issueApiKey(partnerOrganisationId: $org) { ... on IssuedApiKey { key } } }`,
      { org: org.id },
    );
    const partner = t.partner();
    partner.bearer = issued.issueApiKey.key;
    const OWN = `{ partnerOrganisation { name suppressionK producerGroupCount } }`;
    expect((await partner.data<{ partnerOrganisation: unknown }>(OWN)).partnerOrganisation).toEqual(
      {
        name: "山地发展研究会",
        suppressionK: 5,
        producerGroupCount: 2,
      },
    );
    const res = await admin.data<{ updatePartnerOrganisation: Detail }>(UPDATE, {
      id: org.id,
      input: {
        name: "山地发展研究会（河北）",
        suppressionK: 7,
        producerGroupIds: [fixture.groups.sanggang.id],
      },
    });
    expect(res.updatePartnerOrganisation).toMatchObject({
      name: "山地发展研究会（河北）",
      suppressionK: 7,
      producerGroupIds: [fixture.groups.sanggang.id],
    });
    // The same key, next request: Baoshi is gone, one group left.
    expect((await partner.data<{ partnerOrganisation: unknown }>(OWN)).partnerOrganisation).toEqual(
      {
        name: "山地发展研究会（河北）",
        suppressionK: 7,
        producerGroupCount: 1,
      },
    );
  });

  it("lists its API keys with prefix, use and revocation, never the secret", async () => {
    const org = fixture.partnerOrganisation;
    const issued = await admin.data<{ issueApiKey: { id: string; prefix: string; key: string } }>(
      `mutation($org: ID!) { issueApiKey(partnerOrganisationId: $org) { ... on IssuedApiKey { id prefix key } } }`,
      { org: org.id },
    );
    const partner = t.partner();
    partner.bearer = issued.issueApiKey.key;
    await partner.data(`{ partnerOrganisation { name } }`);
    await admin.data(`mutation($id: ID!) { revokeApiKey(id: $id) }`, { id: issued.issueApiKey.id });
    const res = await admin.data<{ partnerOrganisationDetail: Detail }>(SHOW, { id: org.id });
    const keys = res.partnerOrganisationDetail.apiKeys as Record<string, unknown>[];
    // The key of the previous test (still live, used there) and this one (used, then revoked).
    expect(keys).toHaveLength(2);
    expect(keys[0]).toEqual({
      id: issued.issueApiKey.id,
      prefix: issued.issueApiKey.prefix,
      scopes: ["impact:read"],
      lastUsedAt: expect.any(String),
      revokedAt: expect.any(String),
    });
    expect(keys[1]).toMatchObject({ revokedAt: null, lastUsedAt: expect.any(String) });
    expect(JSON.stringify(res)).not.toContain(issued.issueApiKey.key);
    const secret = await admin.request(
      `query($id: ID!) { partnerOrganisationDetail(id: $id) { ... on PartnerOrganisationDetail { apiKeys { keyHash } } } }`,
      { id: org.id },
    );
    expect(secret.body.errors?.[0]?.message).toMatch(/Cannot query field "keyHash"/);
  });

  it("two admins replacing the groups at once leave one of the two sets, not a mix", async () => {
    const org = fixture.partnerOrganisation;
    const other = await t.admin().signIn(fixture.logins.ADMIN, FIXTURE_PASSWORD);
    const sets = [[fixture.groups.sanggang.id], [fixture.groups.baoshi.id]];
    await Promise.all([
      admin.data(UPDATE, { id: org.id, input: { producerGroupIds: sets[0] } }),
      other.data(UPDATE, { id: org.id, input: { producerGroupIds: sets[1] } }),
    ]);
    const rows = await t.dataSource
      .getRepository(PartnerOrganisationGroup)
      .findBy({ partnerOrganisationId: org.id });
    expect(sets).toContainEqual(rows.map((r) => r.producerGroupId));
  });

  it("is refused to staff", async () => {
    const staff = await t.admin().signIn(fixture.logins.STAFF, FIXTURE_PASSWORD);
    const res = await staff.request(CREATE, { input: { name: "某机构" } });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
