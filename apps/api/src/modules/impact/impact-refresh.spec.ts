import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { createDataSource } from "../../database/data-source";
import { createTestDatabase, type TestDatabase } from "../../test/test-database";
import { refreshImpactViews } from "./impact-refresh";

// On an empty database of its own (no migrations): which impact_ views exist is up to the test.
let db: TestDatabase;
let ds: DataSource;

beforeAll(async () => {
  db = await createTestDatabase("impact_refresh");
  ds = createDataSource({ kind: "postgres", url: db.url });
  await ds.initialize();
});

afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

async function countIn(view: string): Promise<number> {
  const [row] = (await ds.query(`SELECT count(*)::int AS n FROM ${view}`)) as [{ n: number }];
  return row.n;
}

describe("refreshImpactViews", () => {
  it("does nothing when there is no impact_ view", async () => {
    await ds.query("CREATE MATERIALIZED VIEW payouts_other AS SELECT 1 AS id");
    expect(await refreshImpactViews(ds)).toEqual([]);
  });

  it("fills a view never populated with a plain refresh, then refreshes it concurrently", async () => {
    await ds.query("CREATE TABLE paid (id int PRIMARY KEY, fen int NOT NULL)");
    await ds.query("INSERT INTO paid VALUES (1, 11941), (2, 3390)");
    await ds.query("CREATE MATERIALIZED VIEW impact_paid AS SELECT id, fen FROM paid WITH NO DATA");
    await ds.query("CREATE UNIQUE INDEX ON impact_paid (id)");
    // A view in another schema counts too; "impactful" does not start with "impact_".
    await ds.query("CREATE SCHEMA reports");
    await ds.query(
      "CREATE MATERIALIZED VIEW reports.impact_total AS SELECT 1 AS id, sum(fen)::int AS fen FROM paid",
    );
    await ds.query("CREATE UNIQUE INDEX ON reports.impact_total (id)");
    await ds.query("CREATE MATERIALIZED VIEW impactful AS SELECT 1 AS id WITH NO DATA");

    expect(await refreshImpactViews(ds)).toEqual([
      { view: "impact_paid", mode: "PLAIN" },
      { view: "reports.impact_total", mode: "CONCURRENTLY" },
    ]);
    expect(await countIn("impact_paid")).toBe(2);

    await ds.query("INSERT INTO paid VALUES (3, 3360)");
    expect(await refreshImpactViews(ds)).toEqual([
      { view: "impact_paid", mode: "CONCURRENTLY" },
      { view: "reports.impact_total", mode: "CONCURRENTLY" },
    ]);
    expect(await countIn("impact_paid")).toBe(3);
    // 11941 + 3390 + 3360 = 18691
    const [total] = (await ds.query("SELECT fen FROM reports.impact_total")) as [{ fen: number }];
    expect(total.fen).toBe(18691);
    // "impactful" was left alone: still never populated.
    const [other] = (await ds.query(
      "SELECT ispopulated FROM pg_matviews WHERE matviewname = 'impactful'",
    )) as [{ ispopulated: boolean }];
    expect(other.ispopulated).toBe(false);
  });
});
