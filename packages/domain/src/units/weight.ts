import { UnitError } from "./unit-error.js";

/** Grams per jin (斤), the market unit for eggs, meat and grain: 1 jin = 500 g (DESIGN.md). */
export const GRAMS_PER_JIN = 500;

/** Grams per kilogram. */
export const GRAMS_PER_KILOGRAM = 1000;

/**
 * Asserts that `grams` is a weight in grams: a non-negative safe integer.
 *
 * @param grams - weight in grams.
 * @throws UnitError `UNIT_NOT_A_NUMBER` when not a whole number (fractional, NaN, ±Infinity, not a
 *   number) or beyond `Number.MAX_SAFE_INTEGER`; `UNIT_NEGATIVE` when below zero.
 */
export function assertGrams(grams: unknown): asserts grams is number {
  if (typeof grams !== "number" || !Number.isSafeInteger(grams)) {
    throw new UnitError(
      "UNIT_NOT_A_NUMBER",
      `The weight ${String(grams)} is not a whole number of grams.`,
    );
  }
  if (grams < 0) {
    throw new UnitError("UNIT_NEGATIVE", `The weight ${grams} g is negative.`);
  }
}

/**
 * Converts jin to grams (1 jin = 500 g). Fractions of a jin are fine as long as they come to whole
 * grams: 1 → 500, 0.5 (半斤) → 250, 1.1 → 550, 0.002 → 1.
 *
 * Exactness: the result is the integer g with g / 500 === jin in floating point, i.e. exactly the
 * number of grams the decimal `jin` denotes; a `jin` that is not a whole number of grams
 * (0.001 jin = 0.5 g) is refused, never rounded.
 *
 * @param jin - weight in jin (a finite non-negative number).
 * @returns weight in grams (a non-negative safe integer).
 * @throws UnitError `UNIT_NOT_A_NUMBER` (NaN, ±Infinity, not a number), `UNIT_NEGATIVE`,
 *   `UNIT_NOT_WHOLE_GRAMS`, `UNIT_TOO_LARGE` (beyond `Number.MAX_SAFE_INTEGER` g).
 */
export function jinToGrams(jin: number): number {
  if (typeof jin !== "number" || !Number.isFinite(jin)) {
    throw new UnitError("UNIT_NOT_A_NUMBER", `The weight ${String(jin)} jin is not a number.`);
  }
  if (jin < 0) {
    throw new UnitError("UNIT_NEGATIVE", `The weight ${jin} jin is negative.`);
  }
  const grams = Math.round(jin * GRAMS_PER_JIN);
  if (!Number.isSafeInteger(grams)) {
    throw new UnitError("UNIT_TOO_LARGE", `The weight ${jin} jin is too large to count in grams.`);
  }
  if (grams / GRAMS_PER_JIN !== jin) {
    throw new UnitError(
      "UNIT_NOT_WHOLE_GRAMS",
      `The weight ${jin} jin is not a whole number of grams (1 jin = ${GRAMS_PER_JIN} g).`,
    );
  }
  return grams;
}

/**
 * Converts grams to jin for display or arithmetic in jin: `grams / 500`.
 *
 * Non-multiples of 500 g give a fractional jin with at most 3 decimals (1 g = 0.002 jin), returned
 * as the floating-point number nearest that decimal: 250 → 0.5, 1234 → 2.468, 1 → 0.002.
 * Multiples of 500 g give an exact integer. For integer-only work use {@link splitGramsIntoJin}.
 *
 * @param grams - weight in grams (a non-negative safe integer).
 * @returns weight in jin.
 * @throws UnitError as {@link assertGrams}.
 */
export function gramsToJin(grams: number): number {
  assertGrams(grams);
  return grams / GRAMS_PER_JIN;
}

/**
 * Splits grams into whole jin and the grams left over, with integer arithmetic only:
 * 1234 → `{ jin: 2, remainderGrams: 234 }`.
 *
 * @param grams - weight in grams (a non-negative safe integer).
 * @returns whole jin and the remainder in grams (0 … 499).
 * @throws UnitError as {@link assertGrams}.
 */
export function splitGramsIntoJin(grams: number): { jin: number; remainderGrams: number } {
  assertGrams(grams);
  const remainderGrams = grams % GRAMS_PER_JIN;
  return { jin: (grams - remainderGrams) / GRAMS_PER_JIN, remainderGrams };
}

/**
 * Formats a weight for display: below 1 kg in grams (`"750 g"`, `"0 g"`), from 1 kg on in
 * kilograms with up to 3 decimals and no trailing zeros (`"1 kg"`, `"1.5 kg"`, `"2.468 kg"`).
 * Integer arithmetic only, so it never shows float noise.
 *
 * @param grams - weight in grams (a non-negative safe integer).
 * @returns the text.
 * @throws UnitError as {@link assertGrams}.
 */
export function formatGrams(grams: number): string {
  assertGrams(grams);
  if (grams < GRAMS_PER_KILOGRAM) {
    return `${grams} g`;
  }
  const rest = grams % GRAMS_PER_KILOGRAM;
  const kilograms = (grams - rest) / GRAMS_PER_KILOGRAM;
  if (rest === 0) {
    return `${kilograms} kg`;
  }
  const decimals = String(rest).padStart(3, "0").replace(/0+$/, "");
  return `${kilograms}.${decimals} kg`;
}
