import { multiplyFen, sumFen } from "../money/fen.js";

/** A change to what a consumer owes: REFUND and CREDIT lower it, CHARGE raises it (fen > 0). */
export interface DueAdjustment {
  kind: "REFUND" | "CREDIT" | "CHARGE";
  amountFen: number;
}

/**
 * What a consumer household owes for one order, in fen: Σ line totals − Σ REFUND − Σ CREDIT +
 * Σ CHARGE. A cancelled order owes nothing: what was paid for it is refunded in full. A no-show
 * order owes its amount like a collected one (the goods were packed and the household paid;
 * no-shows are not refunded).
 */
export function orderAmountDueFen(order: {
  cancelled: boolean;
  lineTotalsFen: readonly number[];
  adjustments: readonly DueAdjustment[];
}): number {
  if (order.cancelled) return 0;
  const signed = order.adjustments.map((a) => (a.kind === "CHARGE" ? a.amountFen : -a.amountFen));
  return sumFen([...order.lineTotalsFen, ...signed]);
}

/** One order line's delivered units and prices (consumer unit price snapshot, offer's producer price). */
export interface DeliveredLine {
  acceptedUnits: number;
  unitPriceFen: number;
  producerPriceFen: number;
}

/**
 * The market's margin — the producer group's share of what consumers paid for delivered goods:
 * Σ accepted units × (consumer unit price − producer price), in fen.
 */
export function marketMarginFen(lines: readonly DeliveredLine[]): number {
  return sumFen(
    lines.map((l) => multiplyFen(l.unitPriceFen - l.producerPriceFen, l.acceptedUnits)),
  );
}

/** Delivered revenue: Σ accepted units × consumer unit price, in fen. */
export function deliveredRevenueFen(lines: readonly DeliveredLine[]): number {
  return sumFen(lines.map((l) => multiplyFen(l.unitPriceFen, l.acceptedUnits)));
}

/** The recorded figures of one cycle, each taken from its own rows. */
export interface ReconciliationInput {
  /** Per order: Σ its payments and what it owes ({@link orderAmountDueFen}). */
  orders: readonly { paidFen: number; dueFen: number }[];
  /** Net of each original (non-correction) settlement of the cycle. */
  settlementNetsFen: readonly number[];
  /** Every settlement deduction of those settlements. */
  deductionsFen: readonly number[];
  /** {@link marketMarginFen} of the cycle's order lines. */
  marketMarginFen: number;
}

/** The reconciliation of one cycle, all in fen. */
export interface Reconciliation {
  /** Σ consumer payments received. */
  paymentsFen: number;
  /** Σ settlement nets (what households are paid). */
  payoutsFen: number;
  /** Σ fee-rule deductions. */
  deductionsFen: number;
  /** Consumer price − producer price on accepted units. */
  marketMarginFen: number;
  /** `deductionsFen + marketMarginFen`. */
  feesFen: number;
  /** Per order max(0, paid − due): money owed back or given back to consumers. */
  refundsFen: number;
  /** Per order max(0, due − paid): money consumers still owe. */
  balancesDueFen: number;
  /** `paymentsFen − (payoutsFen + feesFen + refundsFen − balancesDueFen)`; 0 when the books agree. */
  differenceFen: number;
}

/**
 * The reconciliation identity of a cycle: consumer payments received = payouts + fees + refunds
 * − balances still due. It holds exactly when every delivered unit was settled to its household
 * (Σ gross + margin = delivered revenue) and every shortfall was adjusted on the order (Σ due =
 * delivered revenue); a non-zero `differenceFen` points at a missing refund, allocation or
 * settlement.
 */
export function reconcile(input: ReconciliationInput): Reconciliation {
  const paymentsFen = sumFen(input.orders.map((o) => o.paidFen));
  const refundsFen = sumFen(input.orders.map((o) => Math.max(0, o.paidFen - o.dueFen)));
  const balancesDueFen = sumFen(input.orders.map((o) => Math.max(0, o.dueFen - o.paidFen)));
  const payoutsFen = sumFen(input.settlementNetsFen);
  const deductionsFen = sumFen(input.deductionsFen);
  const feesFen = deductionsFen + input.marketMarginFen;
  return {
    paymentsFen,
    payoutsFen,
    deductionsFen,
    marketMarginFen: input.marketMarginFen,
    feesFen,
    refundsFen,
    balancesDueFen,
    differenceFen: paymentsFen - (payoutsFen + feesFen + refundsFen - balancesDueFen),
  };
}
