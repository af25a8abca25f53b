import { calculateSettlements, orderCycleMachine, type FeeRuleTerms } from "@nested/domain";
import { InvalidTransitionError } from "../../graphql/error-result";
import { refuse } from "../../graphql/refusal";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { recordChange } from "../audit/audit.service";
import type { OrderCycle } from "../cycle/order-cycle.entity";
import { FeeRule } from "./fee-rule.entity";
import { SettlementDeduction } from "./settlement-deduction.entity";
import { Settlement } from "./settlement.entity";

/** Settlement states whose figures are still replaced by a recalculation. */
export const RECALCULABLE_STATES = ["DRAFT", "CALCULATED"] as const;

interface LotRow {
  household_id: string;
  quantity_accepted: number | null;
  producer_price_fen: number;
  allocated: number;
}

/**
 * The fee rules of the cycle's producer group valid on its delivery day, in the order their
 * deductions are applied (by kind, then start day, then id).
 */
export function activeFeeRules(ctx: RequestContext, cycle: OrderCycle): Promise<FeeRule[]> {
  return ctx.manager
    .getRepository(FeeRule)
    .createQueryBuilder("r")
    .where("r.producer_group_id = :g", { g: cycle.producerGroupId })
    .andWhere("r.valid_from <= :d AND (r.valid_to IS NULL OR r.valid_to >= :d)", {
      d: cycle.deliveryOn,
    })
    .orderBy("r.kind")
    .addOrderBy("r.valid_from")
    .addOrderBy("r.id")
    .getMany();
}

/**
 * Calculates (or recalculates) the settlement of every household with allocations in the cycle,
 * in the caller's transaction, by `calculateSettlements` in `@nested/domain` (the documented money
 * rule: accepted allocated units × producer price, minus fee-rule deductions capped at gross).
 *
 * - A household without a settlement gets one in CALCULATED with one deduction row per active
 *   fee rule and `calculatedAt` now.
 * - A settlement still DRAFT or CALCULATED has its figures and deductions replaced (and is
 *   removed when its household no longer has allocations); APPROVED or later is never touched.
 * - Corrections (settlements with `correctsSettlementId`) are left alone.
 * - Every change goes to the household's audit log (`settlement.calculate`, `settlement.remove`).
 *
 * Refuses (rolling back) with InvalidTransitionError when a lot with allocations has no quality
 * check yet, naming how many.
 */
export async function calculateCycleSettlements(
  ctx: RequestContext,
  cycle: OrderCycle,
): Promise<Settlement[]> {
  const lots: LotRow[] = await ctx.manager.query(
    `SELECT l.household_id, l.quantity_accepted, f.producer_price_fen,
            (SELECT SUM(a.quantity) FROM allocations a WHERE a.lot_id = l.id)::int AS allocated
     FROM lots l
     JOIN offers f ON f.order_cycle_id = l.order_cycle_id AND f.variant_id = l.variant_id
     WHERE l.order_cycle_id = $1
       AND EXISTS (SELECT 1 FROM allocations a WHERE a.lot_id = l.id)
     ORDER BY l.household_id, l.id`,
    [cycle.id],
  );
  const unchecked = lots.filter((l) => l.quantity_accepted === null).length;
  if (unchecked > 0) {
    const t = translatorFor(ctx.locale);
    refuse(
      new InvalidTransitionError(
        t("settlement.lotsNotChecked", { count: unchecked }),
        cycle.state,
        "SETTLING",
        orderCycleMachine.nextStates(cycle.state).filter((s) => s !== "SETTLING"),
      ),
    );
  }
  const byHousehold = new Map<string, LotRow[]>();
  for (const lot of lots) {
    const list = byHousehold.get(lot.household_id) ?? [];
    list.push(lot);
    byHousehold.set(lot.household_id, list);
  }
  const rules = await activeFeeRules(ctx, cycle);
  const terms: FeeRuleTerms[] = rules.map((r) => ({
    id: r.id,
    kind: r.kind,
    basis: r.basis,
    rateBasisPoints: r.rateBasisPoints,
    perUnitFen: r.perUnitFen,
  }));
  const { households } = calculateSettlements(
    [...byHousehold.entries()].map(([householdId, rows]) => ({
      householdId,
      lots: rows.map((r) => ({
        allocatedUnits: r.allocated,
        acceptedUnits: r.quantity_accepted,
        producerPriceFen: r.producer_price_fen,
      })),
    })),
    terms,
  );
  const settlements = ctx.manager.getRepository(Settlement);
  const deductions = ctx.manager.getRepository(SettlementDeduction);
  const existing = await settlements
    .createQueryBuilder("s")
    .where("s.order_cycle_id = :c AND s.corrects_settlement_id IS NULL", { c: cycle.id })
    .setLock("pessimistic_write")
    .getMany();
  const byHouseholdId = new Map(existing.map((s) => [s.householdId, s]));
  const replaceable = (s: Settlement | undefined) =>
    !s || (RECALCULABLE_STATES as readonly string[]).includes(s.state);
  const now = new Date();
  const saved: Settlement[] = [];
  for (const figures of households) {
    const before = byHouseholdId.get(figures.householdId);
    byHouseholdId.delete(figures.householdId);
    if (!replaceable(before)) continue;
    // by group and settlement: the columns of the deductions' index
    const mine = before && { producerGroupId: cycle.producerGroupId, settlementId: before.id };
    const beforeDeductions = mine ? await deductions.findBy(mine) : [];
    if (mine) await deductions.delete(mine);
    const settlement = await settlements.save({
      ...(before ?? {}),
      producerGroupId: cycle.producerGroupId,
      orderCycleId: cycle.id,
      householdId: figures.householdId,
      state: "CALCULATED" as const,
      grossFen: figures.grossFen,
      deductionsFen: figures.deductionsFen,
      adjustmentsFen: 0,
      netFen: figures.netFen,
      calculatedAt: now,
    });
    const rows = await deductions.save(
      figures.deductions.map((d) => ({
        producerGroupId: cycle.producerGroupId,
        settlementId: settlement.id,
        feeRuleId: d.feeRuleId,
        kind: d.kind as FeeRule["kind"],
        amountFen: d.amountFen,
      })),
    );
    await recordChange(ctx, {
      action: "settlement.calculate",
      entityType: "Household",
      entityId: figures.householdId,
      before: before ? { settlement: before, deductions: beforeDeductions } : null,
      after: { settlement, deductions: rows },
    });
    saved.push(settlement);
  }
  for (const stale of byHouseholdId.values()) {
    if (!replaceable(stale)) continue;
    const mine = { producerGroupId: cycle.producerGroupId, settlementId: stale.id };
    const staleDeductions = await deductions.findBy(mine);
    await deductions.delete(mine);
    await settlements.delete({ id: stale.id });
    await recordChange(ctx, {
      action: "settlement.remove",
      entityType: "Household",
      entityId: stale.householdId,
      before: { settlement: stale, deductions: staleDeductions },
      after: null,
    });
  }
  return saved;
}
