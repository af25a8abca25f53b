import { MoneyError } from "./money-error.js";

/** Fen (分) per yuan (元): the yuan's minor unit is 1/100. */
export const FEN_PER_YUAN = 100;

/**
 * True when `value` is a valid non-negative amount in fen: a safe integer ≥ 0
 * (0 … `Number.MAX_SAFE_INTEGER`). Never throws.
 *
 * @param value - anything.
 */
export function isFen(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Asserts that `value` is a non-negative amount in fen (a safe integer ≥ 0).
 *
 * @param value - the amount to check, in fen.
 * @param label - what the amount is, used in the message (default `"amount"`).
 * @throws MoneyError `MONEY_NOT_AN_INTEGER` when `value` is not a safe integer (fractional, NaN,
 *   ±Infinity, beyond ±`Number.MAX_SAFE_INTEGER`, or not a number);
 *   `MONEY_NEGATIVE` when it is below zero.
 */
export function assertFen(value: unknown, label = "amount"): asserts value is number {
  assertIntegerFen(value, label);
  if (value < 0) {
    throw new MoneyError("MONEY_NEGATIVE", `The ${label} ${value} fen is negative.`);
  }
}

/**
 * Asserts that `value` is a whole number of fen, of either sign (a safe integer).
 *
 * @param value - the amount to check, in fen.
 * @param label - what the amount is, used in the message (default `"amount"`).
 * @throws MoneyError `MONEY_NOT_AN_INTEGER` when `value` is not a safe integer.
 */
export function assertIntegerFen(value: unknown, label = "amount"): asserts value is number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw new MoneyError(
      "MONEY_NOT_AN_INTEGER",
      `The ${label} ${String(value)} is not a whole number of fen (a safe integer).`,
    );
  }
}

/**
 * Converts an exact BigInt amount of fen back to a number.
 *
 * @param value - exact amount in fen.
 * @param what - description of the computation, used in the message.
 * @throws MoneyError `MONEY_TOO_LARGE` when beyond ±`Number.MAX_SAFE_INTEGER`.
 */
export function bigIntToFen(value: bigint, what: string): number {
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (value > max || value < -max) {
    throw new MoneyError(
      "MONEY_TOO_LARGE",
      `${what} is ${value} fen, beyond the largest safe amount (${Number.MAX_SAFE_INTEGER} fen).`,
    );
  }
  return Number(value);
}

/**
 * The price of `quantity` units at `unitFen` each, exactly: `unitFen × quantity` fen.
 *
 * @param unitFen - price of one unit in fen (a safe integer; negative is allowed for deductions).
 * @param quantity - number of units (a non-negative safe integer: units of the variant, or grams
 *   when the price is per gram).
 * @returns the product in fen.
 * @throws MoneyError `MONEY_NOT_AN_INTEGER` when either argument is not a safe integer;
 *   `MONEY_NEGATIVE` when `quantity` < 0; `MONEY_TOO_LARGE` when the product is beyond
 *   ±`Number.MAX_SAFE_INTEGER` fen (computed with BigInt, so never silently rounded).
 */
export function multiplyFen(unitFen: number, quantity: number): number {
  assertIntegerFen(unitFen, "unit price");
  if (typeof quantity !== "number" || !Number.isSafeInteger(quantity)) {
    throw new MoneyError(
      "MONEY_NOT_AN_INTEGER",
      `The quantity ${String(quantity)} is not a whole number of units.`,
    );
  }
  if (quantity < 0) {
    throw new MoneyError("MONEY_NEGATIVE", `The quantity ${quantity} is negative.`);
  }
  return bigIntToFen(BigInt(unitFen) * BigInt(quantity), `${unitFen} fen × ${quantity}`);
}

/**
 * The exact sum of amounts in fen.
 *
 * @param amounts - amounts in fen (safe integers of either sign); an empty list sums to 0.
 * @returns the total in fen.
 * @throws MoneyError `MONEY_NOT_AN_INTEGER` when an amount is not a safe integer;
 *   `MONEY_TOO_LARGE` when the total is beyond ±`Number.MAX_SAFE_INTEGER` fen.
 */
export function sumFen(amounts: readonly number[]): number {
  let total = 0n;
  amounts.forEach((amount, index) => {
    assertIntegerFen(amount, `amount at index ${index}`);
    total += BigInt(amount);
  });
  return bigIntToFen(total, "The sum");
}
