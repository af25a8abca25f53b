import { orderAmountDueFen, sumFen } from "@nested/domain";
import type { Adjustment } from "./adjustment.entity";
import type { Payment } from "./payment.entity";

/** What an order comes to once adjustments and payments are counted; all in fen. */
export interface OrderMoney {
  /** Σ payments received. */
  paidFen: number;
  /** Σ REFUND adjustments (money back to the consumer). */
  refundsFen: number;
  /**
   * What the order owes (`orderAmountDueFen` in `@nested/domain`: totalFen + Σ CHARGE − Σ REFUND
   * − Σ CREDIT, and 0 once the order is cancelled) − paidFen: positive when the consumer still
   * owes, negative when the market owes the consumer, and 0 once that money was paid back
   * (payment state REFUNDED). The same figure as the admin side's `AdminOrder.balanceFen`.
   */
  balanceFen: number;
}

/**
 * Works out {@link OrderMoney} for an order of `totalFen` with its adjustments and payments;
 * `cancelled`: the order is CANCELLED, so it owes nothing and everything paid is owed back;
 * `refunded`: its payment state is REFUNDED, so what was owed back has been paid out.
 */
export function orderMoney(
  totalFen: number,
  adjustments: readonly Pick<Adjustment, "kind" | "amountFen">[],
  payments: readonly Pick<Payment, "amountFen">[],
  cancelled: boolean,
  refunded: boolean,
): OrderMoney {
  const paidFen = sumFen(payments.map((p) => p.amountFen));
  const refundsFen = sumFen(adjustments.filter((a) => a.kind === "REFUND").map((a) => a.amountFen));
  const dueFen = orderAmountDueFen({ cancelled, lineTotalsFen: [totalFen], adjustments });
  return { paidFen, refundsFen, balanceFen: refunded ? 0 : dueFen - paidFen };
}
