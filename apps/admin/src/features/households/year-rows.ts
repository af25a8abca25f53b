import { POVERTY_LINES } from "@nested/domain";
import type { PovertyStatus } from "../../gql/graphql.js";

/** A household's year as the API gives it (`Household.years`). */
export interface HouseholdYearFigures {
  year: number;
  povertyStatus: PovertyStatus;
  /** Per-capita net income (人均纯收入), yuan per person per year. */
  perCapitaNetIncomeYuan: number;
}

/** One row of the income table: the year's figures beside that year's official poverty line. */
export interface YearRow extends HouseholdYearFigures {
  /** That year's rural poverty line, yuan per person per year; null when the reference has none. */
  lineYuan: number | null;
  /** How firm the line is (e.g. "published", "unconfirmed"); null without a line. */
  lineStatus: string | null;
  /** Income − line in yuan per person per year (negative: below the line); null without a line. */
  differenceYuan: number | null;
}

/**
 * The income table of a household, newest year first: each year's per-capita net income beside
 * the official poverty line of the same year (`POVERTY_LINES` from `@nested/domain`, i.e.
 * shared/reference/poverty-lines.csv). A year the reference does not cover gets no line rather than
 * a guessed one. An income exactly on the line is not below it (difference 0).
 */
export function yearRows(years: readonly HouseholdYearFigures[]): YearRow[] {
  return [...years]
    .sort((a, b) => b.year - a.year)
    .map((y) => {
      const line = POVERTY_LINES.find((l) => l.year === y.year);
      return {
        year: y.year,
        povertyStatus: y.povertyStatus,
        perCapitaNetIncomeYuan: y.perCapitaNetIncomeYuan,
        lineYuan: line?.yuanPerPersonPerYear ?? null,
        lineStatus: line?.status ?? null,
        differenceYuan: line ? y.perCapitaNetIncomeYuan - line.yuanPerPersonPerYear : null,
      };
    });
}
