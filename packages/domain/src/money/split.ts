import { assertIntegerFen } from "./fen.js";
import { MoneyError } from "./money-error.js";

/**
 * Splits `totalFen` into parts proportional to `weights` by the largest-remainder method, so that
 * the parts sum exactly to the total (DESIGN.md, "Data conventions": fees, refunds and settlements
 * are split this way).
 *
 * Method: part i first gets ⌊total × wᵢ / W⌋ fen (W = Σ weights); the fen left over (fewer than
 * the number of parts) go one each to the parts with the largest remainders
 * (total × wᵢ mod W), ties broken by the lower index. All arithmetic is exact (BigInt), so there is
 * no floating-point rounding. Consequences:
 * - every part is within 1 fen of its exact share total × wᵢ / W (it is the floor or the floor + 1);
 * - a zero weight always gets 0 fen;
 * - for a non-negative total every part is ≥ 0;
 * - a negative total is split as its absolute value and every part negated (so −1000 by [1,1,1]
 *   gives [−334, −333, −333]).
 *
 * Examples: 1000 by [1,1,1] → [334, 333, 333]; 100 by [1,2] → exact 33.33…/66.66… → [33, 67].
 *
 * All-zero weights: a total of 0 gives all zeros (nothing to share); any other total throws,
 * because there is no fair share to compute and an equal split would hide a caller's mistake.
 *
 * @param totalFen - the amount to split, in fen (a safe integer).
 * @param weights - one non-negative safe integer per part (e.g. grams accepted, units, fen).
 * @returns one amount in fen per weight, in the same order, summing exactly to `totalFen`.
 * @throws MoneyError `MONEY_NOT_AN_INTEGER` when `totalFen` is not a safe integer;
 *   `MONEY_INVALID_WEIGHTS` when `weights` is empty, contains a negative, fractional or unsafe
 *   number, or is all zeros while `totalFen` ≠ 0.
 */
export function splitByWeights(totalFen: number, weights: readonly number[]): number[] {
  assertIntegerFen(totalFen, "total");
  if (weights.length === 0) {
    throw new MoneyError(
      "MONEY_INVALID_WEIGHTS",
      `Cannot split ${totalFen} fen into no parts: the list of weights is empty.`,
    );
  }
  weights.forEach((weight, index) => {
    if (typeof weight !== "number" || !Number.isSafeInteger(weight) || weight < 0) {
      throw new MoneyError(
        "MONEY_INVALID_WEIGHTS",
        `The weight ${String(weight)} at index ${index} is not a non-negative whole number.`,
      );
    }
  });
  const weightSum = weights.reduce((sum, weight) => sum + BigInt(weight), 0n);
  if (weightSum === 0n) {
    if (totalFen === 0) {
      return weights.map(() => 0);
    }
    throw new MoneyError(
      "MONEY_INVALID_WEIGHTS",
      `Cannot split ${totalFen} fen by weights that are all zero (${weights.length} parts).`,
    );
  }

  const sign = totalFen < 0 ? -1n : 1n;
  const total = BigInt(totalFen) * sign;
  const floors: bigint[] = [];
  const remainders: bigint[] = [];
  for (const weight of weights) {
    const scaled = total * BigInt(weight);
    floors.push(scaled / weightSum);
    remainders.push(scaled % weightSum);
  }
  let leftover = total - floors.reduce((sum, part) => sum + part, 0n);
  const order = weights
    .map((_, index) => index)
    .sort((a, b) => {
      const ra = remainders[a] ?? 0n;
      const rb = remainders[b] ?? 0n;
      if (ra !== rb) return ra > rb ? -1 : 1;
      return a - b;
    });
  for (const index of order) {
    if (leftover === 0n) break;
    floors[index] = (floors[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return floors.map((part) => {
    const value = Number(part * sign);
    return value === 0 ? 0 : value;
  });
}
