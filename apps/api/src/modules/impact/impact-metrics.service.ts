import { effectiveSuppressionK, suppressCells } from "@nested/domain";
import type { RequestContext } from "../../graphql/request-context";
import { callerOrganisation } from "../partner/partner.service";
import type { ImpactMetric } from "./impact-metrics.catalogue";
import {
  type ImpactFilter,
  ImpactDimension,
  type ImpactQuery,
  type ImpactSqlRow,
  metricSql,
  orderedDimensions,
  DIMENSION_COLUMNS,
} from "./impact-metrics.query";
import { ImpactCellType, ImpactTableType } from "./impact-metrics.types";

/** Producer groups the caller's figures cover: an ADMIN sees all (null), others theirs. */
function scopeOf(ctx: RequestContext): readonly string[] | null {
  if (ctx.principal.kind === "anonymous") return [];
  if (ctx.principal.kind === "user" && ctx.principal.role === "ADMIN") return null;
  return ctx.principal.producerGroupIds;
}

function toNumber(value: string | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`impact value beyond a safe integer: ${value}`);
  return n;
}

function toCell(metric: ImpactMetric, row: ImpactSqlRow, locale: RequestContext["locale"]) {
  return Object.assign(new ImpactCellType(), {
    metric,
    year: row.year ?? null,
    month: row.month ?? null,
    villageId: row.village_id ?? null,
    villageName: (locale === "en" ? row.village_en : row.village_zh) ?? null,
    headSex: row.head_sex ?? null,
    ageBand: row.age_band ?? null,
    registeredPoor: row.registered_poor ?? null,
    productCategory: row.category ?? null,
    value: toNumber(row.value),
    suppressed: false,
    householdCount: row.households as number | null,
  });
}

/**
 * The suppression threshold of the caller: a partner's organisation's k (never below 3),
 * default 5 for everyone else.
 */
export async function suppressionThreshold(ctx: RequestContext): Promise<number> {
  const found = await callerOrganisation(ctx);
  return effectiveSuppressionK(found?.organisation.suppressionK);
}

/** The filter field of each dimension. */
const FILTER_OF: Record<ImpactDimension, keyof ImpactFilter> = {
  YEAR: "years",
  MONTH: "months",
  VILLAGE: "villageIds",
  HEAD_SEX: "headSexes",
  AGE_BAND: "ageBands",
  REGISTERED_POOR: "registeredPoor",
  PRODUCT_CATEGORY: "productCategories",
};

/** Whether a dimension value (as the SQL row has it) is one the filter `chosen` keeps. */
function keeps(chosen: unknown, value: unknown): boolean {
  if (value === null || value === undefined) return false;
  const text = (v: unknown) => String(v).toLowerCase();
  if (Array.isArray(chosen)) return chosen.some((c) => text(c) === text(value));
  return chosen === value;
}

/**
 * True when a filter of `query` leaves out a part of 1 to k − 1 households (in any cell of the
 * grouping): the unfiltered figure minus the filtered one would then give that small part away
 * (differencing across queries, e.g. every age band but the one with a single household).
 * For each filtered dimension, `metric` is computed once more grouped by it as well, without
 * its filter, and every left-out value's household count must be 0 or at least `k`.
 */
async function filterLeavesOutFew(
  ctx: RequestContext,
  metric: ImpactMetric,
  query: ImpactQuery,
  scope: readonly string[] | null,
  k: number,
): Promise<boolean> {
  const filter = query.filter ?? {};
  for (const dimension of Object.values(ImpactDimension)) {
    const field = FILTER_OF[dimension];
    const chosen = filter[field];
    if (chosen === null || chosen === undefined || (Array.isArray(chosen) && !chosen.length))
      continue;
    const wider = { groupBy: [...query.groupBy, dimension], filter: { ...filter, [field]: null } };
    const { sql, params } = metricSql(metric, wider, scope);
    const rows: ImpactSqlRow[] = await ctx.manager.query(sql, params);
    const column = DIMENSION_COLUMNS[dimension] as keyof ImpactSqlRow;
    const few = (row: ImpactSqlRow) => row.households > 0 && row.households < k;
    if (rows.some((row) => few(row) && !keeps(chosen, row[column]))) return true;
  }
  return false;
}

/**
 * Computes `query`'s metrics, each in one SQL aggregate over the producer groups the caller may
 * see, then withholds cells per metric with {@link suppressCells} (k from
 * {@link suppressionThreshold}) unless `unsuppressed` — every cell of a metric when a filter
 * leaves out 1 to k − 1 households ({@link filterLeavesOutFew}) — (the caller must hold
 * impact:read-unsuppressed; the resolver checks). Cells come per metric in the asked order,
 * then by dimension values.
 */
export async function impactMetrics(
  ctx: RequestContext,
  query: ImpactQuery,
  unsuppressed = false,
): Promise<ImpactTableType> {
  const k = unsuppressed ? null : await suppressionThreshold(ctx);
  const dims = orderedDimensions(query.groupBy).map((d) => DIMENSION_COLUMNS[d]);
  const scope = scopeOf(ctx);
  const cells: ImpactCellType[] = [];
  for (const metric of [...new Set(query.metrics)]) {
    const { sql, params } = metricSql(metric, query, scope);
    const rows: ImpactSqlRow[] = await ctx.manager.query(sql, params);
    const metricCells = rows.map((row) => toCell(metric, row, ctx.locale));
    if (k !== null && (await filterLeavesOutFew(ctx, metric, query, scope, k))) {
      for (const cell of metricCells) {
        cell.suppressed = true;
        cell.value = null;
        cell.householdCount = null;
      }
    } else if (k !== null) {
      const hidden = suppressCells(
        rows.map((row) => ({
          key: dims.map(
            (d) => (row as unknown as Record<string, string | number | null>)[d] ?? null,
          ),
          householdCount: row.households,
        })),
        k,
      );
      metricCells.forEach((cell, i) => {
        if (!hidden[i]) return;
        cell.suppressed = true;
        cell.value = null;
        cell.householdCount = null;
      });
    }
    cells.push(...metricCells);
  }
  return Object.assign(new ImpactTableType(), { suppressionK: k, cells });
}
