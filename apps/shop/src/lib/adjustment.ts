import type { TFunction } from "i18next";
import { money } from "./format.js";

/** What the shop needs of an adjustment: kind, amount and the quality check behind it. */
export interface AdjustmentFacts {
  kind: "REFUND" | "CREDIT" | "CHARGE";
  amountFen: number;
  qualityReason?: string | null;
  units?: number | null;
}

/**
 * How money taken off an order reaches the consumer: an unpaid order simply owes less
 * ("notCharged"), a paid one gets a refund ("refund"), and "refunded" only once the payment state
 * is REFUNDED (the money went back).
 */
export type RefundWay = "notCharged" | "refund" | "refunded";

/** The refund way of an order from what was paid (fen) and its payment state. */
export function refundWay(paidFen: number, paymentState: string): RefundWay {
  if (paymentState === "REFUNDED") return "refunded";
  return paidFen > 0 ? "refund" : "notCharged";
}

/**
 * One adjustment as a sentence in the current language, never the staff's `reason` text, e.g.
 * "1 份未通过质检（分量不足），不收费 ¥31.20" for an unpaid order's UNDERWEIGHT shortfall.
 */
export function adjustmentSentence(a: AdjustmentFacts, way: RefundWay, t: TFunction): string {
  const label = a.kind === "REFUND" ? t(`refundWay.${way}`) : t(`adjustment.${a.kind}`);
  const amount = money(a.amountFen);
  if (a.qualityReason && a.units)
    return t("adjustment.qualityShortfall", {
      count: a.units,
      reason: t(`rejectionReason.${a.qualityReason}`),
      way: label,
      amount,
    });
  if (a.qualityReason)
    return t("adjustment.qualityReason", {
      reason: t(`rejectionReason.${a.qualityReason}`),
      way: label,
      amount,
    });
  return `${label} ${amount}`;
}
