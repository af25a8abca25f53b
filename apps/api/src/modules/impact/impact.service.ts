import { ratioInBasisPoints } from "@nested/domain";
import type { RequestContext } from "../../graphql/request-context";
import { ImpactSummaryType } from "./impact.types";

/** Public figures drawn from fewer households than this are suppressed (DESIGN.md: k = 5). */
export const PUBLIC_SUPPRESSION_K = 5;

/** Lot states of produce that reached the market: allocated to orders, received, accepted or sold. */
export const REACHED_LOT_STATES = [
  "ALLOCATED",
  "RECEIVED",
  "ACCEPTED",
  "PARTIAL",
  "PACKED",
  "SOLD",
];

/** Settlement states in which the payout was made. */
export const PAID_SETTLEMENT_STATES = ["PAID", "ACKNOWLEDGED"];

interface ImpactRow {
  year: number;
  households_reached: number;
  households_paid: number;
  paid_to_households: string;
  paid_by_consumers: string;
}

function toFen(sum: string, what: string): number {
  const value = Number(sum);
  if (!Number.isSafeInteger(value)) throw new Error(`${what} is beyond a safe integer: ${sum}`);
  return value;
}

/**
 * The public impact summary of `year` (default: the current year in Asia/Shanghai by the
 * database clock), over all producer groups, in one query:
 * - households reached: distinct households with a lot in {@link REACHED_LOT_STATES} in a cycle
 *   whose ordering window opened that year (Asia/Shanghai);
 * - total paid to households: Σ `net_fen` of settlements in {@link PAID_SETTLEMENT_STATES}
 *   whose `paid_on` falls in the year (a correcting settlement counts as its own row);
 * - paid by consumers: Σ `amount_fen` of payments whose `paid_at` falls in the year;
 * - farmer share: paid to households / paid by consumers, in basis points.
 * Household counts and the money paid to households are null when drawn from fewer than
 * {@link PUBLIC_SUPPRESSION_K} households; the share is null with them.
 */
export async function impactSummary(
  ctx: RequestContext,
  year?: number | null,
): Promise<ImpactSummaryType> {
  const [row]: ImpactRow[] = await ctx.manager.query(
    `WITH y AS (
       SELECT COALESCE($1::int, extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int) AS year
     ),
     reached AS (
       SELECT count(DISTINCT l.household_id)::int AS n
       FROM lots l JOIN order_cycles c ON c.id = l.order_cycle_id, y
       WHERE l.state = ANY($2::text[])
         AND extract(year FROM c.opens_at AT TIME ZONE 'Asia/Shanghai')::int = y.year
     ),
     paid AS (
       SELECT count(DISTINCT s.household_id)::int AS n, COALESCE(sum(s.net_fen), 0)::text AS fen
       FROM settlements s, y
       WHERE s.state = ANY($3::text[]) AND extract(year FROM s.paid_on)::int = y.year
     ),
     consumers AS (
       SELECT COALESCE(sum(p.amount_fen), 0)::text AS fen
       FROM payments p, y
       WHERE extract(year FROM p.paid_at AT TIME ZONE 'Asia/Shanghai')::int = y.year
     )
     SELECT y.year, reached.n AS households_reached, paid.n AS households_paid,
            paid.fen AS paid_to_households, consumers.fen AS paid_by_consumers
     FROM y, reached, paid, consumers`,
    [year ?? null, REACHED_LOT_STATES, PAID_SETTLEMENT_STATES],
  );
  const r = row!;
  const paidToHouseholds = toFen(r.paid_to_households, "Total paid to households");
  const paidByConsumers = toFen(r.paid_by_consumers, "Total paid by consumers");
  const paidShown = r.households_paid >= PUBLIC_SUPPRESSION_K;
  return Object.assign(new ImpactSummaryType(), {
    year: r.year,
    suppressionThreshold: PUBLIC_SUPPRESSION_K,
    householdsReached: r.households_reached >= PUBLIC_SUPPRESSION_K ? r.households_reached : null,
    totalPaidToHouseholds: paidShown ? paidToHouseholds : null,
    paidByConsumers,
    farmerShareBasisPoints:
      paidShown && paidByConsumers > 0
        ? ratioInBasisPoints(paidToHouseholds, paidByConsumers)
        : null,
  });
}
