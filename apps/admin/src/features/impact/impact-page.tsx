import { useQuery } from "@apollo/client/react";
import { QueryState } from "@nested/web-kit";
import { useEffect, useMemo, useRef } from "react";
import { useSearchParams } from "react-router";
import { useT } from "../../i18n/index.js";
import { useViewer } from "../../lib/viewer.js";
import {
  type ChartMetric,
  chartQuery,
  inYearRange,
  exportHref,
  filterOptions,
  type ImpactFilterChoice,
  linesForYears,
  METRIC_UNITS,
  yearSeries,
} from "./chart-data.js";
import { ChartFigure } from "./chart-figure.js";
import { ImpactFilters } from "./impact-filters.js";
import { ImpactChartsQuery, ImpactOptionsQuery } from "./impact-queries.js";

/** Asks `refetch` again whenever the page language changes (names and messages follow it). */
function useRefetchOnLanguage(refetch: () => Promise<unknown>) {
  const { language } = useT();
  const shown = useRef(language);
  const latest = useRef(refetch);
  latest.current = refetch;
  useEffect(() => {
    if (shown.current === language) return;
    shown.current = language;
    void latest.current().catch(() => undefined);
  }, [language]);
}

/**
 * The impact page: filters (village, years; unsuppressed for ADMIN), then four charts with their
 * tables and CSV downloads. The filters live in the URL (`?from=&to=&village=&unsuppressed=1`).
 */
export function ImpactPage() {
  const { t } = useT();
  const options = useQuery(ImpactOptionsQuery);
  useRefetchOnLanguage(options.refetch);
  const [params, setParams] = useSearchParams();
  const { years, villages } = useMemo(
    () => filterOptions(options.data?.impactMetrics.cells ?? []),
    [options.data],
  );
  const { can } = useViewer();
  const mayUnsuppress = can("impact:read-unsuppressed");
  const unsuppressed = mayUnsuppress && params.get("unsuppressed") === "1";
  const choice: ImpactFilterChoice | null =
    years.length === 0
      ? null
      : {
          fromYear: Number(params.get("from") ?? years[0]),
          toYear: Number(params.get("to") ?? years[years.length - 1]),
          villageId: params.get("village") || null,
        };

  const update = (next: { choice?: ImpactFilterChoice; unsuppressed?: boolean }) => {
    const c = next.choice ?? choice!;
    const u = next.unsuppressed ?? unsuppressed;
    const search: Record<string, string> = { from: String(c.fromYear), to: String(c.toYear) };
    if (c.villageId) search.village = c.villageId;
    if (u) search.unsuppressed = "1";
    setParams(search, { replace: true });
  };

  return (
    <section className="stack">
      <h1>{t("impact.title")}</h1>
      <p className="muted">{t("impact.lead")}</p>
      <QueryState
        loading={options.loading}
        error={options.error}
        retry={() => void options.refetch()}
        hasData={!!options.data}
      />
      {options.data && !choice && <p className="notice">{t("impact.noData")}</p>}
      {options.data && choice && (
        <>
          <ImpactFilters
            choice={choice}
            years={years}
            villages={villages}
            unsuppressed={mayUnsuppress ? unsuppressed : undefined}
            onChange={update}
          />
          {unsuppressed && (
            <p className="alert" role="status">
              {t("impact.unsuppressedNote")}
            </p>
          )}
          {choice.toYear < choice.fromYear ? (
            <p className="alert" role="alert">
              {t("impact.badRange")}
            </p>
          ) : (
            <ImpactCharts
              choice={choice}
              unsuppressed={unsuppressed}
              povertyLines={options.data.povertyLines}
            />
          )}
        </>
      )}
    </section>
  );
}

/**
 * The four charts, in the order they are shown: the metric each draws, as bars or a line, its
 * strings (`impact.<key>.title`, `.caption`, `.series`; the poverty chart's bar is `.bar`) and
 * whose households its table counts (producer households, or consumer households for retention).
 */
const CHARTS = [
  { key: "poverty", metric: "HOUSEHOLDS_ABOVE_POVERTY_LINE", kind: "bar", series: "bar" },
  { key: "payments", metric: "PAYMENTS_TO_HOUSEHOLDS", kind: "bar", series: "series" },
  { key: "premium", metric: "PRICE_PREMIUM", kind: "line", series: "series" },
  { key: "retention", metric: "CONSUMER_RETENTION", kind: "line", series: "series" },
] as const satisfies readonly {
  key: string;
  metric: ChartMetric;
  kind: "bar" | "line";
  series: "bar" | "series";
}[];

/** The four charts for one choice of filters. */
function ImpactCharts({
  choice,
  unsuppressed,
  povertyLines,
}: {
  choice: ImpactFilterChoice;
  unsuppressed: boolean;
  povertyLines: readonly { year: number; yuanPerPersonPerYear: number }[];
}) {
  const { t, language } = useT();
  const queries = useMemo(
    () => ({
      poverty: chartQuery("HOUSEHOLDS_ABOVE_POVERTY_LINE", { villageId: choice.villageId }),
      payments: chartQuery("PAYMENTS_TO_HOUSEHOLDS", { villageId: choice.villageId }),
      premium: chartQuery("PRICE_PREMIUM", { villageId: choice.villageId }),
      retention: chartQuery("CONSUMER_RETENTION", { villageId: choice.villageId }),
    }),
    [choice.villageId],
  );
  const { data, loading, error, refetch } = useQuery(ImpactChartsQuery, {
    variables: { ...queries, unsuppressed },
  });
  useRefetchOnLanguage(refetch);
  const series = useMemo(
    () =>
      data && {
        poverty: inYearRange(
          yearSeries(data.poverty.cells, "HOUSEHOLDS_ABOVE_POVERTY_LINE"),
          choice,
        ),
        payments: inYearRange(yearSeries(data.payments.cells, "PAYMENTS_TO_HOUSEHOLDS"), choice),
        premium: inYearRange(yearSeries(data.premium.cells, "PRICE_PREMIUM"), choice),
        retention: inYearRange(yearSeries(data.retention.cells, "CONSUMER_RETENTION"), choice),
      },
    [data, choice],
  );
  if (!data || !series)
    return (
      <QueryState loading={loading} error={error} retry={() => void refetch()} hasData={false} />
    );
  const base = import.meta.env.BASE_URL;
  const csv = (key: keyof typeof queries) => exportHref(base, queries[key], language, unsuppressed);
  const lines = linesForYears(
    series.poverty.map((point) => point.year),
    povertyLines,
  );
  return (
    <div className="impact-charts">
      {CHARTS.map(({ key, metric, kind, series: seriesKey }) => {
        const poverty = key === "poverty";
        const seriesName = t(`impact.${key}.${seriesKey}`);
        return (
          <ChartFigure
            key={key}
            id={key}
            title={t(`impact.${key}.title`)}
            caption={t(`impact.${key}.caption`)}
            spec={{
              points: series[key],
              unit: METRIC_UNITS[metric],
              kind,
              seriesName,
              ...(poverty && { povertyLine: { name: t("impact.poverty.line"), values: lines } }),
            }}
            valueHeader={seriesName}
            extra={poverty ? { header: t("impact.poverty.line"), values: lines } : undefined}
            householdsHeader={
              key === "retention" ? t("impact.consumerHouseholds") : t("impact.households")
            }
            suppressionK={data[key].suppressionK ?? null}
            csvHref={csv(key)}
          />
        );
      })}
    </div>
  );
}
