// @ts-check
// The floor: plain node:http and pg with hand-written SQL, answering the shop's catalogue query
// with the same JSON the API gives, and nothing else (no GraphQL, no ORM, no session lookup).
// Same statements as the API's resolvers make: a page of products, their count, their variants.
// Run as a child of run.mjs: DATABASE_URL in the environment; prints "floor listening <url>".
import { createServer } from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const PAGE_SIZE = Number(process.env.PAGE_SIZE ?? 50);

/** @returns {Promise<string>} the response body of `products(page: {take: PAGE_SIZE})`. */
async function productsPage() {
  const [products, count] = await Promise.all([
    pool.query(
      `SELECT id, name_zh, name_en, category, season_months, description_zh, description_en
         FROM products WHERE deleted_at IS NULL ORDER BY name_zh, id LIMIT $1`,
      [PAGE_SIZE],
    ),
    pool.query("SELECT count(*)::int AS n FROM products WHERE deleted_at IS NULL"),
  ]);
  const variants = await pool.query(
    `SELECT id, product_id, name_zh, name_en, unit, grams, max_per_order
       FROM variants WHERE deleted_at IS NULL AND product_id = ANY($1::uuid[])
      ORDER BY name_zh, id`,
    [products.rows.map((p) => p.id)],
  );
  /** @type {Map<string, object[]>} */
  const byProduct = new Map();
  for (const v of variants.rows) {
    const list = byProduct.get(v.product_id) ?? [];
    list.push({
      id: v.id,
      nameZh: v.name_zh,
      nameEn: v.name_en,
      unit: v.unit,
      grams: v.grams,
      maxPerOrder: v.max_per_order,
    });
    byProduct.set(v.product_id, list);
  }
  const items = products.rows.map((p) => ({
    id: p.id,
    nameZh: p.name_zh,
    nameEn: p.name_en,
    category: p.category,
    seasonMonths: p.season_months,
    descriptionZh: p.description_zh,
    descriptionEn: p.description_en,
    variants: byProduct.get(p.id) ?? [],
  }));
  return JSON.stringify({ data: { products: { items, totalItems: count.rows[0].n } } });
}

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    productsPage().then(
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
