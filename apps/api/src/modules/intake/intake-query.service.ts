import type { LotState } from "@nested/domain";
import type { Page } from "../../graphql/pagination";
import type { RejectionReason } from "./quality-check.entity";
import type { RequestContext } from "../../graphql/request-context";
import { findHousehold } from "../household/household.service";

/** One lot as the intake screen shows it. Quantities in whole units of the variant. */
export interface IntakeLot {
  id: string;
  householdId: string;
  householdCode: string;
  villageNameZh: string;
  villageNameEn: string;
  variantId: string;
  productNameZh: string;
  productNameEn: string;
  variantNameZh: string;
  variantNameEn: string;
  state: LotState;
  quantityDeclared: number;
  quantityAllocated: number;
  quantityReceived: number | null;
  quantityAccepted: number | null;
  /** Complaints about this household's produce, in all cycles (see {@link householdComplaints}). */
  householdComplaints: number;
  /** The reason recorded by the lot's quality check; null before it or when all was accepted. */
  rejectionReason: RejectionReason | null;
  /** Σ REFUND adjustments written for the shortfall by the lot's quality check, in fen (0 before). */
  refundedFen: number;
}

function groupsOf(ctx: RequestContext): string[] | null {
  if (ctx.principal.kind === "anonymous") return [];
  return ctx.principal.role === "ADMIN" ? null : [...ctx.principal.producerGroupIds];
}

/**
 * The lots of one cycle for the intake screen, optionally of one state, by household code,
 * product and variant name (lot id last), each with its quality check's reason and the refunds
 * that check wrote (a lot is checked at most once), limited to the caller's producer groups (ADMIN: all).
 * An unknown cycle or one of another group gives an empty page.
 */
export async function listLots(
  ctx: RequestContext,
  query: { orderCycleId: string; state?: LotState | null; skip: number; take: number },
): Promise<Page<IntakeLot>> {
  const params = [query.orderCycleId, query.state ?? null, groupsOf(ctx), query.take, query.skip];
  const where = `l.order_cycle_id::text = $1 AND ($2::text IS NULL OR l.state = $2)
                 AND ($3::uuid[] IS NULL OR l.producer_group_id = ANY($3::uuid[]))`;
  const rows = (await ctx.manager.query(
    `SELECT l.id, l.household_id AS "householdId", h.code AS "householdCode",
            vi.name_zh AS "villageNameZh", vi.name_en AS "villageNameEn",
            l.variant_id AS "variantId", p.name_zh AS "productNameZh", p.name_en AS "productNameEn",
            v.name_zh AS "variantNameZh", v.name_en AS "variantNameEn", l.state,
            l.quantity_declared AS "quantityDeclared", l.quantity_allocated AS "quantityAllocated",
            l.quantity_received AS "quantityReceived", l.quantity_accepted AS "quantityAccepted",
            (SELECT count(DISTINCT f.id)::int FROM feedback f
               JOIN allocations a ON a.order_line_id = f.order_line_id
               JOIN lots hl ON hl.id = a.lot_id
              WHERE f.is_complaint AND hl.household_id = l.household_id) AS "householdComplaints",
            (SELECT q.reason FROM quality_checks q WHERE q.lot_id = l.id
              ORDER BY q.checked_on DESC, q.id LIMIT 1) AS "rejectionReason",
            (SELECT coalesce(sum(ad.amount_fen), 0)::int FROM adjustments ad
               JOIN quality_checks q ON q.id = ad.quality_check_id
              WHERE q.lot_id = l.id AND ad.kind = 'REFUND') AS "refundedFen",
            count(*) OVER ()::int AS total
       FROM lots l
       JOIN households h ON h.id = l.household_id
       JOIN villages vi ON vi.id = h.village_id
       JOIN variants v ON v.id = l.variant_id
       JOIN products p ON p.id = v.product_id
      WHERE ${where}
      ORDER BY h.code, p.name_zh, v.name_zh, l.id
      LIMIT $4 OFFSET $5`,
    params,
  )) as (IntakeLot & { total: number })[];
  const totalItems =
    rows[0]?.total ??
    (
      (await ctx.manager.query(
        `SELECT count(*)::int AS n FROM lots l WHERE ${where}`,
        params.slice(0, 3),
      )) as [{ n: number }]
    )[0].n;
  return { items: rows.map(({ total: _total, ...lot }) => lot), totalItems };
}

/** One complaint about a household's produce: the feedback and the lot that served the line. */
export interface HouseholdComplaint {
  feedbackId: string;
  orderLineId: string;
  lotId: string;
  orderCycleCode: string;
  productNameZh: string;
  productNameEn: string;
  rating: number;
  category: string;
  comment: string | null;
  createdAt: Date;
}

/**
 * The complaints (feedback with `isComplaint`) on order lines that were served from the
 * household's lots — a line served by several lots counts for each of their households —
 * newest first. Null when the household is unknown or outside the caller's groups.
 */
export async function householdComplaints(
  ctx: RequestContext,
  householdId: string,
): Promise<{
  householdId: string;
  householdCode: string;
  complaints: HouseholdComplaint[];
} | null> {
  const household = await findHousehold(ctx, householdId);
  if (!household) return null;
  const complaints = (await ctx.manager.query(
    `SELECT f.id AS "feedbackId", f.order_line_id AS "orderLineId", l.id AS "lotId",
            c.code AS "orderCycleCode", ol.product_name_zh AS "productNameZh",
            ol.product_name_en AS "productNameEn", f.rating, f.category, f.comment,
            f.created_at AS "createdAt"
       FROM feedback f
       JOIN allocations a ON a.order_line_id = f.order_line_id
       JOIN lots l ON l.id = a.lot_id
       JOIN order_cycles c ON c.id = l.order_cycle_id
       JOIN order_lines ol ON ol.id = f.order_line_id
      WHERE f.is_complaint AND l.household_id = $1
      ORDER BY f.created_at DESC, f.id DESC, l.id`,
    [household.id],
  )) as HouseholdComplaint[];
  return { householdId: household.id, householdCode: household.code, complaints };
}
