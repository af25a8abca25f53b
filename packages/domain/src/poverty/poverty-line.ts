import { PovertyLineError } from "./poverty-error.js";
import type { PovertyLine } from "./poverty-line.types.js";
import { POVERTY_LINES } from "./poverty-lines.data.js";

/** The years that have a poverty line in the reference data, ascending (2010 … 2020). */
export const POVERTY_LINE_YEARS: readonly number[] = Object.freeze(
  POVERTY_LINES.map((line) => line.year),
);

/**
 * The official rural poverty line for one year, from the reference data
 * (`shared/reference/poverty-lines.csv`, copied into {@link POVERTY_LINES}).
 *
 * Check `status` before presenting a figure as final: 2017 and 2018 are unconfirmed and 2020 is
 * approximate in the reference.
 *
 * @param year - calendar year, e.g. 2014.
 * @returns `{ year, yuanPerPersonPerYear, status, source }`; the line is in yuan per person per year.
 * @throws PovertyLineError `NO_POVERTY_LINE_FOR_YEAR` when the reference has no row for `year`
 *   (never a guess or extrapolation).
 */
export function povertyLine(year: number): PovertyLine {
  const line = POVERTY_LINES.find((candidate) => candidate.year === year);
  if (line === undefined) {
    const first = POVERTY_LINE_YEARS[0];
    const last = POVERTY_LINE_YEARS[POVERTY_LINE_YEARS.length - 1];
    throw new PovertyLineError(
      "NO_POVERTY_LINE_FOR_YEAR",
      `There is no official rural poverty line for the year ${String(year)} in the reference data ` +
        `(it covers ${first}–${last}); no figure is guessed.`,
    );
  }
  return line;
}

/**
 * Whether a household's per-capita net income lies strictly below that year's poverty line.
 * An income exactly on the line is not below it.
 *
 * @param perCapitaNetIncomeYuan - per-capita net income (人均纯收入) in yuan per person per year,
 *   a finite number (may be fractional or negative, e.g. after losses).
 * @param year - calendar year of the income.
 * @returns `true` when income < line.
 * @throws PovertyLineError `POVERTY_INVALID_INCOME` when the income is not a finite number;
 *   `NO_POVERTY_LINE_FOR_YEAR` as {@link povertyLine}.
 */
export function isBelowPovertyLine(perCapitaNetIncomeYuan: number, year: number): boolean {
  if (typeof perCapitaNetIncomeYuan !== "number" || !Number.isFinite(perCapitaNetIncomeYuan)) {
    throw new PovertyLineError(
      "POVERTY_INVALID_INCOME",
      `The per-capita net income ${String(perCapitaNetIncomeYuan)} is not a number of yuan.`,
    );
  }
  return perCapitaNetIncomeYuan < povertyLine(year).yuanPerPersonPerYear;
}
