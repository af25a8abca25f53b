import { useQuery } from "@apollo/client/react";
import { QueryState } from "@nested/web-kit";
import { graphql } from "../gql/index.js";
import { useT } from "../i18n/index.js";
import { moneyGrouped, percent } from "../lib/format.js";

const ImpactQuery = graphql(`
  query Impact($y0: Int!, $y1: Int!, $y2: Int!, $y3: Int!, $y4: Int!, $y5: Int!) {
    a: impactSummary(year: $y0) {
      ...ImpactFields
    }
    b: impactSummary(year: $y1) {
      ...ImpactFields
    }
    c: impactSummary(year: $y2) {
      ...ImpactFields
    }
    d: impactSummary(year: $y3) {
      ...ImpactFields
    }
    e: impactSummary(year: $y4) {
      ...ImpactFields
    }
    f: impactSummary(year: $y5) {
      ...ImpactFields
    }
  }
  fragment ImpactFields on ImpactSummary {
    year
    suppressionThreshold
    householdsReached
    totalPaidToHouseholds
    paidByConsumers
    farmerShareBasisPoints
  }
`);

interface Year {
  year: number;
  householdsReached?: number | null;
  totalPaidToHouseholds?: number | null;
  paidByConsumers: number;
  farmerShareBasisPoints?: number | null;
}

/** Bars per year: paid by consumers and paid to households, in a small hand-drawn SVG. */
function Chart({ years }: { years: Year[] }) {
  const { t } = useT();
  const top = Math.max(1, ...years.map((y) => y.paidByConsumers));
  const w = 320;
  const h = 160;
  const slot = w / years.length;
  const bar = slot / 3;
  return (
    <figure>
      <svg
        viewBox={`0 0 ${w} ${h + 20}`}
        role="img"
        aria-labelledby="chart-title"
        className="chart"
      >
        <title id="chart-title">{t("impact.chartTitle")}</title>
        {years.map((y, i) => {
          const consumers = (y.paidByConsumers / top) * h;
          const households = ((y.totalPaidToHouseholds ?? 0) / top) * h;
          const x = i * slot + bar / 2;
          return (
            <g key={y.year}>
              <rect x={x} y={h - consumers} width={bar} height={consumers} fill="#1d5f8a" />
              <rect x={x + bar} y={h - households} width={bar} height={households} fill="#2f7d32" />
              <text x={x + bar} y={h + 14} fontSize="11" textAnchor="middle" fill="#222">
                {y.year}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        <span className="key k1" aria-hidden="true" /> {t("impact.paidByConsumers")}{" "}
        <span className="key k2" aria-hidden="true" /> {t("impact.paidToHouseholds")}
      </figcaption>
    </figure>
  );
}

/** Impact: the public summary for the last six years with a chart and a table. */
export default function ImpactPage() {
  const { t, language } = useT();
  const thisYear = Number(
    new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(
      new Date(),
    ),
  );
  const vars = {
    y0: thisYear - 5,
    y1: thisYear - 4,
    y2: thisYear - 3,
    y3: thisYear - 2,
    y4: thisYear - 1,
    y5: thisYear,
  };
  const result = useQuery(ImpactQuery, { variables: vars });
  const d = result.data;
  const years: Year[] = d ? [d.a, d.b, d.c, d.d, d.e, d.f] : [];
  const latest = years.at(-1);
  const hidden = t("impact.suppressed");
  return (
    <>
      <h1>{t("impact.title")}</h1>
      <p className="lead">{t("impact.lead")}</p>
      <QueryState {...result} retry={() => void result.refetch()} hasData={!!d} />
      {latest && (
        <section className="stats" aria-label={t("impact.thisYear", { year: latest.year })}>
          <p>
            <strong>{latest.householdsReached ?? hidden}</strong> {t("impact.households")}
          </p>
          <p>
            <strong>
              {latest.totalPaidToHouseholds != null
                ? moneyGrouped(latest.totalPaidToHouseholds, language)
                : hidden}
            </strong>{" "}
            {t("impact.paidToHouseholds")}
          </p>
          <p>
            <strong>
              {latest.farmerShareBasisPoints != null
                ? percent(latest.farmerShareBasisPoints, language)
                : hidden}
            </strong>{" "}
            {t("impact.share")}
          </p>
        </section>
      )}
      {years.length > 0 && <Chart years={years} />}
      {years.length > 0 && (
        <div
          className="table-scroll"
          role="region"
          aria-labelledby="impact-table-caption"
          tabIndex={0}
        >
          <table>
            <caption id="impact-table-caption">{t("impact.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("impact.year")}</th>
                <th scope="col">{t("impact.households")}</th>
                <th scope="col">{t("impact.paidByConsumers")}</th>
                <th scope="col">{t("impact.paidToHouseholds")}</th>
                <th scope="col">{t("impact.share")}</th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <td>{y.householdsReached ?? hidden}</td>
                  <td>{moneyGrouped(y.paidByConsumers, language)}</td>
                  <td>
                    {y.totalPaidToHouseholds != null
                      ? moneyGrouped(y.totalPaidToHouseholds, language)
                      : hidden}
                  </td>
                  <td>
                    {y.farmerShareBasisPoints != null
                      ? percent(y.farmerShareBasisPoints, language)
                      : hidden}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d && <p className="small muted">{t("impact.note", { k: d.a.suppressionThreshold })}</p>}
    </>
  );
}
