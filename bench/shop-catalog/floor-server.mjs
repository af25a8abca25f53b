// @ts-check
// The floor: plain node:http and pg with hand-written SQL, answering the bench's offers query
// (see run.mjs) for one cycle with the same JSON the API gives, and nothing else (no GraphQL, no
// ORM, no session lookup). Growers' display name and photo are masked by the same consent rule
// as the API's. Run as a child of run.mjs with DATABASE_URL and ORDER_CYCLE_ID in the
// environment; prints "floor listening <url>".
import { createServer } from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const CYCLE_ID = process.env.ORDER_CYCLE_ID;
const PAGE_SIZE = 50;

const OFFERS_SQL = `
  SELECT o.id, o.variant_id, o.price_fen, o.quantity_total - o.quantity_reserved AS available,
         v.name_zh AS v_name_zh, v.name_en AS v_name_en, v.unit, v.grams, v.max_per_order,
         p.id AS product_id, p.name_zh AS p_name_zh, p.name_en AS p_name_en, p.category
    FROM offers o
    JOIN order_cycles c ON c.id = o.order_cycle_id AND c.state NOT IN ('DRAFT', 'CANCELLED')
    JOIN variants v ON v.id = o.variant_id AND v.deleted_at IS NULL
    JOIN products p ON p.id = v.product_id AND p.deleted_at IS NULL
   WHERE o.order_cycle_id = $1
   ORDER BY p.name_zh, v.name_zh, o.id LIMIT $2`;

const COUNT_SQL = `
  SELECT count(*)::int AS n FROM offers o
    JOIN order_cycles c ON c.id = o.order_cycle_id AND c.state NOT IN ('DRAFT', 'CANCELLED')
    JOIN variants v ON v.id = o.variant_id AND v.deleted_at IS NULL
    JOIN products p ON p.id = v.product_id AND p.deleted_at IS NULL
   WHERE o.order_cycle_id = $1`;

const GROWERS_SQL = `
  WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS day)
  SELECT d.variant_id, h.code, vi.id AS village_id, vi.name_zh, vi.name_en,
         CASE WHEN pc.ok THEN h.display_name END AS display_name,
         CASE WHEN pc.ok THEN h.photo_url END AS photo_url
    FROM supply_declarations d
    JOIN households h ON h.id = d.household_id
    JOIN villages vi ON vi.id = h.village_id
    CROSS JOIN today
    LEFT JOIN LATERAL (
      SELECT true AS ok FROM consent_records cr
       WHERE cr.household_id = h.id AND cr.kind = 'PUBLIC_PROFILE' AND cr.granted_on <= today.day
         AND (cr.withdrawn_on IS NULL OR cr.withdrawn_on > today.day)
       LIMIT 1) pc ON true
   WHERE d.order_cycle_id = $1 AND d.variant_id = ANY($2::uuid[])
   ORDER BY h.code, h.id`;

/** @returns {Promise<string>} the response body of the bench's offers query. */
async function offersPage() {
  const [offers, count] = await Promise.all([
    pool.query(OFFERS_SQL, [CYCLE_ID, PAGE_SIZE]),
    pool.query(COUNT_SQL, [CYCLE_ID]),
  ]);
  const growers = await pool.query(GROWERS_SQL, [CYCLE_ID, offers.rows.map((o) => o.variant_id)]);
  /** @type {Map<string, import("pg").QueryResultRow[]>} */
  const byVariant = new Map();
  for (const g of growers.rows) {
    const list = byVariant.get(g.variant_id) ?? [];
    list.push(g);
    byVariant.set(g.variant_id, list);
  }
  const items = offers.rows.map((o) => {
    const rows = byVariant.get(o.variant_id) ?? [];
    /** @type {Map<string, { id: string, nameZh: string, nameEn: string }>} */
    const villages = new Map();
    for (const g of rows)
      villages.set(g.village_id, { id: g.village_id, nameZh: g.name_zh, nameEn: g.name_en });
    return {
      id: o.id,
      price: o.price_fen,
      quantityAvailable: o.available,
      unit: o.unit,
      category: o.category,
      variant: {
        id: o.variant_id,
        nameZh: o.v_name_zh,
        nameEn: o.v_name_en,
        grams: o.grams,
        maxPerOrder: o.max_per_order,
      },
      product: { id: o.product_id, nameZh: o.p_name_zh, nameEn: o.p_name_en },
      growers: rows.map((g) => ({
        code: g.code,
        displayName: g.display_name,
        photoUrl: g.photo_url,
        village: { nameZh: g.name_zh, nameEn: g.name_en },
      })),
      villages: [...villages.values()].sort((a, b) =>
        a.nameZh < b.nameZh ? -1 : a.nameZh > b.nameZh ? 1 : 0,
      ),
    };
  });
  return JSON.stringify({ data: { offers: { totalItems: count.rows[0].n, items } } });
}

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    offersPage().then(
      (body) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(body);
      },
      (error) => {
        res.writeHead(500);
        res.end(String(error));
      },
    );
  });
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  console.log(`floor listening http://127.0.0.1:${port}`);
});
process.on("SIGTERM", () => server.close(() => pool.end().then(() => process.exit(0))));
