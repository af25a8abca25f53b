/**
 * One year's official rural poverty line, as recorded in the project's reference data
 * (`shared/reference/poverty-lines.csv`).
 */
export interface PovertyLine {
  /** Calendar year the line applies to. */
  readonly year: number;
  /** The line in yuan per person per year (per-capita net income, 人均纯收入). */
  readonly yuanPerPersonPerYear: number;
  /** How firm the figure is, verbatim from the reference (e.g. `"published"`, `"unconfirmed (provisional)"`). */
  readonly status: string;
  /** Where the figure comes from, verbatim from the reference. */
  readonly source: string;
}
