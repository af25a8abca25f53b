import { type AllocationReason, parseAllocationReason } from "@nested/domain";
import type { RequestContext } from "../../graphql/request-context";
import { findManagedCycle } from "../cycle/cycle-scope";
import type { SaleUnit } from "../catalog/variant.entity";

/** One lot of a cycle with what allocation gave it; units of the variant. */
export interface LotAllocation {
  lotId: string;
  householdId: string;
  householdCode: string;
  variantId: string;
  productNameZh: string;
  productNameEn: string;
  variantNameZh: string;
  variantNameEn: string;
  unit: SaleUnit;
  quantityDeclared: number;
  quantityAllocated: number;
  orderLines: number;
  /** 1 = served first within the variant; null when the lot was given nothing. */
  rank: number | null;
  /** Parsed from `Allocation.reason` (every allocation of a lot stores the same); null if none. */
  reason: AllocationReason | null;
}

interface Row extends Omit<LotAllocation, "reason"> {
  reasonText: string | null;
}

/**
 * Every lot of a cycle the caller manages (ADMIN: any), with the units allocated from it, the
 * order lines served, and its rank and reason (`parseAllocationReason` of the stored text). By
 * product and variant name, then rank (lots given nothing last), household code. An unknown cycle
 * or another group's has no rows; before CLOSED there are no lots.
 */
export async function cycleAllocation(
  ctx: RequestContext,
  orderCycleId: string,
): Promise<LotAllocation[]> {
  const cycle = await findManagedCycle(ctx, orderCycleId);
  if (!cycle) return [];
  const rows = (await ctx.manager.query(
    `SELECT l.id AS "lotId", l.household_id AS "householdId", h.code AS "householdCode",
            l.variant_id AS "variantId", v.unit, p.name_zh AS "productNameZh",
            p.name_en AS "productNameEn", v.name_zh AS "variantNameZh", v.name_en AS "variantNameEn",
            l.quantity_declared AS "quantityDeclared",
            COALESCE(a.units, 0)::int AS "quantityAllocated", COALESCE(a.lines, 0)::int AS "orderLines",
            a.rank, a.reason AS "reasonText"
       FROM lots l
       JOIN households h ON h.id = l.household_id
       JOIN variants v ON v.id = l.variant_id
       JOIN products p ON p.id = v.product_id
       LEFT JOIN LATERAL (
         SELECT sum(quantity) AS units, count(*) AS lines, min(rank) AS rank, min(reason) AS reason
           FROM allocations WHERE lot_id = l.id) a ON true
      WHERE l.producer_group_id = $1 AND l.order_cycle_id = $2
      ORDER BY p.name_zh, v.name_zh, a.rank NULLS LAST, h.code, l.id`,
    [cycle.producerGroupId, cycle.id],
  )) as Row[];
  return rows.map(({ reasonText, ...row }) => ({
    ...row,
    reason: reasonText === null ? null : (parseAllocationReason(reasonText)?.reason ?? null),
  }));
}
