import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, loadFixture } from "../../test/fixtures";
import { type GraphqlClient, startTestApi, type TestApi } from "../../test/test-api";
import { createImpactWorld, type ImpactWorld, partnerKey } from "./impact-fixtures";
import { refreshImpactViews } from "./impact-refresh";

// The hand-made world of impact-fixtures.ts (see impact-metrics.spec.ts), with three changes:
// village B is named "=1+1" (zh) and "+86 138 0000 0000" (en), the eggs' 2019 reference price
// is 1500 fen instead of 1000 and 2020's 1800 instead of 1200, the partner's k is 3 and it sees
// group G only.

let t: TestApi;
let fixture: Fixture;
let world: ImpactWorld;
let key: string;
let partner: GraphqlClient;

beforeAll(async () => {
  t = await startTestApi("impact_export", {
    prepare: async (ds) => {
      fixture = await loadFixture(ds);
      world = await createImpactWorld(ds, fixture);
      // The partner sees group G only: the fixture's own groups (villages of 1 and 2 households)
      // would make every filter by village A and B leave a small group out, withheld.
      await ds.query(`DELETE FROM partner_organisation_groups WHERE producer_group_id <> $1`, [
        world.groupId,
      ]);
      await ds.query(
        `UPDATE villages SET name_zh = '=1+1', name_en = '+86 138 0000 0000' WHERE id = $1`,
        [world.villageB],
      );
      await ds.query(
        `UPDATE reference_prices SET price_fen = 1500 WHERE observed_on = '2019-01-01' AND price_fen = 1000`,
      );
      await ds.query(
        `UPDATE reference_prices SET price_fen = 1800 WHERE observed_on = '2020-01-01' AND price_fen = 1200`,
      );
      await ds.query(`UPDATE partner_organisations SET suppression_k = 3`);
      await refreshImpactViews(ds.manager, { concurrently: false }); // the metrics read views as of their refresh
    },
  });
  key = (await partnerKey(t.dataSource, fixture)).secret;
  partner = t.partner();
  partner.bearer = key;
}, 60_000);
afterAll(() => t?.close());

const CELLS = `cells { metric year month villageName headSex ageBand registeredPoor productCategory value suppressed householdCount }`;

async function download(params: Record<string, string>, lang?: string) {
  const url = new URL(`${t.api.url}/partner/export.csv`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  if (lang) url.searchParams.set("lang", lang);
  return fetch(url, { headers: { authorization: `Bearer ${key}` } });
}

/** The GraphQL cells as CSV cells would read back: numbers as numbers, the rest as text. */
function asRows(cells: Record<string, unknown>[]): unknown[][] {
  const text = (v: unknown) => (v === null ? "" : String(v));
  return cells.map((c) => [
    c.metric,
    text(c.year),
    text(c.month),
    text(c.villageName),
    text(c.headSex),
    text(c.ageBand),
    text(c.registeredPoor),
    text(c.productCategory),
    text(c.value),
    String(c.suppressed),
    text(c.householdCount),
  ]);
}

describe("the partner CSV export", () => {
  it("equals the GraphQL answer, with a BOM, negative numbers as numbers", async () => {
    const query = {
      metrics: ["PRICE_PREMIUM", "HOUSEHOLDS_PARTICIPATING"],
      groupBy: [],
      // Both years: a filter leaving 2020 out would leave out its 2 premium households (< 3).
      filter: { years: [2019, 2020], villageIds: [world.villageA, world.villageB] },
    };
    const gql = await partner.data<{ impactMetrics: { cells: Record<string, unknown>[] } }>(
      `query($q: ImpactMetricsInput!) { impactMetrics(query: $q) { ${CELLS} } }`,
      { q: query },
    );
    // Premium: ((1200 − 1500) × 15 + (2500 − 2000) × 4 + (1500 − 1800) × 12)
    // / (1500 × 15 + 2000 × 4 + 1800 × 12) = −6 100 / 52 100 = −0.117083 → −1171 bp, from H1,
    // H2, H3, H6 (2019) and H1, H8 (2020); participating at either year's end: H1–H8.
    expect(gql.impactMetrics.cells.map((c) => [c.metric, c.value, c.householdCount])).toEqual([
      ["PRICE_PREMIUM", -1171, 5],
      ["HOUSEHOLDS_PARTICIPATING", 8, 8],
    ]);
    const res = await download({ query: JSON.stringify(query) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv; charset=utf-8/);
    const body = Buffer.from(await res.arrayBuffer()).toString("utf8");
    expect(body.charCodeAt(0)).toBe(0xfeff);
    expect(body).toContain(",-1171,"); // a number, not '-1171
    const [header, ...rows] = parse(body, { bom: true }) as string[][];
    expect(header![0]).toBe("指标");
    expect(rows).toEqual(asRows(gql.impactMetrics.cells));
  });

  it("takes separate parameters too, neutralises formula text and speaks English", async () => {
    const params = {
      metrics: "HOUSEHOLDS_PARTICIPATING",
      groupBy: "VILLAGE",
      years: "2019",
      villageIds: `${world.villageA},${world.villageB}`,
    };
    const res = await download(params, "en");
    const body = await res.text();
    const [header, ...rows] = parse(body, { bom: true }) as string[][];
    expect(header).toEqual([
      "Metric",
      "Year",
      "Month",
      "Village",
      "Head's sex",
      "Head's age band",
      "Registered poor",
      "Product category",
      "Value",
      "Suppressed",
      "Households",
    ]);
    // At the end of 2019 A has H1–H5 (5), B has H6, H7 (2 < 3): B is suppressed, A with it.
    expect(rows.map((r) => [r[3], r[8], r[9]]).sort()).toEqual([
      ["'+86 138 0000 0000", "", "true"],
      ["Jiacun", "", "true"],
    ]);
    const zh = await (await download(params)).text();
    expect(zh).toContain("'=1+1");
    expect(zh).not.toMatch(/,=1\+1/);
  });

  it("refuses a bad query with 400, a revoked or missing key with 401", async () => {
    expect((await download({ metrics: "NOT_A_METRIC" })).status).toBe(400);
    expect((await download({ query: "{not json" })).status).toBe(400);
    const revoked = await partnerKey(t.dataSource, fixture);
    await t.dataSource.query(`UPDATE api_keys SET revoked_at = now() WHERE id = $1`, [revoked.id]);
    const url = `${t.api.url}/partner/export.csv?metrics=HOUSEHOLDS_PARTICIPATING`;
    const refused = await fetch(url, { headers: { authorization: `Bearer ${revoked.secret}` } });
    expect(refused.status).toBe(401);
    expect(
      ((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!
        .extensions.code,
    ).toBe("UNAUTHENTICATED");
    expect((await fetch(url)).status).toBe(401);
    const graphql = t.partner();
    graphql.bearer = revoked.secret;
    const res = await graphql.request(
      `{ impactMetrics(query: { metrics: [HOUSEHOLDS_PARTICIPATING] }) { suppressionK } }`,
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("a partner key opens neither the admin nor the shop schema", async () => {
    const admin = t.admin();
    admin.bearer = key;
    const res = await admin.request(
      `{ impactMetrics(query: { metrics: [HOUSEHOLDS_PARTICIPATING] }) { suppressionK } }`,
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const shop = t.shop();
    shop.bearer = key;
    expect(await shop.data("{ me { role } }")).toEqual({ me: null });
    const orders = await shop.request("{ myOrders { totalItems } }");
    expect(orders.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
