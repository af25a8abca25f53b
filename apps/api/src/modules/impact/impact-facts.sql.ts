/**
 * The fact rows behind each impact metric, as SQL. Every fact query returns the same columns:
 * `subject` (the household — producer or consumer — a row is about, or NULL for rows about none),
 * `item` (what the metric counts distinctly, e.g. an order, or NULL), the dimensions `year`,
 * `month`, `village_id`, `head_sex`, `age_band`, `registered_poor`, `category` (NULL where the
 * metric has no such dimension), and two integer measures `a` and `b`.
 *
 * Parameters shared by all: `$1` the producer groups in scope (uuid[], NULL = all), `$2` and
 * `$3` the poverty-line years and yuan (int[], same length). Periods are calendar years and
 * months in Asia/Shanghai. A producer household's dimensions are those of the fact's year
 * (`householdIn`, shared with the views of migration ImpactViews).
 */

import {
  householdIn,
  householdYearJoins,
} from "../../database/migrations/1795960000000-ImpactViews";

/** Year and month of a timestamptz column in Beijing time. */
function period(column: string): string {
  const local = `(${column} AT TIME ZONE 'Asia/Shanghai')`;
  return `extract(year FROM ${local})::int AS year, extract(month FROM ${local})::int AS month`;
}

const SCOPE = (column: string) => `($1::uuid[] IS NULL OR ${column} = ANY($1::uuid[]))`;

/** Member of its producer group on the day `end` (joined on or before, not left by then). */
const memberOn = (end: string) =>
  `h.joined_on IS NOT NULL AND h.joined_on <= ${end} AND (h.left_on IS NULL OR h.left_on > ${end})`;

/**
 * Settlements paid out (PAID or ACKNOWLEDGED), by the day of the payout. The household's age
 * band and registered-poor status of the year are looked up only when `byHousehold` (the query
 * groups or filters by them); otherwise those columns are NULL, which changes nothing.
 */
export function paidSettlementFacts(byHousehold: boolean): string {
  const year = "extract(year FROM s.paid_on)::int";
  const dimensions = byHousehold
    ? householdIn(year)
    : "h.village_id, h.head_sex, NULL::text AS age_band, NULL::boolean AS registered_poor";
  return `
  SELECT s.household_id AS subject, NULL::uuid AS item,
         ${year} AS year, extract(month FROM s.paid_on)::int AS month,
         ${dimensions}, NULL::text AS category, s.net_fen::bigint AS a, 0::bigint AS b
  FROM settlements s JOIN households h ON h.id = s.household_id
  ${byHousehold ? householdYearJoins(year) : ""}
  WHERE s.state IN ('PAID', 'ACKNOWLEDGED') AND s.paid_on IS NOT NULL AND ${SCOPE("s.producer_group_id")}`;
}

/**
 * Producer households members of their group at the end of each year (or month when `byMonth`),
 * from the year they joined to the current one; a = 1.
 */
export function participatingFacts(byMonth: boolean): string {
  const step = byMonth ? "month" : "year";
  return `
  SELECT h.id AS subject, NULL::uuid AS item, extract(year FROM p.start)::int AS year,
         ${byMonth ? "extract(month FROM p.start)::int" : "NULL::int"} AS month,
         ${householdIn("extract(year FROM p.start)::int")}, NULL::text AS category,
         1::bigint AS a, 0::bigint AS b
  FROM households h
  CROSS JOIN LATERAL (
    SELECT d::date AS start, (d + interval '1 ${step}' - interval '1 day')::date AS finish
    FROM generate_series(date_trunc('${step}', h.joined_on::timestamp),
                         date_trunc('${step}', COALESCE(h.left_on, (now() AT TIME ZONE 'Asia/Shanghai')::date)::timestamp),
                         interval '1 ${step}') AS d
  ) p
  ${householdYearJoins("extract(year FROM p.start)::int")}
  WHERE ${memberOn("p.finish")} AND ${SCOPE("h.producer_group_id")}`;
}

/**
 * Yearly household records (`hy`) of households that were members at the end of that year,
 * with {@link householdYearJoins} for that year.
 */
const MEMBER_YEARS = `household_years hy JOIN households h ON h.id = hy.household_id
  AND ${memberOn("make_date(hy.year, 12, 31)")} AND ${SCOPE("h.producer_group_id")}
  ${householdYearJoins("hy.year")}`;

/** Member households whose status went from REGISTERED or RETURNED last year to EXITED; a = 1. */
export const EXITED_FACTS = `
  SELECT h.id AS subject, NULL::uuid AS item, hy.year, NULL::int AS month,
         ${householdIn("hy.year")}, NULL::text AS category, 1::bigint AS a, 0::bigint AS b
  FROM ${MEMBER_YEARS}
  JOIN household_years prev ON prev.household_id = hy.household_id AND prev.year = hy.year - 1
  WHERE hy.poverty_status = 'EXITED' AND prev.poverty_status IN ('REGISTERED', 'RETURNED')`;

/**
 * Member households' yearly per-capita net income against that year's poverty line: a = 1 when
 * at or above the line (not below it), else 0; b = 1. `poorOnly` keeps those registered poor
 * that year (any status but NOT_REGISTERED).
 */
export function incomeFacts(poorOnly: boolean): string {
  return `
  SELECT h.id AS subject, NULL::uuid AS item, hy.year, NULL::int AS month,
         ${householdIn("hy.year")}, NULL::text AS category,
         (hy.per_capita_net_income_yuan >= line.yuan)::int::bigint AS a, 1::bigint AS b
  FROM ${MEMBER_YEARS}
  JOIN unnest($2::int[], $3::int[]) AS line(year, yuan) ON line.year = hy.year
  ${poorOnly ? "WHERE hy.poverty_status <> 'NOT_REGISTERED'" : ""}`;
}

/**
 * Paid settlements (a = net fen) and the consumers' money (b = payments minus refunds, fen) of
 * the same groups, by producer group's village; the consumer rows have no household. The
 * consumers' money comes from the materialized view `impact_consumer_spending` (migration
 * ImpactViews), as of its last refresh. `byHousehold` as for {@link paidSettlementFacts}.
 */
export function farmerShareFacts(byHousehold: boolean): string {
  return `${paidSettlementFacts(byHousehold)}
  UNION ALL
  SELECT NULL::uuid, NULL::uuid, s.year, s.month, s.village_id, NULL::text, NULL::text,
         NULL::boolean, NULL::text, 0::bigint, s.b
  FROM impact_consumer_spending s
  WHERE ${SCOPE("s.producer_group_id")}`;
}

/**
 * Units allocated from producers' lots (not rejected) to order lines of orders not cancelled,
 * by the cycle's opening: a = (producer price − reference price) × units, b = reference price ×
 * units, fen. The reference price is the latest one observed for the variant on or before the
 * cycle opened (any market; the lowest market name on a tie); units without one are left out.
 * Summed per group, household, month and category in the materialized view `impact_premium`
 * (migration ImpactViews), as of its last refresh.
 */
export const PREMIUM_FACTS = `
  SELECT p.subject, NULL::uuid AS item, p.year, p.month, p.village_id, p.head_sex, p.age_band,
         p.registered_poor, p.category, p.a, p.b
  FROM impact_premium p
  WHERE ${SCOPE("p.producer_group_id")}`;

/** Consumer households' orders per group and year (`impact_consumer_years y`); a = `a`. */
const consumerYearFacts = (a: string) => `
  SELECT y.subject, NULL::uuid AS item, y.year, NULL::int AS month, y.village_id,
         NULL::text AS head_sex, NULL::text AS age_band, NULL::boolean AS registered_poor,
         NULL::text AS category, ${a} AS a, y.lines AS b
  FROM impact_consumer_years y
  WHERE ${SCOPE("y.producer_group_id")}`;

/**
 * Lines of orders not cancelled, by order placement: a = complaints on them, b = lines. By
 * month or product category (`byMonth`, `byCategory`), per order and category from the
 * materialized view `impact_order_lines` with item = the order; otherwise per consumer
 * household, group and year from `impact_consumer_years` (no item). Both as of their last
 * refresh (migration ImpactViews).
 */
export function orderLineFacts(byMonth: boolean, byCategory: boolean): string {
  if (byMonth || byCategory)
    return `
  SELECT o.subject, o.item, o.year, o.month, o.village_id, NULL::text AS head_sex,
         NULL::text AS age_band, NULL::boolean AS registered_poor, o.category, o.a, o.b
  FROM impact_order_lines o
  WHERE ${SCOPE("o.producer_group_id")}`;
  return consumerYearFacts("y.complaints");
}

/**
 * Orders not cancelled, by placement, for the repeat-order rate: the orders of a consumer
 * household in a cell are `items` (distinct orders, by month or category, from
 * {@link orderLineFacts}) plus `a` (orders already counted per year, otherwise); b = lines.
 */
export function repeatOrderFacts(byMonth: boolean, byCategory: boolean): string {
  if (byMonth || byCategory)
    return `SELECT subject, item, year, month, village_id, head_sex, age_band, registered_poor,
         category, 0::bigint AS a, b FROM (${orderLineFacts(byMonth, byCategory)}) lines`;
  return consumerYearFacts("y.orders");
}

/**
 * Consumer households that ordered (not cancelled) in year Y − 1, one row each for year Y:
 * a = 1 when they ordered again in Y from the village's groups in scope, b = 1. From the
 * materialized view `impact_consumer_retention` (groups ordered from in Y − 1 and in Y; migration
 * ImpactViews), as of its last refresh.
 */
export const RETENTION_FACTS = `
  SELECT r.subject, NULL::uuid AS item, r.year + 1 AS year, NULL::int AS month, r.village_id,
         NULL::text AS head_sex, NULL::text AS age_band, NULL::boolean AS registered_poor,
         NULL::text AS category,
         COALESCE(CASE WHEN $1::uuid[] IS NULL THEN r.next_groups IS NOT NULL
                       ELSE r.next_groups && $1::uuid[] END, false)::int::bigint AS a,
         1::bigint AS b
  FROM impact_consumer_retention r
  WHERE $1::uuid[] IS NULL OR r.groups && $1::uuid[]`;

/**
 * Quality checks of producers' lots, by day of the check: a = units accepted, b = received.
 * Summed per group, household, month and category in the materialized view `impact_quality`
 * (migration ImpactViews), as of its last refresh.
 */
export const QUALITY_FACTS = `
  SELECT q.subject, NULL::uuid AS item, q.year, q.month, q.village_id, q.head_sex, q.age_band,
         q.registered_poor, q.category, q.a, q.b
  FROM impact_quality q
  WHERE ${SCOPE("q.producer_group_id")}`;

/**
 * Trust events held (ended, not cancelled), by their start: one row per event (item = the
 * event, no household) and one per attending consumer household (b = people who came).
 */
export const TRUST_FACTS = `
  SELECT NULL::uuid AS subject, e.id AS item, ${period("e.starts_at")}, e.village_id,
         NULL::text AS head_sex, NULL::text AS age_band, NULL::boolean AS registered_poor,
         NULL::text AS category, 0::bigint AS a, 0::bigint AS b
  FROM trust_events e
  WHERE e.cancelled_at IS NULL AND e.ends_at <= now() AND ${SCOPE("e.producer_group_id")}
  UNION ALL
  SELECT t.consumer_household_id, NULL::uuid, ${period("e.starts_at")}, e.village_id,
         NULL::text, NULL::text, NULL::boolean, NULL::text, 0::bigint, t.people::bigint
  FROM trust_event_attendances t JOIN trust_events e ON e.id = t.trust_event_id
  WHERE t.state = 'ATTENDED' AND e.cancelled_at IS NULL AND e.ends_at <= now()
    AND ${SCOPE("e.producer_group_id")}`;
