import {
  deliveredRevenueFen,
  marketMarginFen,
  reconcile,
  type Reconciliation,
} from "@nested/domain";
import type { RequestContext } from "../../graphql/request-context";
import { cycleOrderDues } from "../order/order-dues";

/** {@link Reconciliation} with the figures that explain it, all in fen. */
export interface CycleReconciliation extends Reconciliation {
  orderCycleId: string;
  /** Σ accepted units × consumer unit price over the cycle's order lines (not cancelled). */
  deliveredRevenueFen: number;
  /** Σ gross of the cycle's settlements (corrections excluded). */
  grossFen: number;
  /**
   * Σ corrections booked in this cycle for earlier cycles' settlements. They are paid from the
   * group's own funds, not from this cycle's consumer payments, so they are outside the identity.
   */
  correctionsFen: number;
}

/**
 * Reconciles one order cycle (`reconcile` in `@nested/domain`): consumer payments received =
 * payouts (Σ net of its settlements) + fees (Σ fee-rule deductions + market margin) + refunds
 * (per order max(0, paid − due)) − balances still due (per order max(0, due − paid)).
 *
 * Every term is read from its own rows — payments and adjustments (orders' due and paid),
 * order lines with their offers' producer prices (margin), settlements (payouts), settlement
 * deductions (fees) — never derived from another term, so a missing refund, allocation or
 * settlement shows as a non-zero `differenceFen`. Cancelled orders owe nothing (everything paid
 * is refunded); no-show orders owe their amount (not refunded). The caller must have checked
 * that it may see the cycle.
 */
export async function reconcileCycle(
  ctx: RequestContext,
  orderCycleId: string,
): Promise<CycleReconciliation> {
  const orders = await cycleOrderDues(ctx, orderCycleId);
  const settlements: { net_fen: number; gross_fen: number; correction: boolean }[] =
    await ctx.manager.query(
      `SELECT net_fen, gross_fen, corrects_settlement_id IS NOT NULL AS correction
       FROM settlements WHERE order_cycle_id = $1`,
      [orderCycleId],
    );
  const deductions: { amount_fen: number }[] = await ctx.manager.query(
    `SELECT d.amount_fen FROM settlement_deductions d
     JOIN settlements s ON s.id = d.settlement_id AND s.producer_group_id = d.producer_group_id
     WHERE s.order_cycle_id = $1 AND s.corrects_settlement_id IS NULL`,
    [orderCycleId],
  );
  const lines: { accepted: number; unit_price_fen: number; producer_price_fen: number }[] =
    await ctx.manager.query(
      `SELECT COALESCE(l.quantity_accepted, 0) AS accepted, l.unit_price_fen, f.producer_price_fen
       FROM order_lines l
       JOIN orders o ON o.id = l.order_id
       JOIN offers f ON f.id = l.offer_id
       WHERE o.order_cycle_id = $1 AND o.state <> 'CANCELLED'`,
      [orderCycleId],
    );
  const delivered = lines.map((l) => ({
    acceptedUnits: l.accepted,
    unitPriceFen: l.unit_price_fen,
    producerPriceFen: l.producer_price_fen,
  }));
  const originals = settlements.filter((s) => !s.correction);
  const result = reconcile({
    orders,
    settlementNetsFen: originals.map((s) => s.net_fen),
    deductionsFen: deductions.map((d) => d.amount_fen),
    marketMarginFen: marketMarginFen(delivered),
  });
  return {
    ...result,
    orderCycleId,
    deliveredRevenueFen: deliveredRevenueFen(delivered),
    grossFen: originals.reduce((sum, s) => sum + s.gross_fen, 0),
    correctionsFen: settlements.filter((s) => s.correction).reduce((sum, s) => sum + s.net_fen, 0),
  };
}
