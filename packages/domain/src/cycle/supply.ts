/**
 * Rules of supply declarations (报货) and of the offers made from them (DESIGN.md, "The monthly
 * cycle", steps 1–2). Quantities are whole units of a variant; prices integer fen.
 */

/**
 * The most units one household may declare of one variant in one cycle. A household of the
 * Taihang project brings tens of jin of eggs or a few pigs' worth of pork a month; anything past
 * this is a typing slip (an extra zero or two), not a harvest.
 */
export const MAX_DECLARED_UNITS = 10_000;

/** What can be wrong with one declared quantity. */
export type DeclarationQuantityProblem = "NOT_WHOLE" | "NEGATIVE" | "TOO_LARGE";

/**
 * Why a declared quantity cannot be stored, or null when it can: a whole number from 0 (which
 * removes the declaration) to {@link MAX_DECLARED_UNITS}.
 */
export function declarationQuantityProblem(quantity: number): DeclarationQuantityProblem | null {
  if (!Number.isInteger(quantity)) return "NOT_WHOLE";
  if (quantity < 0) return "NEGATIVE";
  if (quantity > MAX_DECLARED_UNITS) return "TOO_LARGE";
  return null;
}

/** An offer as staff want to publish it, with what is known of its variant in the cycle. */
export interface OfferPlan {
  /** Units of the variant declared by households in the cycle (sum of declarations). */
  declared: number;
  /** Units held back against rejections at intake. */
  buffer: number;
  /** Consumer price of one unit, fen. */
  priceFen: number;
  /** Producer price of one unit, fen. */
  producerPriceFen: number;
  /** Units already reserved by orders (0 for a new offer). */
  reserved: number;
}

/** What can be wrong with an offer plan; the API turns each into a field problem. */
export type OfferPlanProblem =
  | { field: "variantId"; problem: "NOTHING_DECLARED" }
  | { field: "buffer"; problem: "BUFFER_NEGATIVE" | "BUFFER_ABOVE_DECLARED" }
  | { field: "priceFen"; problem: "PRICE_NOT_POSITIVE" }
  | { field: "producerPriceFen"; problem: "PRODUCER_PRICE_NEGATIVE" | "PRODUCER_ABOVE_CONSUMER" }
  | { field: "buffer"; problem: "TOTAL_BELOW_RESERVED" };

/** Units an offer may sell: declared units minus the buffer (never below zero). */
export function offerQuantityTotal(declared: number, buffer: number): number {
  return Math.max(0, declared - buffer);
}

/**
 * Everything wrong with an offer plan; empty when it may be published. Refused: nothing declared
 * of the variant; a buffer below 0 or above the declared units; a consumer price ≤ 0; a producer
 * price below 0 or above the consumer price; a total (declared − buffer) below the units orders
 * already reserved (the shop never sells more than it has).
 */
export function offerPlanProblems(plan: OfferPlan): OfferPlanProblem[] {
  const problems: OfferPlanProblem[] = [];
  if (plan.declared <= 0) problems.push({ field: "variantId", problem: "NOTHING_DECLARED" });
  if (!Number.isInteger(plan.buffer) || plan.buffer < 0)
    problems.push({ field: "buffer", problem: "BUFFER_NEGATIVE" });
  else if (plan.declared > 0 && plan.buffer > plan.declared)
    problems.push({ field: "buffer", problem: "BUFFER_ABOVE_DECLARED" });
  else if (offerQuantityTotal(plan.declared, plan.buffer) < plan.reserved)
    problems.push({ field: "buffer", problem: "TOTAL_BELOW_RESERVED" });
  if (!Number.isSafeInteger(plan.priceFen) || plan.priceFen <= 0)
    problems.push({ field: "priceFen", problem: "PRICE_NOT_POSITIVE" });
  if (!Number.isSafeInteger(plan.producerPriceFen) || plan.producerPriceFen < 0)
    problems.push({ field: "producerPriceFen", problem: "PRODUCER_PRICE_NEGATIVE" });
  else if (plan.producerPriceFen > plan.priceFen)
    problems.push({ field: "producerPriceFen", problem: "PRODUCER_ABOVE_CONSUMER" });
  return problems;
}
