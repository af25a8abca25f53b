import { useQuery } from "@apollo/client/react";
import { QueryState } from "@nested/web-kit";
import { useEffect, useMemo, useRef } from "react";
import { useSearchParams } from "react-router";
import { useT } from "../../i18n/index.js";
import { useViewer } from "../../lib/viewer.js";
import {
  chartQuery,
  inYearRange,
  exportHref,
  filterOptions,
  type ImpactFilterChoice,
  linesForYears,
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
      <ChartFigure
        id="poverty"
        title={t("impact.poverty.title")}
        caption={t("impact.poverty.caption")}
        spec={{
          points: series.poverty,
          unit: "households",
          kind: "bar",
          seriesName: t("impact.poverty.bar"),
          povertyLine: { name: t("impact.poverty.line"), values: lines },
        }}
        valueHeader={t("impact.poverty.bar")}
        extra={{ header: t("impact.poverty.line"), values: lines }}
        householdsHeader={t("impact.households")}
        suppressionK={data.poverty.suppressionK ?? null}
        csvHref={csv("poverty")}
      />
      <ChartFigure
        id="payments"
        title={t("impact.payments.title")}
        caption={t("impact.payments.caption")}
        spec={{
          points: series.payments,
          unit: "fen",
          kind: "bar",
          seriesName: t("impact.payments.series"),
        }}
        valueHeader={t("impact.payments.series")}
        householdsHeader={t("impact.households")}
        suppressionK={data.payments.suppressionK ?? null}
        csvHref={csv("payments")}
      />
      <ChartFigure
        id="premium"
        title={t("impact.premium.title")}
        caption={t("impact.premium.caption")}
        spec={{
          points: series.premium,
          unit: "basisPoints",
          kind: "line",
          seriesName: t("impact.premium.series"),
        }}
        valueHeader={t("impact.premium.series")}
        householdsHeader={t("impact.households")}
        suppressionK={data.premium.suppressionK ?? null}
        csvHref={csv("premium")}
      />
      <ChartFigure
        id="retention"
        title={t("impact.retention.title")}
        caption={t("impact.retention.caption")}
        spec={{
          points: series.retention,
          unit: "basisPoints",
          kind: "line",
          seriesName: t("impact.retention.series"),
        }}
        valueHeader={t("impact.retention.series")}
        householdsHeader={t("impact.consumerHouseholds")}
        suppressionK={data.retention.suppressionK ?? null}
        csvHref={csv("retention")}
      />
    </div>
  );
}
