// @ts-check
// Bench data: the Taihang demo world written by the API's own seed CLI (apps/api/dist/seed), then
// what ordering needs on top of it: live sessions for the consumer households of the market whose
// cycle is open now, and extra stock so that placeOrder is measured placing rather than refusing.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import tokenModule from "@nested/api/dist/modules/identity/token.js";

const { hashToken, newToken, SESSION_TOKEN_PREFIX } = tokenModule;
const SEED_CLI = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../apps/api/dist/seed/seed.cli.js",
);

/**
 * Loads the demo data into a migrated database with `pnpm seed`'s CLI (scale 1, now = the current
 * time, so the current month's cycle is OPEN).
 * @param {string} databaseUrl
 * @returns {Promise<void>}
 */
export function loadDemoData(databaseUrl) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SEED_CLI, "--database-url", databaseUrl], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`the demo seed exited with ${code}`)),
    );
  });
}

/**
 * Picks the OPEN cycle (by the database clock) with the most offers, a pickup point of its
 * market, gives up to `consumers` of that market's consumer households a live session, and adds
 * `extraUnits` to each of the cycle's offers.
 * @param {import("pg").Client} db
 * @param {{ consumers: number, extraUnits: number }} options
 * @returns {Promise<{ cycleId: string, offers: number, pickupPointId: string, offerIds: string[], tokens: string[] }>}
 */
export async function prepareOrdering(db, options) {
  const [cycle] = (
    await db.query(
      `SELECT c.id, c.producer_group_id, count(o.id)::int AS offers
         FROM order_cycles c JOIN offers o ON o.order_cycle_id = c.id
        WHERE c.state = 'OPEN' AND c.opens_at <= now() AND now() < c.closes_at
        GROUP BY c.id ORDER BY count(o.id) DESC, c.id LIMIT 1`,
    )
  ).rows;
  if (!cycle) throw new Error("the demo data has no cycle open now");
  const [point] = (
    await db.query(
      `SELECT id FROM pickup_points WHERE producer_group_id = $1 AND deleted_at IS NULL
        ORDER BY id LIMIT 1`,
      [cycle.producer_group_id],
    )
  ).rows;
  // One unit per order; only offers whose variant allows it and whose product is on sale.
  const offerIds = (
    await db.query(
      `WITH topped AS (
         UPDATE offers SET quantity_total = quantity_total + $2 WHERE order_cycle_id = $1 RETURNING id, variant_id)
       SELECT t.id FROM topped t JOIN variants v ON v.id = t.variant_id AND v.deleted_at IS NULL
         JOIN products p ON p.id = v.product_id AND p.deleted_at IS NULL ORDER BY t.id`,
      [cycle.id, options.extraUnits],
    )
  ).rows.map((/** @type {{ id: string }} */ r) => r.id);
  const users = (
    await db.query(
      `SELECT h.user_id FROM consumer_households h JOIN users u ON u.id = h.user_id
        WHERE h.producer_group_id = $1 AND u.deleted_at IS NULL AND u.disabled_at IS NULL
        ORDER BY h.id LIMIT $2`,
      [cycle.producer_group_id, options.consumers],
    )
  ).rows.map((/** @type {{ user_id: string }} */ r) => r.user_id);
  const tokens = users.map(() => newToken(SESSION_TOKEN_PREFIX));
  await db.query(
    `INSERT INTO sessions (user_id, token_hash, expires_at)
     SELECT u, t, now() + interval '1 day' FROM unnest($1::uuid[], $2::text[]) AS x(u, t)`,
    [users, tokens.map(hashToken)],
  );
  return { cycleId: cycle.id, offers: cycle.offers, pickupPointId: point.id, offerIds, tokens };
}
