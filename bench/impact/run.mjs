// @ts-check
// Benchmark of the impact metrics on real PostgreSQL, run on demand (never by `pnpm test`):
//   pnpm build && pnpm --filter @nested/bench-impact bench
// For each scale (BENCH_SCALES, default "1,10"): makes a fresh database, loads the Taihang demo
// world at that scale with the API's seed CLI (apps/api/dist/seed/seed.cli.js, which migrates),
// then for every metric runs the built service `impactMetrics` (grouped by year and village, as
// an ADMIN would see it suppressed) and, alone, the SQL it sends, BENCH_RUNS times each (default
// 20, after 2 warm-up runs), and prints p50 and p95 of both and the ratio service / SQL (p95).
// After seeding it refreshes the materialized views `impact_*` (as the job after each settlement
// does), then measures. The last column says whether the service's p95 is under the target of
// 300 ms; a summary of the 10× p95 per metric closes the output.
// Environment: BENCH_DATABASE_URL (server to create the databases on; default the local test
// server), BENCH_SCALES, BENCH_RUNS. The databases are dropped at the end. BENCH_REUSE=1 keeps
// them and reuses `bench_impact_<scale>x` when it is already seeded (for trying queries).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const API = path.resolve(HERE, "../../apps/api");
const require = createRequire(path.join(API, "package.json"));
require("reflect-metadata");
const { createDataSource } = require("./dist/database/data-source.js");
const { impactMetrics } = require("./dist/modules/impact/impact-metrics.service.js");
const { metricSql } = require("./dist/modules/impact/impact-metrics.query.js");
const { refreshImpactViews } = require("./dist/modules/impact/impact-refresh.js");
const { METRICS } = require("./dist/modules/impact/impact-metrics.catalogue.js");
const pg = require("pg");

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SCALES = (process.env.BENCH_SCALES ?? "1,10").split(",").map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const REUSE = process.env.BENCH_REUSE === "1";
const GROUP_BY = ["YEAR", "VILLAGE"];
/** The target: p95 of every metric under this at 10× (issue 5). */
const TARGET_MS = 300;
/** @type {Map<string, number>} 10× p95 of the service per metric */
const tenfold = new Map();

/** @param {string} database */
function urlOf(database) {
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** @param {string} sql */
async function onServer(sql) {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Runs the seed CLI at `scale` into `url`, its output passed through as progress.
 * @param {string} url @param {number} scale
 */
function seed(url, scale) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(API, "dist/seed/seed.cli.js"), "--database-url", url, "--scale", String(scale)],
      { stdio: ["ignore", "inherit", "inherit"] },
    );
    child.on("exit", (code) =>
      code === 0 ? resolve(undefined) : reject(new Error(`the seed exited with ${code}`)),
    );
  });
}

/** @param {number[]} sorted @param {number} q */
const quantile = (sorted, q) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;

/** @param {() => Promise<unknown>} work */
async function time(work) {
  for (let i = 0; i < 2; i++) await work();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

/** @param {string} sql @param {unknown[]} [params] */
async function queryServer(sql, params) {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Refreshes every materialized view named `impact_*`, as the job after each settlement does.
 * @param {import("typeorm").DataSource} dataSource
 */
async function refreshViews(dataSource) {
  const started = Date.now();
  const views = await refreshImpactViews(dataSource);
  console.log(`refreshed ${views.length} impact_* views in ${Date.now() - started} ms`);
}

/** @param {number} scale */
async function benchScale(scale) {
  const database = REUSE
    ? `bench_impact_${scale}x`
    : `bench_impact_${randomBytes(4).toString("hex")}`;
  const exists = REUSE
    ? (await queryServer(`SELECT 1 FROM pg_database WHERE datname = $1`, [database])).length > 0
    : false;
  if (!exists) await onServer(`CREATE DATABASE ${database}`);
  const url = urlOf(database);
  const dataSource = createDataSource({ kind: "postgres", url });
  try {
    if (!exists) {
      const started = Date.now();
      console.log(`\n== scale ${scale}: seeding ${database} (10× takes minutes) …`);
      await seed(url, scale);
      console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    } else console.log(`\n== scale ${scale}: reusing ${database}`);
    await dataSource.initialize();
    if (exists) await dataSource.runMigrations();
    await refreshViews(dataSource);
    await dataSource.query("ANALYZE");
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM households`);
    console.log(`${n} households; each metric grouped by ${GROUP_BY.join(" × ")}, ${RUNS} runs`);
    const ctx = {
      requestId: "bench",
      principal: {
        kind: "user",
        userId: "00000000-0000-4000-8000-000000000000",
        role: "ADMIN",
        sessionId: "bench",
        producerGroupIds: [],
      },
      locale: "en",
      dataSource,
      manager: dataSource.manager,
    };
    console.log(
      `metric                            service p50/p95 ms   SQL p50/p95 ms   ratio p95   p95 < ${TARGET_MS} ms`,
    );
    for (const metric of Object.keys(METRICS)) {
      const query = { metrics: [metric], groupBy: GROUP_BY };
      const service = await time(() => impactMetrics(ctx, query));
      const { sql, params } = metricSql(metric, query, null);
      const raw = await time(() => dataSource.query(sql, params));
      const ms = (/** @type {{p50:number,p95:number}} */ t) =>
        `${t.p50.toFixed(1).padStart(7)} /${t.p95.toFixed(1).padStart(7)}`;
      const ratio = (service.p95 / raw.p95).toFixed(2).padStart(9);
      const verdict = service.p95 < TARGET_MS ? "yes" : "NO";
      console.log(`${metric.padEnd(34)}${ms(service)}    ${ms(raw)}   ${ratio}   ${verdict}`);
      if (scale === 10) tenfold.set(metric, service.p95);
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    if (!REUSE) await onServer(`DROP DATABASE IF EXISTS ${database}`);
  }
}

for (const scale of SCALES) await benchScale(scale);

if (tenfold.size) {
  const over = [...tenfold].filter(([, p95]) => p95 >= TARGET_MS);
  console.log(`\n== 10× p95 of the service per metric (target < ${TARGET_MS} ms)`);
  for (const [metric, p95] of tenfold)
    console.log(
      `${metric.padEnd(34)}${p95.toFixed(1).padStart(8)} ms   ${p95 < TARGET_MS ? "under" : "OVER"}`,
    );
  console.log(
    over.length
      ? `${over.length} of ${tenfold.size} metrics over ${TARGET_MS} ms: ${over.map(([m]) => m).join(", ")}`
      : `all ${tenfold.size} metrics under ${TARGET_MS} ms`,
  );
  process.exitCode = over.length ? 1 : 0;
}
