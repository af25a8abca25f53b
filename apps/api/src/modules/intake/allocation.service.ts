import {
  allocateVariant,
  type AllocationPlan,
  type DemandLine,
  POVERTY_LINE_YEARS,
  povertyLine,
  type SupplyLot,
} from "@nested/domain";
import type { RequestContext } from "../../graphql/request-context";
import { recordChange } from "../audit/audit.service";
import type { OrderCycle } from "../cycle/order-cycle.entity";
import { Allocation } from "./allocation.entity";

/** Poverty statuses that count as registered poor for allocation (on record in that year). */
const POOR_STATUSES = ["REGISTERED", "RETURNED"];

interface LotRow {
  id: string;
  household_id: string;
  variant_id: string;
  quantity_declared: number;
  registered_poor: boolean;
  year: number | null;
  poverty_status: string | null;
  income: number | null;
}

interface LineRow {
  id: string;
  order_id: string;
  variant_id: string;
  quantity: number;
  placed_at: Date;
}

/** The year an order cycle belongs to: the year of its delivery day. */
export function cycleYear(cycle: Pick<OrderCycle, "deliveryOn">): number {
  return Number(cycle.deliveryOn.slice(0, 4));
}

/**
 * The cycle's sequence number within its producer group: how many of the group's cycles that
 * were not cancelled open before it (by `opensAt`, then id). Consecutive cycles get consecutive
 * numbers, which turns the allocation's rotation one place per cycle.
 */
export async function cycleSequence(ctx: RequestContext, cycle: OrderCycle): Promise<number> {
  const [row] = (await ctx.manager.query(
    `SELECT count(*)::int AS n FROM order_cycles
      WHERE producer_group_id = $1 AND state <> 'CANCELLED' AND (opens_at, id) < ($2, $3)`,
    [cycle.producerGroupId, cycle.opensAt, cycle.id],
  )) as [{ n: number }];
  return row.n;
}

/**
 * The poverty line an income of `year` is compared with: that year's line, or the nearest year
 * the reference covers (2010 for earlier incomes, the last published year for later ones), since
 * no line is published after the end of the poverty-alleviation campaign.
 */
export function allocationPovertyLine(year: number): number {
  const first = POVERTY_LINE_YEARS[0]!;
  const last = POVERTY_LINE_YEARS[POVERTY_LINE_YEARS.length - 1]!;
  return povertyLine(Math.min(Math.max(year, first), last)).yuanPerPersonPerYear;
}

function supplyLot(row: LotRow): SupplyLot {
  const hasYear = row.year !== null;
  return {
    lotId: row.id,
    householdId: row.household_id,
    quantityDeclared: row.quantity_declared,
    // The yearly status when there is one on record, else the flag from registration.
    registeredPoor: hasYear ? POOR_STATUSES.includes(row.poverty_status!) : row.registered_poor,
    perCapitaNetIncomeYuan: hasYear ? row.income : null,
    povertyLineYuan: hasYear ? allocationPovertyLine(row.year!) : null,
  };
}

/**
 * The ALLOCATED effect of an order cycle (run by the cycle transition, in its transaction): for
 * each offer of the cycle, the LOCKED orders' lines of that variant are allocated to the
 * households' DECLARED lots by the pro-poor rule of `allocateVariant` (@nested/domain; income:
 * the household's per-capita net income of the latest year ≤ the cycle's year, see
 * {@link cycleYear}, against {@link allocationPovertyLine}; rotation by {@link cycleSequence}).
 *
 * Writes: one `allocations` row per (lot, order line) with the lot's rank and the reason text;
 * lots given units get `quantityAllocated` and state ALLOCATED (the others stay DECLARED); every
 * line of the LOCKED orders gets `quantityAccepted` = units allocated (provisional until the
 * quality check; 0 when nothing was found); the orders move LOCKED → ALLOCATED; one audit entry
 * `cycle.allocate` lists each lot's rank and units. Deterministic: the same rows give the same
 * allocation.
 */
export async function allocateOrderCycle(ctx: RequestContext, cycle: OrderCycle): Promise<void> {
  const year = cycleYear(cycle);
  const sequence = await cycleSequence(ctx, cycle);
  const lots = (await ctx.manager.query(
    `SELECT l.id, l.household_id, l.variant_id, l.quantity_declared, h.registered_poor,
            y.year, y.poverty_status, y.per_capita_net_income_yuan AS income
       FROM lots l
       JOIN households h ON h.id = l.household_id
       LEFT JOIN LATERAL (
         SELECT hy.year, hy.poverty_status, hy.per_capita_net_income_yuan FROM household_years hy
          WHERE hy.household_id = l.household_id AND hy.year <= $2
          ORDER BY hy.year DESC LIMIT 1) y ON true
      WHERE l.order_cycle_id = $1 AND l.state = 'DECLARED'
      ORDER BY l.id
        FOR UPDATE OF l`,
    [cycle.id, year],
  )) as LotRow[];
  const lines = (await ctx.manager.query(
    `SELECT l.id, l.order_id, l.variant_id, l.quantity, o.placed_at
       FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE o.order_cycle_id = $1 AND o.state = 'LOCKED'
      ORDER BY l.id
        FOR UPDATE OF o, l`,
    [cycle.id],
  )) as LineRow[];
  const offers = (await ctx.manager.query(
    "SELECT variant_id FROM offers WHERE order_cycle_id = $1 ORDER BY variant_id",
    [cycle.id],
  )) as { variant_id: string }[];

  const plans: AllocationPlan[] = offers.map(({ variant_id: variantId }) =>
    allocateVariant({
      lots: lots.filter((lot) => lot.variant_id === variantId).map(supplyLot),
      lines: lines
        .filter((line) => line.variant_id === variantId)
        .map((line): DemandLine => ({
          orderLineId: line.id,
          orderId: line.order_id,
          placedAtMs: new Date(line.placed_at).getTime(),
          quantity: line.quantity,
        })),
      cycleSequence: sequence,
    }),
  );
  await writePlans(ctx, cycle, plans, lines);
}

async function writePlans(
  ctx: RequestContext,
  cycle: OrderCycle,
  plans: AllocationPlan[],
  lines: LineRow[],
): Promise<void> {
  const allocations = plans.flatMap((plan) => plan.allocations);
  if (allocations.length > 0) {
    await ctx.manager.getRepository(Allocation).insert(
      allocations.map((a) => ({
        producerGroupId: cycle.producerGroupId,
        orderLineId: a.orderLineId,
        lotId: a.lotId,
        quantity: a.quantity,
        rank: a.rank,
        reason: a.reasonText,
      })),
    );
  }
  const given = plans.flatMap((plan) => plan.rankings).filter((r) => r.quantityAllocated > 0);
  await ctx.manager.query(
    `UPDATE lots l SET quantity_allocated = v.q, state = 'ALLOCATED', updated_at = now()
       FROM unnest($1::uuid[], $2::int[]) AS v(id, q) WHERE l.id = v.id`,
    [given.map((r) => r.lotId), given.map((r) => r.quantityAllocated)],
  );
  const units = new Map(plans.flatMap((plan) => [...plan.allocatedByLine]));
  await ctx.manager.query(
    `UPDATE order_lines l SET quantity_accepted = v.q
       FROM unnest($1::uuid[], $2::int[]) AS v(id, q) WHERE l.id = v.id`,
    [lines.map((line) => line.id), lines.map((line) => units.get(line.id) ?? 0)],
  );
  await ctx.manager.query(
    `UPDATE orders SET state = 'ALLOCATED', updated_at = now()
      WHERE order_cycle_id = $1 AND state = 'LOCKED'`,
    [cycle.id],
  );
  await recordChange(ctx, {
    action: "cycle.allocate",
    entityType: "OrderCycle",
    entityId: cycle.id,
    before: null,
    after: {
      lots: plans.flatMap((plan) =>
        plan.rankings.map((r) => ({ lotId: r.lotId, rank: r.rank, units: r.quantityAllocated })),
      ),
    },
  });
}
