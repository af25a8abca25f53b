import type { MigrationInterface, QueryRunner } from "typeorm";

/** Year and month of a timestamptz column in Beijing time, as `year` and `month`. */
const period = (column: string) =>
  `extract(year FROM (${column} AT TIME ZONE 'Asia/Shanghai'))::int AS year,
   extract(month FROM (${column} AT TIME ZONE 'Asia/Shanghai'))::int AS month`;

/**
 * Joins, after `households h`, the household's record of the year `year` (an SQL int
 * expression) as `hyd` and its head's birth year as `head`, for {@link householdIn}. Shared
 * with the live fact queries (impact-facts.sql.ts); frozen with this migration.
 */
export const householdYearJoins = (year: string) => `
  LEFT JOIN household_years hyd ON hyd.household_id = h.id AND hyd.year = ${year}
  LEFT JOIN household_head_births head ON head.household_id = h.id`;

/**
 * The producer household's dimensions in the fact's year `year` (needs
 * {@link householdYearJoins}): village and head's sex as recorded; age band from the head's age
 * that year (`impact_head_age_band`, the recorded band without a birth year); registered poor
 * when that year's record has any status but NOT_REGISTERED (建档立卡: registered, exited,
 * monitored, returned), the household's flag without a record.
 */
export const householdIn = (year: string) => `h.village_id, h.head_sex,
  impact_head_age_band(${year}, head.birth_year, h.head_age_band) AS age_band,
  COALESCE(hyd.poverty_status <> 'NOT_REGISTERED', h.registered_poor) AS registered_poor`;

/**
 * Hand-written: the materialized views behind the slow impact metrics (bench/impact, issue 5:
 * p95 under 300 ms at 10× demo scale). Each is named `impact_*` and has a UNIQUE index on plain
 * columns so that `refreshImpactViews` (impact-refresh.ts, a job after each settlement) can
 * `REFRESH MATERIALIZED VIEW CONCURRENTLY` every one. Each holds the fact rows of
 * impact-facts.sql.ts already joined and summed per producer group, household (or consumer
 * household), year, month (Beijing time) and product category, so a metric query sums a few
 * thousand rows instead of joining hundreds of thousands; sums are exact, so figures are the
 * same as from the tables as of the last refresh.
 *
 * - `impact_head_age_band(year, head's birth year, recorded band)`: the head's age band in a
 *   year (age = year − birth year: UNDER_40, 40_49, 50_59, 60_69, 70_PLUS), or the recorded
 *   band when the birth year is unknown. Used by the views and the live fact queries.
 * - `household_head_births` (a plain view): each household's head's birth year, where recorded
 *   (the earliest if several members are marked HEAD).
 * - Household dimensions in the views are those of the fact's year: registered poor when that
 *   year's household record has any status but NOT_REGISTERED (建档立卡: registered, exited,
 *   monitored, returned), the household's flag without a record; the head's age that year.
 * - `impact_premium`: units allocated from producers' lots (not rejected) to orders not
 *   cancelled, by the cycle's opening; a = Σ (producer price − reference price) × units,
 *   b = Σ reference price × units (fen). The reference is the latest price observed for the
 *   variant on or before the cycle opened (lowest market name on a tie), found per (variant,
 *   cycle) through ix_reference_prices_variant_id_observed_on; units without one are left out.
 * - `impact_quality`: quality checks of lots by day of the check; a = units accepted,
 *   b = units received.
 * - `impact_consumer_spending`: consumers' payments minus REFUND adjustments (fen) per group,
 *   the group's village, year and month of payment or refund.
 * - `impact_consumer_years`: consumer households that ordered (not cancelled) from a group,
 *   with the group's village, per year of the order: orders, complaints and lines of them (all
 *   product categories together; for queries neither by month nor by category).
 * - `impact_consumer_retention`: per consumer household, village and year ordered, the groups
 *   (sorted uuid[]) it ordered from then and those it ordered from in the same village the
 *   next year (NULL if none), from orders not cancelled (no view depends on another, so they
 *   may be refreshed in any order).
 * - `impact_order_lines`: lines of orders not cancelled per order and product category;
 *   a = complaints on them, b = lines.
 */
export class ImpactViews1795960000000 implements MigrationInterface {
  name = "ImpactViews1795960000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION impact_head_age_band(at_year int, head_born int, recorded text)
      RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN head_born IS NULL THEN recorded
                    WHEN at_year - head_born < 40 THEN 'UNDER_40'
                    WHEN at_year - head_born < 50 THEN '40_49'
                    WHEN at_year - head_born < 60 THEN '50_59'
                    WHEN at_year - head_born < 70 THEN '60_69'
                    ELSE '70_PLUS' END
      $$`);
    await queryRunner.query(`CREATE VIEW household_head_births AS
      SELECT DISTINCT ON (household_id) household_id, birth_year FROM household_members
      WHERE relation = 'HEAD' AND birth_year IS NOT NULL ORDER BY household_id, birth_year`);
    await queryRunner.query(`CREATE MATERIALIZED VIEW "impact_premium" AS
      WITH pairs AS (
        SELECT DISTINCT l.variant_id, l.order_cycle_id, c.opens_at
        FROM lots l JOIN order_cycles c ON c.id = l.order_cycle_id
      ), ref AS (
        SELECT p.variant_id, p.order_cycle_id, r.price_fen
        FROM pairs p CROSS JOIN LATERAL (
          SELECT rp.price_fen FROM reference_prices rp
          WHERE rp.variant_id = p.variant_id
            AND rp.observed_on <= (p.opens_at AT TIME ZONE 'Asia/Shanghai')::date
          ORDER BY rp.observed_on DESC, rp.market LIMIT 1
        ) r
      )
      SELECT al.producer_group_id, h.id AS subject, ${period("c.opens_at")},
             ${householdIn("extract(year FROM (c.opens_at AT TIME ZONE 'Asia/Shanghai'))::int")},
             pr.category::text AS category,
             sum((f.producer_price_fen - ref.price_fen)::bigint * al.quantity)::bigint AS a,
             sum(ref.price_fen::bigint * al.quantity)::bigint AS b
      FROM allocations al
      JOIN lots l ON l.id = al.lot_id AND l.state <> 'REJECTED'
      JOIN order_lines ol ON ol.id = al.order_line_id
      JOIN orders o ON o.id = ol.order_id AND o.state <> 'CANCELLED'
      JOIN offers f ON f.id = ol.offer_id
      JOIN order_cycles c ON c.id = l.order_cycle_id
      JOIN households h ON h.id = l.household_id
      ${householdYearJoins("extract(year FROM (c.opens_at AT TIME ZONE 'Asia/Shanghai'))::int")}
      JOIN variants v ON v.id = l.variant_id JOIN products pr ON pr.id = v.product_id
      JOIN ref ON ref.variant_id = l.variant_id AND ref.order_cycle_id = l.order_cycle_id
      GROUP BY al.producer_group_id, h.id, 3, 4, 5, 6, 7, 8, pr.category`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_impact_premium_key" ON "impact_premium" ("producer_group_id", "subject", "year", "month", "category")`,
    );

    await queryRunner.query(`CREATE MATERIALIZED VIEW "impact_quality" AS
      SELECT q.producer_group_id, h.id AS subject,
             extract(year FROM q.checked_on)::int AS year, extract(month FROM q.checked_on)::int AS month,
             ${householdIn("extract(year FROM q.checked_on)::int")}, pr.category::text AS category,
             sum(q.quantity_accepted)::bigint AS a, sum(q.quantity_received)::bigint AS b
      FROM quality_checks q JOIN lots l ON l.id = q.lot_id JOIN households h ON h.id = l.household_id
      ${householdYearJoins("extract(year FROM q.checked_on)::int")}
      JOIN variants v ON v.id = l.variant_id JOIN products pr ON pr.id = v.product_id
      GROUP BY q.producer_group_id, h.id, 3, 4, 5, 6, 7, 8, pr.category`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_impact_quality_key" ON "impact_quality" ("producer_group_id", "subject", "year", "month", "category")`,
    );

    await queryRunner.query(`CREATE MATERIALIZED VIEW "impact_consumer_spending" AS
      SELECT producer_group_id, village_id, year, month, sum(b)::bigint AS b
      FROM (
        SELECT p.producer_group_id, g.village_id, ${period("p.paid_at")}, p.amount_fen::bigint AS b
        FROM payments p JOIN producer_groups g ON g.id = p.producer_group_id
        UNION ALL
        SELECT r.producer_group_id, g.village_id, ${period("r.created_at")}, -r.amount_fen::bigint
        FROM adjustments r JOIN producer_groups g ON g.id = r.producer_group_id
        WHERE r.kind = 'REFUND'
      ) money
      GROUP BY producer_group_id, village_id, year, month`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_impact_consumer_spending_key" ON "impact_consumer_spending" ("producer_group_id", "village_id", "year", "month")`,
    );

    await queryRunner.query(`CREATE MATERIALIZED VIEW "impact_consumer_years" AS
      SELECT o.producer_group_id, o.consumer_household_id AS subject, g.village_id,
             extract(year FROM (o.placed_at AT TIME ZONE 'Asia/Shanghai'))::int AS year,
             count(DISTINCT o.id)::bigint AS orders,
             count(fb.id) FILTER (WHERE fb.is_complaint)::bigint AS complaints,
             count(*)::bigint AS lines
      FROM order_lines ol
      JOIN orders o ON o.id = ol.order_id AND o.state <> 'CANCELLED'
      JOIN producer_groups g ON g.id = o.producer_group_id
      LEFT JOIN feedback fb ON fb.order_line_id = ol.id
      GROUP BY o.producer_group_id, o.consumer_household_id, g.village_id, 4`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_impact_consumer_years_key" ON "impact_consumer_years" ("producer_group_id", "subject", "village_id", "year")`,
    );

    await queryRunner.query(`CREATE MATERIALIZED VIEW "impact_consumer_retention" AS
      WITH active AS (
        SELECT o.consumer_household_id AS subject, g.village_id,
               extract(year FROM (o.placed_at AT TIME ZONE 'Asia/Shanghai'))::int AS year,
               array_agg(DISTINCT o.producer_group_id ORDER BY o.producer_group_id) AS groups
        FROM orders o JOIN producer_groups g ON g.id = o.producer_group_id
        WHERE o.state <> 'CANCELLED'
        GROUP BY o.consumer_household_id, g.village_id, 3
      )
      SELECT prev.subject, prev.village_id, prev.year, prev.groups, cur.groups AS next_groups
      FROM active prev
      LEFT JOIN active cur ON cur.subject = prev.subject AND cur.village_id = prev.village_id
        AND cur.year = prev.year + 1`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_impact_consumer_retention_key" ON "impact_consumer_retention" ("subject", "village_id", "year")`,
    );

    await queryRunner.query(`CREATE MATERIALIZED VIEW "impact_order_lines" AS
      SELECT o.producer_group_id, o.consumer_household_id AS subject, o.id AS item,
             ${period("o.placed_at")}, g.village_id, pr.category::text AS category,
             count(fb.id) FILTER (WHERE fb.is_complaint)::bigint AS a, count(*)::bigint AS b
      FROM order_lines ol
      JOIN orders o ON o.id = ol.order_id AND o.state <> 'CANCELLED'
      JOIN producer_groups g ON g.id = o.producer_group_id
      JOIN variants v ON v.id = ol.variant_id JOIN products pr ON pr.id = v.product_id
      LEFT JOIN feedback fb ON fb.order_line_id = ol.id
      GROUP BY o.producer_group_id, o.consumer_household_id, o.id, 4, 5, g.village_id, pr.category`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_impact_order_lines_key" ON "impact_order_lines" ("item", "category")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const view of [
      "impact_order_lines",
      "impact_consumer_retention",
      "impact_consumer_years",
      "impact_consumer_spending",
      "impact_quality",
      "impact_premium",
    ])
      await queryRunner.query(`DROP MATERIALIZED VIEW "${view}"`);
    await queryRunner.query(`DROP VIEW household_head_births`);
    await queryRunner.query(`DROP FUNCTION impact_head_age_band(int, int, text)`);
  }
}
