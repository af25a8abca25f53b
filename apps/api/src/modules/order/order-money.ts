import { sumFen } from "@nested/domain";
import type { Adjustment } from "./adjustment.entity";
import type { Payment } from "./payment.entity";

/** What an order comes to once adjustments and payments are counted; all in fen. */
export interface OrderMoney {
  /** Σ payments received. */
  paidFen: number;
  /** Σ REFUND adjustments (money back to the consumer). */
  refundsFen: number;
  /**
   * totalFen + Σ CHARGE − Σ REFUND − Σ CREDIT − paidFen: positive when the consumer still owes,
   * negative when the market owes the consumer (until the refund or credit is paid out).
   */
  balanceFen: number;
}

/** Works out {@link OrderMoney} for an order of `totalFen` with its adjustments and payments. */
export function orderMoney(
  totalFen: number,
  adjustments: readonly Pick<Adjustment, "kind" | "amountFen">[],
  payments: readonly Pick<Payment, "amountFen">[],
): OrderMoney {
  const of = (kind: Adjustment["kind"]) =>
    sumFen(adjustments.filter((a) => a.kind === kind).map((a) => a.amountFen));
  const paidFen = sumFen(payments.map((p) => p.amountFen));
  const refundsFen = of("REFUND");
  const balanceFen = sumFen([totalFen, of("CHARGE"), -refundsFen, -of("CREDIT"), -paidFen]);
  return { paidFen, refundsFen, balanceFen };
}
