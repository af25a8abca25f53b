import type { OrderCycleState, SettlementState } from "@nested/domain";
import type { RequestContext } from "../../graphql/request-context";
import { findHousehold } from "../household/household.service";
import { findManagedCycle } from "./cycle-scope";
import type { CycleVariantOverviewType, HouseholdCycleHistoryType } from "./cycle-report.types";

interface OverviewRow {
  variant_id: string;
  product_name_zh: string;
  product_name_en: string;
  variant_name_zh: string;
  variant_name_en: string;
  unit: CycleVariantOverviewType["unit"];
  declared: number;
  offered: number;
  ordered: number;
  allocated: number;
  accepted: number;
}

/**
 * Every variant of a cycle the caller manages that was declared, offered, ordered or put in a
 * lot, with its units at each step: declared (Σ declarations), offered (the offer's
 * `quantityTotal`), ordered (Σ lines of orders not CANCELLED), allocated (Σ allocations from the
 * cycle's lots), accepted (Σ lots' `quantityAccepted`). By product and variant name, then id.
 * One statement (each step aggregated once per variant, so joins cannot multiply rows); an
 * unknown cycle or another group's has no rows.
 */
export async function cycleOverview(
  ctx: RequestContext,
  orderCycleId: string,
): Promise<CycleVariantOverviewType[]> {
  const cycle = await findManagedCycle(ctx, orderCycleId);
  if (!cycle) return [];
  const rows: OverviewRow[] = await ctx.manager.query(
    `WITH declared AS (
       SELECT variant_id, sum(quantity) AS units FROM supply_declarations
        WHERE producer_group_id = $1 AND order_cycle_id = $2 GROUP BY variant_id),
     offered AS (
       SELECT variant_id, quantity_total AS units FROM offers
        WHERE producer_group_id = $1 AND order_cycle_id = $2),
     ordered AS (
       SELECT l.variant_id, sum(l.quantity) AS units
         FROM order_lines l JOIN orders o ON o.id = l.order_id
        WHERE o.producer_group_id = $1 AND o.order_cycle_id = $2 AND o.state <> 'CANCELLED'
        GROUP BY l.variant_id),
     allocated AS (
       SELECT lt.variant_id, sum(a.quantity) AS units
         FROM allocations a JOIN lots lt ON lt.id = a.lot_id
        WHERE lt.producer_group_id = $1 AND lt.order_cycle_id = $2
        GROUP BY lt.variant_id),
     accepted AS (
       SELECT variant_id, sum(quantity_accepted) AS units FROM lots
        WHERE producer_group_id = $1 AND order_cycle_id = $2 GROUP BY variant_id),
     variant_ids AS (
       SELECT variant_id FROM declared UNION SELECT variant_id FROM offered
       UNION SELECT variant_id FROM ordered UNION SELECT variant_id FROM accepted)
     SELECT v.id AS variant_id, v.unit, p.name_zh AS product_name_zh, p.name_en AS product_name_en,
            v.name_zh AS variant_name_zh, v.name_en AS variant_name_en,
            COALESCE(d.units, 0)::int AS declared, COALESCE(f.units, 0)::int AS offered,
            COALESCE(r.units, 0)::int AS ordered, COALESCE(a.units, 0)::int AS allocated,
            COALESCE(c.units, 0)::int AS accepted
       FROM variant_ids ids
       JOIN variants v ON v.id = ids.variant_id
       JOIN products p ON p.id = v.product_id
       LEFT JOIN declared d ON d.variant_id = v.id
       LEFT JOIN offered f ON f.variant_id = v.id
       LEFT JOIN ordered r ON r.variant_id = v.id
       LEFT JOIN allocated a ON a.variant_id = v.id
       LEFT JOIN accepted c ON c.variant_id = v.id
      ORDER BY p.name_zh, v.name_zh, v.id`,
    [cycle.producerGroupId, cycle.id],
  );
  return rows.map((r) => ({
    variantId: r.variant_id,
    productNameZh: r.product_name_zh,
    productNameEn: r.product_name_en,
    variantNameZh: r.variant_name_zh,
    variantNameEn: r.variant_name_en,
    unit: r.unit,
    declared: r.declared,
    offered: r.offered,
    ordered: r.ordered,
    allocated: r.allocated,
    accepted: r.accepted,
  }));
}

interface HistoryRow {
  order_cycle_id: string;
  code: string;
  state: OrderCycleState;
  delivery_on: string;
  declared_units: number;
  allocated_units: number;
  accepted_units: number;
  sales_fen: string;
  payout_fen: string | null;
  settlement_state: SettlementState | null;
  corrections: number;
}

/**
 * Per cycle a household of the caller's scope took part in (declared, had a lot or a
 * settlement), newest first (by opening, then id): units declared, allocated (Σ allocations from
 * its lots) and accepted (Σ lots' `quantityAccepted`); sales in fen = Σ over its lots of
 * min(accepted, allocated) × the cycle's producer price of the variant; payout in fen = the
 * settlement's `netFen` plus those of its corrections (null when not settled yet), the first
 * settlement's state and the number of corrections. One statement; none for a household out of
 * scope or unknown.
 */
export async function householdHistory(
  ctx: RequestContext,
  householdId: string,
): Promise<HouseholdCycleHistoryType[]> {
  const household = await findHousehold(ctx, householdId);
  if (!household) return [];
  const rows: HistoryRow[] = await ctx.manager.query(
    `WITH declared AS (
       SELECT order_cycle_id, sum(quantity) AS units FROM supply_declarations
        WHERE household_id = $1 GROUP BY order_cycle_id),
     lot_sales AS (
       SELECT lt.order_cycle_id, lt.quantity_accepted, COALESCE(al.units, 0) AS allocated,
              COALESCE(o.producer_price_fen, 0) AS producer_price_fen
         FROM lots lt
         LEFT JOIN LATERAL (SELECT sum(a.quantity) AS units FROM allocations a
                             WHERE a.lot_id = lt.id) al ON true
         LEFT JOIN offers o ON o.order_cycle_id = lt.order_cycle_id AND o.variant_id = lt.variant_id
        WHERE lt.household_id = $1),
     sold AS (
       SELECT order_cycle_id, sum(allocated) AS allocated, sum(quantity_accepted) AS accepted,
              sum(LEAST(COALESCE(quantity_accepted, 0), allocated)::bigint * producer_price_fen) AS sales
         FROM lot_sales GROUP BY order_cycle_id),
     settled AS (
       SELECT order_cycle_id, sum(net_fen::bigint) AS payout,
              max(state) FILTER (WHERE corrects_settlement_id IS NULL) AS state,
              count(*) FILTER (WHERE corrects_settlement_id IS NOT NULL)::int AS corrections
         FROM settlements WHERE household_id = $1 GROUP BY order_cycle_id),
     cycle_ids AS (
       SELECT order_cycle_id FROM declared UNION SELECT order_cycle_id FROM sold
       UNION SELECT order_cycle_id FROM settled)
     SELECT c.id AS order_cycle_id, c.code, c.state, to_char(c.delivery_on, 'YYYY-MM-DD') AS delivery_on,
            COALESCE(d.units, 0)::int AS declared_units,
            COALESCE(s.allocated, 0)::int AS allocated_units,
            COALESCE(s.accepted, 0)::int AS accepted_units,
            COALESCE(s.sales, 0) AS sales_fen,
            st.payout AS payout_fen, st.state AS settlement_state,
            COALESCE(st.corrections, 0) AS corrections
       FROM cycle_ids ids
       JOIN order_cycles c ON c.id = ids.order_cycle_id
       LEFT JOIN declared d ON d.order_cycle_id = c.id
       LEFT JOIN sold s ON s.order_cycle_id = c.id
       LEFT JOIN settled st ON st.order_cycle_id = c.id
      ORDER BY c.opens_at DESC, c.id`,
    [household.id],
  );
  return rows.map((r) => ({
    orderCycleId: r.order_cycle_id,
    code: r.code,
    state: r.state,
    deliveryOn: r.delivery_on,
    declaredUnits: r.declared_units,
    allocatedUnits: r.allocated_units,
    acceptedUnits: r.accepted_units,
    salesFen: Number(r.sales_fen),
    payoutFen: r.payout_fen === null ? null : Number(r.payout_fen),
    settlementState: r.settlement_state,
    corrections: r.corrections,
  }));
}
