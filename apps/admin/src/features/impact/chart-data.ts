/**
 * Pure shaping of the Admin API's impact answers into chart series and table rows (no React, no
 * ECharts), so that what a chart draws and what its table says come from one place.
 */
import { type Language, moneyGrouped, percent } from "@nested/domain";

/** The metrics the impact page draws (values of the GraphQL enum `ImpactMetric`). */
export type ChartMetric =
  | "HOUSEHOLDS_ABOVE_POVERTY_LINE"
  | "PAYMENTS_TO_HOUSEHOLDS"
  | "PRICE_PREMIUM"
  | "CONSUMER_RETENTION";

/** How a metric's whole-number value reads: households, fen, or basis points (10000 = 100 %). */
export type MetricUnit = "households" | "fen" | "basisPoints";

/** The unit of each drawn metric (apps/api impact-metrics.catalogue.ts). */
export const METRIC_UNITS: Readonly<Record<ChartMetric, MetricUnit>> = {
  HOUSEHOLDS_ABOVE_POVERTY_LINE: "households",
  PAYMENTS_TO_HOUSEHOLDS: "fen",
  PRICE_PREMIUM: "basisPoints",
  CONSUMER_RETENTION: "basisPoints",
};

/** One cell of `impactMetrics` as the page asks for it (grouped by year). */
export interface YearCell {
  metric: string;
  year?: number | null;
  value?: number | null;
  suppressed: boolean;
  householdCount?: number | null;
}

/**
 * One year of one metric: `value` in the metric's unit (null when suppressed or undefined,
 * e.g. a ratio over nothing), whether it was withheld, and the households it is drawn from.
 */
export interface YearPoint {
  year: number;
  value: number | null;
  suppressed: boolean;
  households: number | null;
}

/** The cells of `metric` that have a year, as points in ascending year order. */
export function yearSeries(cells: readonly YearCell[], metric: ChartMetric): YearPoint[] {
  return cells
    .filter((cell) => cell.metric === metric && typeof cell.year === "number")
    .map((cell) => ({
      year: cell.year!,
      value: cell.suppressed ? null : (cell.value ?? null),
      suppressed: cell.suppressed,
      households: cell.suppressed ? null : (cell.householdCount ?? null),
    }))
    .sort((a, b) => a.year - b.year);
}

/**
 * The number a chart plots for a value in `unit`: households as they are, fen as yuan
 * (1650 → 16.5), basis points as a percentage (820 → 8.2); null stays null (a gap in the chart).
 */
export function plotted(value: number | null, unit: MetricUnit): number | null {
  if (value === null) return null;
  return unit === "households" ? value : value / 100;
}

/** One official poverty line: yuan per person per year of per-capita net income. */
export interface PovertyLinePoint {
  year: number;
  yuanPerPersonPerYear: number;
}

/** The poverty line of each of `years` (yuan/person/year), null for a year without an official line. */
export function linesForYears(
  years: readonly number[],
  lines: readonly PovertyLinePoint[],
): (number | null)[] {
  const byYear = new Map(lines.map((line) => [line.year, line.yuanPerPersonPerYear]));
  return years.map((year) => byYear.get(year) ?? null);
}

/** What the page filters by: an inclusive year range and optionally one producer group's village. */
export interface ImpactFilterChoice {
  fromYear: number;
  toYear: number;
  villageId: string | null;
}

/**
 * The `ImpactMetricsInput` of one chart: its metric by year, in the chosen village. The year range
 * is NOT sent: the API withholds a whole answer whose filter leaves out a year of fewer than k
 * households (else total minus filtered would reveal them), so every year is asked for and the
 * range is cut on the page ({@link inYearRange}).
 */
export function chartQuery(metric: ChartMetric, choice: Pick<ImpactFilterChoice, "villageId">) {
  return {
    metrics: [metric],
    groupBy: ["YEAR" as const],
    filter: choice.villageId ? { villageIds: [choice.villageId] } : {},
  };
}

/** The points of the chosen year range (inclusive). */
export function inYearRange(points: readonly YearPoint[], choice: ImpactFilterChoice): YearPoint[] {
  return points.filter((p) => p.year >= choice.fromYear && p.year <= choice.toYear);
}

/**
 * The admin CSV download of a chart's query (`/admin/impact-export.csv`, session cookie): the
 * query as JSON, the page language for headers and names, and `unsuppressed=true` when asked
 * (the API honours it only for holders of impact:read-unsuppressed).
 */
export function exportHref(
  base: string,
  query: ReturnType<typeof chartQuery>,
  language: string,
  unsuppressed: boolean,
): string {
  const params = new URLSearchParams({ query: JSON.stringify(query), lang: language });
  if (unsuppressed) params.set("unsuppressed", "true");
  return `${base}impact-export.csv?${params.toString()}`;
}

/** The distinct years and villages of an answer grouped by year and village, for the filters. */
export function filterOptions(
  cells: readonly {
    year?: number | null;
    villageId?: string | null;
    villageName?: string | null;
  }[],
): { years: number[]; villages: { id: string; name: string }[] } {
  const years = [...new Set(cells.map((c) => c.year).filter((y): y is number => y != null))];
  const villages = new Map<string, string>();
  for (const cell of cells)
    if (cell.villageId) villages.set(cell.villageId, cell.villageName ?? cell.villageId);
  return {
    years: years.sort((a, b) => a - b),
    villages: [...villages].map(([id, name]) => ({ id, name })),
  };
}

/**
 * A value in `unit` written for a table or tooltip in `language`: households as a grouped whole
 * number, fen as ¥ with two decimals and thousands separators (moneyGrouped), basis points as a
 * percentage with one decimal (percent).
 */
export function formatValue(value: number, unit: MetricUnit, language: Language): string {
  if (unit === "fen") return moneyGrouped(value, language);
  if (unit === "basisPoints") return percent(value, language);
  return new Intl.NumberFormat(language).format(value);
}
