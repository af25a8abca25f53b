import { POVERTY_LINES } from "@nested/domain";
import { type ImpactMetric, METRICS } from "./impact-metrics.catalogue";

/** The dimensions a metric query may group and filter by (GraphQL enum `ImpactDimension`). */
export enum ImpactDimension {
  YEAR = "YEAR",
  MONTH = "MONTH",
  VILLAGE = "VILLAGE",
  HEAD_SEX = "HEAD_SEX",
  AGE_BAND = "AGE_BAND",
  REGISTERED_POOR = "REGISTERED_POOR",
  PRODUCT_CATEGORY = "PRODUCT_CATEGORY",
}

/** The fact column of each dimension, in the fixed order cells' keys use. */
export const DIMENSION_COLUMNS: Record<ImpactDimension, string> = {
  YEAR: "year",
  MONTH: "month",
  VILLAGE: "village_id",
  HEAD_SEX: "head_sex",
  AGE_BAND: "age_band",
  REGISTERED_POOR: "registered_poor",
  PRODUCT_CATEGORY: "category",
};

/** Filters of a metric query; an absent or null filter keeps everything. */
export interface ImpactFilter {
  years?: number[] | null;
  months?: number[] | null;
  villageIds?: string[] | null;
  headSexes?: string[] | null;
  ageBands?: string[] | null;
  registeredPoor?: boolean | null;
  productCategories?: string[] | null;
}

/** One metric query: what to compute, grouped by which dimensions, over which rows. */
export interface ImpactQuery {
  metrics: ImpactMetric[];
  groupBy: ImpactDimension[];
  filter?: ImpactFilter | null;
}

/** One row of the SQL: the grouped dimensions' columns, the value and the household count. */
export interface ImpactSqlRow {
  year?: number | null;
  month?: number | null;
  village_id?: string | null;
  village_zh?: string | null;
  village_en?: string | null;
  head_sex?: string | null;
  age_band?: string | null;
  registered_poor?: boolean | null;
  category?: string | null;
  value: string | null;
  households: number;
}

/** The grouped dimensions, deduplicated and in the canonical order of {@link ImpactDimension}. */
export function orderedDimensions(groupBy: readonly ImpactDimension[]): ImpactDimension[] {
  return Object.values(ImpactDimension).filter((d) => groupBy.includes(d));
}

/**
 * The SQL of one metric (see {@link METRICS}) grouped by `groupBy`, and its parameters:
 * `$1` producer groups in scope (NULL = all), `$2`/`$3` poverty lines, `$4`… the filters.
 * Aggregates in two steps — per cell and subject, then per cell — all in PostgreSQL.
 */
export function metricSql(
  metric: ImpactMetric,
  query: Omit<ImpactQuery, "metrics">,
  producerGroupIds: readonly string[] | null,
): { sql: string; params: unknown[] } {
  const definition = METRICS[metric];
  const dims = orderedDimensions(query.groupBy).map((d) => DIMENSION_COLUMNS[d]);
  const f = query.filter ?? {};
  const byMonth = dims.includes("month") || (f.months?.length ?? 0) > 0;
  const byCategory = dims.includes("category") || (f.productCategories?.length ?? 0) > 0;
  const byHousehold =
    dims.includes("age_band") ||
    dims.includes("registered_poor") ||
    (f.ageBands?.length ?? 0) > 0 ||
    f.registeredPoor != null;
  const list = <T>(values: T[] | null | undefined) => (values && values.length ? values : null);
  const params: unknown[] = [
    producerGroupIds ? [...producerGroupIds] : null,
    POVERTY_LINES.map((line) => line.year),
    POVERTY_LINES.map((line) => line.yuanPerPersonPerYear),
    list(f.years),
    list(f.months),
    list(f.villageIds),
    list(f.headSexes),
    list(f.ageBands),
    f.registeredPoor ?? null,
    list(f.productCategories),
  ];
  const groupCols = dims.map((d) => `${d}, `).join("");
  const groupBy = dims.length ? `GROUP BY ${dims.join(", ")}` : "";
  const village = dims.includes("village_id");
  const sql = `
    WITH facts AS (${definition.facts(byMonth, byCategory, byHousehold)}),
    per_subject AS (
      SELECT ${groupCols}subject, sum(a) AS a, sum(b) AS b, count(DISTINCT item) AS items
      FROM facts
      WHERE cardinality($2::int[]) = cardinality($3::int[]) -- typed even where unused
        AND ($4::int[] IS NULL OR year = ANY($4::int[]))
        AND ($5::int[] IS NULL OR month = ANY($5::int[]))
        AND ($6::uuid[] IS NULL OR village_id = ANY($6::uuid[]))
        AND ($7::text[] IS NULL OR head_sex = ANY($7::text[]))
        AND ($8::text[] IS NULL OR age_band = ANY($8::text[]))
        AND ($9::boolean IS NULL OR registered_poor = $9::boolean)
        AND ($10::text[] IS NULL OR category = ANY($10::text[]))
      GROUP BY ${groupCols}subject
    ),
    cells AS (
      SELECT ${groupCols}(${definition.value})::text AS value,
             (${definition.households ?? "count(subject)"})::int AS households
      FROM per_subject ${groupBy}
    )
    SELECT cells.*${village ? ", v.name_zh AS village_zh, v.name_en AS village_en" : ""}
    FROM cells ${village ? "LEFT JOIN villages v ON v.id = cells.village_id" : ""}
    ORDER BY ${[...dims.map((d) => `cells.${d}`), "1"].join(", ")}`;
  return { sql, params };
}
