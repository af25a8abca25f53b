import { DomainError } from "../errors/index.js";

/** Basis points in a whole: 10 000 bp = 100 %. */
export const BASIS_POINTS_PER_WHOLE = 10_000;

/** Why a ratio could not be computed. */
export class RatioError extends DomainError<"RATIO_INVALID_OPERANDS"> {}

function assertSafeInteger(value: number, label: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RatioError(
      "RATIO_INVALID_OPERANDS",
      `The ${label} of a ratio must be a safe integer, got ${String(value)}.`,
    );
  }
}

/**
 * `numerator / denominator` in whole basis points (1 bp = 0.01 %), computed exactly with integer
 * arithmetic (BigInt) and rounded to the nearest basis point, halves away from zero.
 *
 * Examples: 1200 / 1600 → 7500 (75.00 %); 1 / 3 → 3333; 2 / 3 → 6667; −1 / 20 000 → −1 (−0.5 bp
 * rounds away from zero).
 *
 * Used for the producer price premium ((producer − reference) / reference) and for the farmer
 * share (paid to households / paid by consumers).
 *
 * @param numerator - a safe integer (fen, units …).
 * @param denominator - a positive safe integer in the same unit.
 * @returns basis points, a safe integer.
 * @throws RatioError `RATIO_INVALID_OPERANDS` when an operand is not a safe integer or the
 *   denominator is not positive.
 */
export function ratioInBasisPoints(numerator: number, denominator: number): number {
  assertSafeInteger(numerator, "numerator");
  assertSafeInteger(denominator, "denominator");
  if (denominator <= 0) {
    throw new RatioError(
      "RATIO_INVALID_OPERANDS",
      `The denominator of a ratio must be positive, got ${denominator}.`,
    );
  }
  const scaled = BigInt(Math.abs(numerator)) * BigInt(BASIS_POINTS_PER_WHOLE);
  const d = BigInt(denominator);
  const rounded = (scaled * 2n + d) / (2n * d);
  const result = Number(rounded);
  return numerator < 0 ? -result : result;
}
