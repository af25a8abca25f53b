import { validate } from "class-validator";
import { ImpactMetric } from "./impact-metrics.catalogue";
import { ImpactDimension } from "./impact-metrics.query";
import { ImpactFilterInput, ImpactMetricsInput } from "./impact-metrics.types";

type Params = Record<string, unknown>;

const text = (value: unknown): string | null =>
  typeof value === "string" && value.length > 0 ? value : null;

/** A comma-separated query parameter as a list, or null when absent. */
function list(params: Params, name: string): string[] | null {
  const value = text(params[name]);
  return value ? value.split(",").map((part) => part.trim()) : null;
}

function integers(params: Params, name: string): number[] | null {
  return list(params, name)?.map(Number) ?? null;
}

/** The query object from `?query=<JSON of ImpactMetricsInput>` or from separate parameters. */
function rawQuery(params: Params): Params {
  const json = text(params.query);
  if (json) {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== "object") throw new Error("query is not a JSON object");
    return parsed as Params;
  }
  const poor = text(params.registeredPoor);
  return {
    metrics: list(params, "metrics") ?? [],
    groupBy: list(params, "groupBy") ?? [],
    filter: {
      years: integers(params, "years"),
      months: integers(params, "months"),
      villageIds: list(params, "villageIds"),
      headSexes: list(params, "headSexes"),
      ageBands: list(params, "ageBands"),
      registeredPoor: poor === null ? null : poor === "true",
      productCategories: list(params, "productCategories"),
    },
  };
}

/**
 * The metric query of a CSV export, from the URL's parameters: either `query` holding the
 * GraphQL `ImpactMetricsInput` as JSON, or `metrics`, `groupBy`, `years`, `months`,
 * `villageIds`, `headSexes`, `ageBands`, `productCategories` (comma-separated) and
 * `registeredPoor` (true/false). Checked as the GraphQL input is. Returns the input, or a
 * problem (English, for the 400 answer).
 */
export async function exportQuery(
  params: Params,
): Promise<{ query: ImpactMetricsInput } | { problem: string }> {
  let raw: Params;
  try {
    raw = rawQuery(params);
  } catch {
    return { problem: "query is not valid JSON" };
  }
  const metrics = Array.isArray(raw.metrics) ? (raw.metrics as unknown[]) : [];
  const groupBy = Array.isArray(raw.groupBy) ? (raw.groupBy as unknown[]) : [];
  const known = (values: object, value: unknown) => Object.values(values).includes(value);
  if (metrics.length === 0 || !metrics.every((m) => known(ImpactMetric, m)))
    return { problem: "metrics must list ImpactMetric values" };
  if (!groupBy.every((d) => known(ImpactDimension, d)))
    return { problem: "groupBy must list ImpactDimension values" };
  const filter = Object.assign(new ImpactFilterInput(), raw.filter ?? {});
  const query = Object.assign(new ImpactMetricsInput(), {
    metrics: metrics as ImpactMetric[],
    groupBy: groupBy as ImpactDimension[],
    filter,
  });
  const errors = [...(await validate(query)), ...(await validate(filter))];
  const numbers = [...(filter.years ?? []), ...(filter.months ?? [])];
  if (errors.length > 0 || numbers.some((n) => !Number.isInteger(n)))
    return { problem: errors[0]?.property ?? "years and months are whole numbers" };
  return { query };
}
