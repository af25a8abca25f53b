/**
 * The fact rows behind each impact metric, as SQL. Every fact query returns the same columns:
 * `subject` (the household — producer or consumer — a row is about, or NULL for rows about none),
 * `item` (what the metric counts distinctly, e.g. an order, or NULL), the dimensions `year`,
 * `month`, `village_id`, `head_sex`, `age_band`, `registered_poor`, `category` (NULL where the
 * metric has no such dimension), and two integer measures `a` and `b`.
 *
 * Parameters shared by all: `$1` the producer groups in scope (uuid[], NULL = all), `$2` and
 * `$3` the poverty-line years and yuan (int[], same length). Periods are calendar years and
 * months in Asia/Shanghai.
 */

/** Year and month of a timestamptz column in Beijing time. */
function period(column: string): string {
  const local = `(${column} AT TIME ZONE 'Asia/Shanghai')`;
  return `extract(year FROM ${local})::int AS year, extract(month FROM ${local})::int AS month`;
}

const SCOPE = (column: string) => `($1::uuid[] IS NULL OR ${column} = ANY($1::uuid[]))`;

/** The producer household's own dimensions, from `households h`. */
const HOUSEHOLD_DIMENSIONS = `h.village_id, h.head_sex, h.head_age_band AS age_band, h.registered_poor`;

/** Member of its producer group on the day `end` (joined on or before, not left by then). */
const memberOn = (end: string) =>
  `h.joined_on IS NOT NULL AND h.joined_on <= ${end} AND (h.left_on IS NULL OR h.left_on > ${end})`;

/** Settlements paid out (PAID or ACKNOWLEDGED), by the day of the payout. */
export const PAID_SETTLEMENTS = `
  SELECT s.household_id AS subject, NULL::uuid AS item,
         extract(year FROM s.paid_on)::int AS year, extract(month FROM s.paid_on)::int AS month,
         ${HOUSEHOLD_DIMENSIONS}, NULL::text AS category, s.net_fen::bigint AS a, 0::bigint AS b
  FROM settlements s JOIN households h ON h.id = s.household_id
  WHERE s.state IN ('PAID', 'ACKNOWLEDGED') AND s.paid_on IS NOT NULL AND ${SCOPE("s.producer_group_id")}`;

/**
 * Producer households members of their group at the end of each year (or month when `byMonth`),
 * from the year they joined to the current one; a = 1.
 */
export function participatingFacts(byMonth: boolean): string {
  const step = byMonth ? "month" : "year";
  return `
  SELECT h.id AS subject, NULL::uuid AS item, extract(year FROM p.start)::int AS year,
         ${byMonth ? "extract(month FROM p.start)::int" : "NULL::int"} AS month,
         ${HOUSEHOLD_DIMENSIONS}, NULL::text AS category, 1::bigint AS a, 0::bigint AS b
  FROM households h
  CROSS JOIN LATERAL (
    SELECT d::date AS start, (d + interval '1 ${step}' - interval '1 day')::date AS finish
    FROM generate_series(date_trunc('${step}', h.joined_on::timestamp),
                         date_trunc('${step}', COALESCE(h.left_on, (now() AT TIME ZONE 'Asia/Shanghai')::date)::timestamp),
                         interval '1 ${step}') AS d
  ) p
  WHERE ${memberOn("p.finish")} AND ${SCOPE("h.producer_group_id")}`;
}

/** Yearly household records of households that were members at the end of that year. */
const MEMBER_YEARS = `household_years hy JOIN households h ON h.id = hy.household_id
  AND ${memberOn("make_date(hy.year, 12, 31)")} AND ${SCOPE("h.producer_group_id")}`;

/** Member households whose status went from REGISTERED or RETURNED last year to EXITED; a = 1. */
export const EXITED_FACTS = `
  SELECT h.id AS subject, NULL::uuid AS item, hy.year, NULL::int AS month,
         ${HOUSEHOLD_DIMENSIONS}, NULL::text AS category, 1::bigint AS a, 0::bigint AS b
  FROM ${MEMBER_YEARS}
  JOIN household_years prev ON prev.household_id = hy.household_id AND prev.year = hy.year - 1
  WHERE hy.poverty_status = 'EXITED' AND prev.poverty_status IN ('REGISTERED', 'RETURNED')`;

/**
 * Member households' yearly per-capita net income against that year's poverty line: a = 1 when
 * at or above the line (not below it), else 0; b = 1. `poorOnly` keeps registered-poor ones.
 */
export function incomeFacts(poorOnly: boolean): string {
  return `
  SELECT h.id AS subject, NULL::uuid AS item, hy.year, NULL::int AS month,
         ${HOUSEHOLD_DIMENSIONS}, NULL::text AS category,
         (hy.per_capita_net_income_yuan >= line.yuan)::int::bigint AS a, 1::bigint AS b
  FROM ${MEMBER_YEARS}
  JOIN unnest($2::int[], $3::int[]) AS line(year, yuan) ON line.year = hy.year
  ${poorOnly ? "WHERE h.registered_poor" : ""}`;
}

/**
 * Paid settlements (a = net fen) and the consumers' money (b = payments minus refunds, fen) of
 * the same groups, by producer group's village; the consumer rows have no household.
 */
export const FARMER_SHARE_FACTS = `${PAID_SETTLEMENTS}
  UNION ALL
  SELECT NULL::uuid, NULL::uuid, ${period("p.paid_at")}, g.village_id, NULL::text, NULL::text,
         NULL::boolean, NULL::text, 0::bigint, p.amount_fen::bigint
  FROM payments p JOIN producer_groups g ON g.id = p.producer_group_id
  WHERE ${SCOPE("p.producer_group_id")}
  UNION ALL
  SELECT NULL::uuid, NULL::uuid, ${period("r.created_at")}, g.village_id, NULL::text, NULL::text,
         NULL::boolean, NULL::text, 0::bigint, -r.amount_fen::bigint
  FROM adjustments r JOIN producer_groups g ON g.id = r.producer_group_id
  WHERE r.kind = 'REFUND' AND ${SCOPE("r.producer_group_id")}`;

/**
 * Units allocated from producers' lots (not rejected) to order lines of orders not cancelled,
 * by the cycle's opening: a = (producer price − reference price) × units, b = reference price ×
 * units, fen. The reference price is the latest one observed for the variant on or before the
 * cycle opened (any market; the lowest market name on a tie); units without one are left out.
 */
export const PREMIUM_FACTS = `
  WITH pairs AS (
    SELECT DISTINCT l.variant_id, l.order_cycle_id, c.opens_at
    FROM lots l JOIN order_cycles c ON c.id = l.order_cycle_id
    WHERE ${SCOPE("l.producer_group_id")}
  ), ref AS (
    SELECT DISTINCT ON (p.variant_id, p.order_cycle_id) p.variant_id, p.order_cycle_id, rp.price_fen
    FROM pairs p JOIN reference_prices rp ON rp.variant_id = p.variant_id
      AND rp.observed_on <= (p.opens_at AT TIME ZONE 'Asia/Shanghai')::date
    ORDER BY p.variant_id, p.order_cycle_id, rp.observed_on DESC, rp.market
  )
  SELECT h.id AS subject, NULL::uuid AS item, ${period("c.opens_at")}, ${HOUSEHOLD_DIMENSIONS},
         pr.category::text AS category,
         ((f.producer_price_fen - ref.price_fen)::bigint * al.quantity) AS a,
         (ref.price_fen::bigint * al.quantity) AS b
  FROM allocations al
  JOIN lots l ON l.id = al.lot_id AND l.state <> 'REJECTED'
  JOIN order_lines ol ON ol.id = al.order_line_id
  JOIN orders o ON o.id = ol.order_id AND o.state <> 'CANCELLED'
  JOIN offers f ON f.id = ol.offer_id
  JOIN order_cycles c ON c.id = l.order_cycle_id
  JOIN households h ON h.id = l.household_id
  JOIN variants v ON v.id = l.variant_id JOIN products pr ON pr.id = v.product_id
  JOIN ref ON ref.variant_id = l.variant_id AND ref.order_cycle_id = l.order_cycle_id
  WHERE ${SCOPE("al.producer_group_id")}`;

/** Lines of orders not cancelled, by order placement: item = the order, a = complaints on it, b = 1. */
export const ORDER_LINE_FACTS = `
  SELECT o.consumer_household_id AS subject, o.id AS item, ${period("o.placed_at")},
         g.village_id, NULL::text AS head_sex, NULL::text AS age_band,
         NULL::boolean AS registered_poor, pr.category::text AS category,
         COALESCE(fb.complaints, 0)::bigint AS a, 1::bigint AS b
  FROM order_lines ol
  JOIN orders o ON o.id = ol.order_id AND o.state <> 'CANCELLED'
  JOIN producer_groups g ON g.id = o.producer_group_id
  JOIN variants v ON v.id = ol.variant_id JOIN products pr ON pr.id = v.product_id
  LEFT JOIN (SELECT order_line_id, count(*) FILTER (WHERE is_complaint) AS complaints
             FROM feedback GROUP BY order_line_id) fb ON fb.order_line_id = ol.id
  WHERE ${SCOPE("o.producer_group_id")}`;

/**
 * Consumer households that ordered (not cancelled) in year Y − 1, one row each for year Y:
 * a = 1 when they ordered again in Y, b = 1.
 */
export const RETENTION_FACTS = `
  WITH active AS (
    SELECT DISTINCT o.consumer_household_id AS subject, g.village_id,
           extract(year FROM (o.placed_at AT TIME ZONE 'Asia/Shanghai'))::int AS year
    FROM orders o JOIN producer_groups g ON g.id = o.producer_group_id
    WHERE o.state <> 'CANCELLED' AND ${SCOPE("o.producer_group_id")})
  SELECT prev.subject, NULL::uuid AS item, prev.year + 1 AS year, NULL::int AS month,
         prev.village_id, NULL::text AS head_sex, NULL::text AS age_band,
         NULL::boolean AS registered_poor, NULL::text AS category,
         (cur.subject IS NOT NULL)::int::bigint AS a, 1::bigint AS b
  FROM active prev
  LEFT JOIN active cur ON cur.subject = prev.subject AND cur.village_id = prev.village_id
    AND cur.year = prev.year + 1`;

/** Quality checks of producers' lots, by day of the check: a = units accepted, b = received. */
export const QUALITY_FACTS = `
  SELECT h.id AS subject, NULL::uuid AS item,
         extract(year FROM q.checked_on)::int AS year, extract(month FROM q.checked_on)::int AS month,
         ${HOUSEHOLD_DIMENSIONS}, pr.category::text AS category,
         q.quantity_accepted::bigint AS a, q.quantity_received::bigint AS b
  FROM quality_checks q JOIN lots l ON l.id = q.lot_id JOIN households h ON h.id = l.household_id
  JOIN variants v ON v.id = l.variant_id JOIN products pr ON pr.id = v.product_id
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
