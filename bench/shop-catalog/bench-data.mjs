// @ts-check
// Bench data written with plain SQL into a freshly migrated database: one producer group with an
// OPEN cycle (window around the database's now()), 50 products with two variants each, one offer
// per product (50 offers), and 1,000 consumer households, each with a live session for ordering.
import tokenModule from "@nested/api/dist/modules/identity/token.js";

const { hashToken, newToken, SESSION_TOKEN_PREFIX } = tokenModule;

const PRODUCE = [
  ["柴鸡蛋", "Free-range eggs", "EGGS"],
  ["柴鸡", "Free-range hen", "POULTRY"],
  ["土猪肉", "Grain-fed pork", "PORK"],
  ["小米", "Millet", "GRAIN"],
  ["玉米糁", "Corn grits", "GRAIN"],
  ["红薯", "Sweet potatoes", "TUBERS"],
  ["核桃", "Walnuts", "NUTS"],
  ["板栗", "Chestnuts", "NUTS"],
  ["蜂蜜", "Honey", "HONEY"],
  ["豆角", "Green beans", "VEGETABLES"],
];

/**
 * Fills the bench database.
 * @param {import("pg").Client} db a client on the migrated bench database
 * @param {{ offers: number, consumers: number, unitsPerOffer: number }} size
 * @returns {Promise<{ cycleId: string, pickupPointId: string, offerIds: string[], tokens: string[] }>}
 */
export async function seedBenchData(db, size) {
  const one = async (/** @type {string} */ sql, /** @type {unknown[]} */ params = []) =>
    (await db.query(sql, params)).rows[0];
  await db.query("BEGIN");
  const village = await one(
    `INSERT INTO villages (name_zh, name_en, township, county, province, households_total)
     VALUES ('桑岗村', 'Sanggang', '坡仓乡', '易县', '河北省', 183) RETURNING id`,
  );
  const group = await one(
    `INSERT INTO producer_groups (village_id, name_zh, name_en, founded_on)
     VALUES ($1, '桑岗生产小组', 'Sanggang producer group', '2009-11-01') RETURNING id`,
    [village.id],
  );
  const cycle = await one(
    `INSERT INTO order_cycles (producer_group_id, code, state, declaration_opens_on, opens_at, closes_at, delivery_on)
     VALUES ($1, 'BENCH', 'OPEN', current_date - 7, now() - interval '1 day', now() + interval '7 days', current_date + 10)
     RETURNING id`,
    [group.id],
  );
  const offerIds = [];
  for (let i = 0; i < size.offers; i += 1) {
    const [zh, en, category] = PRODUCE[i % PRODUCE.length];
    const batch = Math.floor(i / PRODUCE.length) + 1;
    const product = await one(
      `INSERT INTO products (name_zh, name_en, category, season_months, description_zh, description_en)
       VALUES ($1, $2, $3, '{1,2,3,4,5,6,7,8,9,10,11,12}', $4, $5) RETURNING id`,
      [
        `${zh}${batch}号`,
        `${en} no. ${batch}`,
        category,
        `${zh}，农户自产。`,
        `${en}, grown by the household.`,
      ],
    );
    const variant = await one(
      `INSERT INTO variants (product_id, name_zh, name_en, unit, grams, max_per_order)
       VALUES ($1, '一斤装', '1 jin', 'JIN', 500, 10), ($1, '五斤装', '5 jin', 'BAG', 2500, 4)
       RETURNING id`,
      [product.id],
    );
    const priceFen = 1000 + ((i * 370) % 5000);
    const offer = await one(
      `INSERT INTO offers (producer_group_id, order_cycle_id, variant_id, price_fen, producer_price_fen, quantity_total)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [group.id, cycle.id, variant.id, priceFen, Math.round(priceFen * 0.75), size.unitsPerOffer],
    );
    offerIds.push(offer.id);
  }
  const point = await one(
    `INSERT INTO pickup_points (producer_group_id, name_zh, name_en, city, address, pickup_hours)
     VALUES ($1, '海淀·学院路', 'Haidian, Xueyuan Road', '北京', '北京市海淀区学院路 1 号', '周六 9:00–12:00')
     RETURNING id`,
    [group.id],
  );
  const consumerGroup = await one(
    `INSERT INTO consumer_groups (producer_group_id, name, default_pickup_point_id)
     VALUES ($1, '学院路消费者小组', $2) RETURNING id`,
    [group.id, point.id],
  );
  const tokens = Array.from({ length: size.consumers }, () => newToken(SESSION_TOKEN_PREFIX));
  await db.query(
    `WITH u AS (
       INSERT INTO users (email, password_hash, role, display_name)
       SELECT 'bench' || n || '@bench.test', '$argon2id$v=19$m=19456,t=2,p=1$bench', 'CONSUMER', '家庭' || n
         FROM generate_series(1, $1::int) AS n
       RETURNING id, display_name, email),
     numbered AS (
       SELECT id, display_name, row_number() OVER (ORDER BY email) AS n FROM u),
     h AS (
       INSERT INTO consumer_households (producer_group_id, consumer_group_id, user_id, display_name, default_pickup_point_id)
       SELECT $2, $3, id, display_name, $4 FROM numbered)
     INSERT INTO sessions (user_id, token_hash, expires_at)
     SELECT numbered.id, t.hash, now() + interval '1 day'
       FROM numbered JOIN unnest($5::text[]) WITH ORDINALITY AS t(hash, n) ON t.n = numbered.n`,
    [size.consumers, group.id, consumerGroup.id, point.id, tokens.map(hashToken)],
  );
  await db.query("COMMIT");
  await db.query("ANALYZE");
  return { cycleId: cycle.id, pickupPointId: point.id, offerIds, tokens };
}
