// @ts-check
// Benchmark of the shop API on real PostgreSQL, run on demand (never by `pnpm test`):
//   pnpm build && pnpm --filter @nested/bench-shop-catalog bench
// 1. makes a fresh database, starts the built API on it (apps/api/dist/main.js, a child process,
//    migrations run at start) and loads the Taihang demo data with the API's seed CLI;
// 2. measures the shop's offers query for the cycle open now (a page of up to 50 offers with
//    variant, product, growers and villages) with autocannon, then the floor server
//    (floor-server.mjs, plain node:http + pg) on the same data, and prints both and their ratio
//    (target ≥ 0.4);
// 3. measures placeOrder with 100 connections (orders/s, p99) and checks that no offer went below
//    zero and that reserved stock equals the units of placed orders.
// Environment: BENCH_DATABASE_URL (server to create the database on; default the local test
// server), BENCH_SECONDS (per measurement, default 10), BENCH_CONNECTIONS (catalogue, default 50).
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { loadDemoData, prepareOrdering } from "./bench-data.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const API_MAIN = path.resolve(HERE, "../../apps/api/dist/main.js");
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ORDER_CONNECTIONS = 100;
const ORDERING = { consumers: 1000, extraUnits: 1000 };

// The catalogue query: one page of the current cycle's offers with their nested fields (all but
// `pricing`, whose arithmetic the floor would have to copy); the floor returns the same JSON.
const CATALOGUE_QUERY = `query($cycle: ID!) { offers(orderCycleId: $cycle, page: { skip: 0, take: 50 }) {
  totalItems
  items { id price quantityAvailable unit category
          variant { id nameZh nameEn grams maxPerOrder }
          product { id nameZh nameEn }
          growers { code displayName photoUrl village { nameZh nameEn } }
          villages { id nameZh nameEn } } } }`;

const PLACE_ORDER = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
  __typename ... on Order { id totalFen } ... on ErrorResult { errorCode } } }`;

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
 * Starts `node args…` and resolves with the child and the first match of `pattern` in its output.
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {RegExp} pattern
 * @returns {Promise<{ child: import("node:child_process").ChildProcess, match: RegExpMatchArray }>}
 */
function startChild(args, env, pattern) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env } });
    let output = "";
    const onData = (/** @type {Buffer} */ chunk) => {
      output += chunk.toString();
      const match = output.match(pattern);
      if (match) {
        child.stdout?.off("data", onData);
        resolve({ child, match });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk) => process.stderr.write(chunk));
    child.on("exit", (code) => reject(new Error(`${args[0]} exited (${code}):\n${output}`)));
  });
}

/**
 * Runs autocannon and returns requests/s and latency percentiles (ms).
 * @param {import("autocannon").Options} options
 */
async function measure(options) {
  const result = await autocannon({ ...options, duration: SECONDS });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

/** @param {string} url */
async function postJson(url, /** @type {string} */ body) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  return res.json();
}

async function main() {
  const database = `nm_bench_${randomBytes(4).toString("hex")}`;
  await onServer(`CREATE DATABASE "${database}"`);
  /** @type {import("node:child_process").ChildProcess[]} */
  const children = [];
  try {
    const databaseUrl = urlOf(database);
    const api = await startChild(
      [API_MAIN],
      {
        DATABASE_URL: databaseUrl,
        PORT: "0",
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        SEED_DEMO: "false",
      },
      /GraphQL\s+(http:\/\/\S+)\/shop\/graphql/,
    );
    children.push(api.child);
    const apiUrl = `${api.match[1]}/shop/graphql`;

    await loadDemoData(databaseUrl);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const data = await prepareOrdering(db, ORDERING);
    console.log(
      `demo data: the open cycle has ${data.offers} offers; ${data.tokens.length} consumer households ` +
        `signed in for ordering; each offer got ${ORDERING.extraUnits} more units`,
    );

    const floor = await startChild(
      [path.join(HERE, "floor-server.mjs")],
      { DATABASE_URL: databaseUrl, ORDER_CYCLE_ID: data.cycleId },
      /floor listening (http:\/\/\S+)/,
    );
    children.push(floor.child);
    const floorUrl = floor.match[1];

    const body = JSON.stringify({ query: CATALOGUE_QUERY, variables: { cycle: data.cycleId } });
    const [fromApi, fromFloor] = [await postJson(apiUrl, body), await postJson(floorUrl, body)];
    if (!fromApi.data || !isDeepStrictEqual(fromApi, fromFloor)) {
      throw new Error(
        `the floor does not answer what the API answers:\n${JSON.stringify(fromApi).slice(0, 500)}\n${JSON.stringify(fromFloor).slice(0, 500)}`,
      );
    }
    const catalogue = {
      method: /** @type {const} */ ("POST"),
      headers: { "content-type": "application/json" },
      body,
      connections: CONNECTIONS,
    };
    await autocannon({ ...catalogue, url: apiUrl, duration: 2 }); // warm-up
    const apiFigures = await measure({ ...catalogue, url: apiUrl });
    await autocannon({ ...catalogue, url: floorUrl, duration: 2 });
    const floorFigures = await measure({ ...catalogue, url: floorUrl });

    const outcomes = /** @type {Record<string, number>} */ ({});
    const orders = await measure({
      url: apiUrl,
      connections: ORDER_CONNECTIONS,
      requests: [
        {
          method: "POST",
          setupRequest: (request) => {
            const token = data.tokens[Math.floor(Math.random() * data.tokens.length)];
            const offerId = data.offerIds[Math.floor(Math.random() * data.offerIds.length)];
            return {
              ...request,
              headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
              body: JSON.stringify({
                query: PLACE_ORDER,
                variables: {
                  input: {
                    orderCycleId: data.cycleId,
                    pickupPointId: data.pickupPointId,
                    lines: [{ offerId, quantity: 1 }],
                    idempotencyKey: randomUUID(),
                  },
                },
              }),
            };
          },
          onResponse: (_status, responseBody) => {
            /** @type {{ data?: { placeOrder?: { __typename: string } } }} */
            const parsed = JSON.parse(responseBody);
            const name = parsed.data?.placeOrder?.__typename ?? "fault";
            outcomes[name] = (outcomes[name] ?? 0) + 1;
          },
        },
      ],
    });
    const [stock] = (
      await db.query(
        `SELECT (SELECT count(*)::int FROM offers
                  WHERE quantity_reserved < 0 OR quantity_reserved > quantity_total) AS oversold,
                count(*) FILTER (WHERE quantity_reserved = quantity_total)::int AS sold_out,
                sum(quantity_reserved)::int AS reserved,
                (SELECT coalesce(sum(l.quantity), 0)::int FROM order_lines l
                   JOIN orders o ON o.id = l.order_id
                  WHERE o.order_cycle_id = $1 AND o.state <> 'CANCELLED') AS ordered
           FROM offers WHERE order_cycle_id = $1`,
        [data.cycleId],
      )
    ).rows;
    await db.end();

    const f = (/** @type {number} */ n) => n.toFixed(1);
    console.log(
      `\noffers query (${fromApi.data.offers.items.length} offers of ${fromApi.data.offers.totalItems}), ${CONNECTIONS} connections, ${SECONDS} s each`,
    );
    console.log(
      `  API    ${f(apiFigures.rps)} req/s  p50 ${apiFigures.p50} ms  p99 ${apiFigures.p99} ms  errors ${apiFigures.errors}`,
    );
    console.log(
      `  floor  ${f(floorFigures.rps)} req/s  p50 ${floorFigures.p50} ms  p99 ${floorFigures.p99} ms  errors ${floorFigures.errors}`,
    );
    console.log(
      `  ratio API / floor = ${(apiFigures.rps / floorFigures.rps).toFixed(2)} (target ≥ 0.40)`,
    );
    console.log(`\nplaceOrder, ${ORDER_CONNECTIONS} connections, ${SECONDS} s`);
    console.log(
      `  ${f(orders.rps)} requests/s  p50 ${orders.p50} ms  p99 ${orders.p99} ms  errors ${orders.errors}`,
    );
    console.log(
      `  answers: ${JSON.stringify(outcomes)}  (orders/s = ${f((outcomes.Order ?? 0) / SECONDS)})`,
    );
    console.log(
      `  stock: ${stock.oversold} offers (of any cycle) below zero or above their total; ` +
        `${stock.sold_out} of the cycle's ${data.offers} offers sold out; reserved ${stock.reserved} = ` +
        `units in the cycle's orders ${stock.ordered}: ${stock.reserved === stock.ordered ? "yes" : "NO"}`,
    );
    if (stock.oversold !== 0 || stock.reserved !== stock.ordered) process.exitCode = 1;
  } finally {
    for (const child of children) {
      child.removeAllListeners("exit");
      child.kill("SIGTERM");
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    await onServer(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
}

await main();
