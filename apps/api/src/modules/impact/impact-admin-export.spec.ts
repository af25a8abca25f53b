import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_PASSWORD, type Fixture, loadFixture } from "../../test/fixtures";
import { type GraphqlClient, startTestApi, type TestApi } from "../../test/test-api";
import { createImpactWorld, type ImpactWorld, partnerKey } from "./impact-fixtures";

// The hand-made world of impact-fixtures.ts (rows listed in impact-metrics.spec.ts); k = 5 for
// the partner organisation and for staff. Figures used here:
//   members at the end of 2019: village A (甲村) H1–H5 = 5, village B (乙村) H6, H7 = 2;
//   2019 payouts PAID: H1 10 000 + 6 000, H2 8 000, H3 4 000, H6 2 000
//     = 30 000 fen from 4 households (H4's 12 000 is only APPROVED).

let t: TestApi;
let fixture: Fixture;
let world: ImpactWorld;
const cookies: Partial<Record<"ADMIN" | "PARTNER" | "STAFF", string>> = {};

/** Signs in on /admin/graphql as a browser does and returns its session cookie (`name=value`). */
async function sessionCookie(login: string): Promise<string> {
  const res = await fetch(`${t.api.url}/admin/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation($l: String!, $p: String!) { signIn(input: { login: $l, password: $p }) { __typename } }`,
      variables: { l: login, p: FIXTURE_PASSWORD },
    }),
  });
  const cookie = res.headers.getSetCookie()[0]?.split(";")[0];
  if (!cookie) throw new Error(`no session cookie for ${login}`);
  return cookie;
}

beforeAll(async () => {
  t = await startTestApi("impact_admin_export", {
    prepare: async (ds) => {
      fixture = await loadFixture(ds);
      world = await createImpactWorld(ds, fixture);
      // Staff work for Sanggang in the fixture; here they also work for the world's group.
      await ds.query(
        `INSERT INTO user_producer_groups (user_id, producer_group_id) VALUES ($1, $2)`,
        [fixture.users.STAFF.id, world.groupId],
      );
    },
  });
  for (const role of ["ADMIN", "PARTNER", "STAFF"] as const)
    cookies[role] = await sessionCookie(fixture.logins[role]);
}, 60_000);
afterAll(() => t?.close());

const PAYMENTS_2019 = {
  metrics: ["PAYMENTS_TO_HOUSEHOLDS"],
  groupBy: ["YEAR"],
  filter: { years: [2019] },
};

async function download(
  route: string,
  params: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const url = new URL(`${t.api.url}${route}`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return fetch(url, { headers });
}

/** The data rows of a CSV answer: [village, value, suppressed, households] of each cell. */
async function rowsOf(res: Response): Promise<string[][]> {
  expect(res.status).toBe(200);
  const [, ...rows] = parse(await res.text(), { bom: true }) as string[][];
  return rows.map((r) => [r[3]!, r[8]!, r[9]!, r[10]!]);
}

async function adminCells(client: GraphqlClient, query: unknown, unsuppressed: boolean) {
  const data = await client.data<{
    impactMetrics: { cells: { villageName: string | null; value: number | null }[] };
  }>(
    `query($q: ImpactMetricsInput!, $u: Boolean!) { impactMetrics(query: $q, unsuppressed: $u) { cells { villageName value suppressed householdCount } } }`,
    { q: query, u: unsuppressed },
  );
  return data.impactMetrics.cells;
}

describe("the impact CSV behind the admin session", () => {
  it("gives an admin the unsuppressed figures only when asked, equal to the admin query", async () => {
    const admin = await t.admin().signIn(fixture.logins.ADMIN, FIXTURE_PASSWORD);
    const cookie = { cookie: cookies.ADMIN! };
    const q = JSON.stringify(PAYMENTS_2019);
    // Unsuppressed: 30 000 fen from 4 households.
    const open = await rowsOf(
      await download("/admin/impact-export.csv", { query: q, unsuppressed: "true" }, cookie),
    );
    expect(open).toEqual([["", "30000", "false", "4"]]);
    expect(await adminCells(admin, PAYMENTS_2019, true)).toEqual([
      { villageName: null, value: 30000, suppressed: false, householdCount: 4 },
    ]);
    // Suppressed by default: 4 households < k = 5.
    expect(await rowsOf(await download("/admin/impact-export.csv", { query: q }, cookie))).toEqual([
      ["", "", "true", ""],
    ]);
  });

  it("ignores `unsuppressed` from a partner or staff session, as the admin query does", async () => {
    const q = JSON.stringify({
      metrics: ["HOUSEHOLDS_PARTICIPATING"],
      groupBy: ["VILLAGE"],
      filter: { years: [2019], villageIds: [world.villageA, world.villageB] },
    });
    for (const role of ["PARTNER", "STAFF"] as const) {
      const rows = await rowsOf(
        await download(
          "/admin/impact-export.csv",
          { query: q, unsuppressed: "true", lang: "en" },
          { cookie: cookies[role]! },
        ),
      );
      // B has 2 < 5 households: withheld, and A (5) with it, else A = total − B.
      expect(rows.map((r) => r.slice(1, 3))).toEqual([
        ["", "true"],
        ["", "true"],
      ]);
    }
    const admin = await rowsOf(
      await download(
        "/admin/impact-export.csv",
        { query: q, unsuppressed: "true", lang: "en" },
        { cookie: cookies.ADMIN! },
      ),
    );
    expect(admin.sort()).toEqual([
      ["Jiacun", "5", "false", "5"],
      ["Yicun", "2", "false", "2"],
    ]);
  });

  it("refuses in words: 401 without a session (or with an API key), 403 for a consumer's", async () => {
    const params = { metrics: "HOUSEHOLDS_PARTICIPATING" };
    const anonymous = await download("/admin/impact-export.csv", params);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      "请先登录。",
    );
    const key = (await partnerKey(t.dataSource, fixture)).secret;
    const withKey = await download("/admin/impact-export.csv", params, {
      authorization: `Bearer ${key}`,
    });
    expect(withKey.status).toBe(401);
    const shop = await fetch(`${t.api.url}/shop/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `mutation($l: String!, $p: String!) { signIn(input: { login: $l, password: $p, tokenDelivery: BEARER }) { ... on SignedIn { token } } }`,
        variables: { l: fixture.logins.CONSUMER, p: FIXTURE_PASSWORD },
      }),
    });
    const token = ((await shop.json()) as { data: { signIn: { token: string } } }).data.signIn
      .token;
    const consumer = await download(
      "/admin/impact-export.csv",
      { ...params, lang: "en" },
      { authorization: `Bearer ${token}` },
    );
    expect(consumer.status).toBe(403);
    expect(((await consumer.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      "Your role may not read impact data.",
    );
    const bad = await download(
      "/admin/impact-export.csv",
      { metrics: "NOPE" },
      {
        cookie: cookies.ADMIN!,
      },
    );
    expect(bad.status).toBe(400);
  });

  it("is needed: an admin session is not let into the partner download, a partner's is", async () => {
    const params = { metrics: "HOUSEHOLDS_PARTICIPATING" };
    expect((await download("/partner/export.csv", params, { cookie: cookies.ADMIN! })).status).toBe(
      401,
    );
    expect(
      (await download("/partner/export.csv", params, { cookie: cookies.PARTNER! })).status,
    ).toBe(200);
  });
});

describe("the poverty lines on the Admin API", () => {
  it("lists every official year for a partner user, oldest first", async () => {
    const partner = await t.admin().signIn(fixture.logins.PARTNER, FIXTURE_PASSWORD);
    const data = await partner.data<{
      povertyLines: { year: number; yuanPerPersonPerYear: number }[];
    }>("{ povertyLines { year yuanPerPersonPerYear status source } }");
    const years = data.povertyLines.map((line) => line.year);
    // shared/reference/poverty-lines.csv: 2010 (2300, the base) … 2020 (4000), one row a year.
    expect(years[0]).toBe(2010);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    const byYear = new Map(data.povertyLines.map((l) => [l.year, l.yuanPerPersonPerYear]));
    expect([byYear.get(2010), byYear.get(2019), byYear.get(2020)]).toEqual([2300, 3218, 4000]);
  });
});
