import { useMemo } from "react";
import { useT } from "../../i18n/index.js";
import { formatValue, type YearPoint } from "./chart-data.js";
import { yearChartOption, type YearChartSpec } from "./chart-options.js";
import { EChart } from "./echart.js";

/** A column of whole yuan beside the metric in a chart's table (the poverty line of each year). */
export interface YuanColumn {
  header: string;
  values: readonly (number | null)[];
}

/**
 * One impact chart as a figure: heading, caption (what is drawn, in which unit), the chart, its
 * data as a table (the text alternative; a withheld year reads "suppressed (fewer than k
 * households)", never 0) and the CSV download of the same query.
 */
export function ChartFigure({
  id,
  title,
  caption,
  spec,
  valueHeader,
  householdsHeader,
  extra,
  suppressionK,
  csvHref,
}: {
  id: string;
  title: string;
  caption: string;
  spec: Omit<YearChartSpec, "language">;
  valueHeader: string;
  householdsHeader: string;
  extra?: YuanColumn;
  suppressionK: number | null;
  csvHref: string;
}) {
  const { t, language } = useT();
  const option = useMemo(() => yearChartOption({ ...spec, language }), [spec, language]);
  const cell = (point: YearPoint) => {
    if (point.suppressed) return t("impact.suppressed", { k: suppressionK ?? "k" });
    if (point.value === null) return t("impact.noValue");
    return formatValue(point.value, spec.unit, language);
  };
  const extraText = (value: number | null) => {
    if (value === null) return t("impact.noValue");
    return formatValue(value * 100, "fen", language);
  };
  return (
    <figure className="impact-chart" aria-labelledby={`${id}-title`} data-chart={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      <figcaption className="muted">{caption}</figcaption>
      {spec.points.length === 0 ? (
        <p className="notice">{t("impact.noData")}</p>
      ) : (
        <>
          <EChart option={option} label={`${title}. ${caption}`} />
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">
                {t("impact.tableCaption", { chart: title })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("impact.year")}</th>
                  <th scope="col" className="num">
                    {valueHeader}
                  </th>
                  {extra && (
                    <th scope="col" className="num">
                      {extra.header}
                    </th>
                  )}
                  <th scope="col" className="num">
                    {householdsHeader}
                  </th>
                </tr>
              </thead>
              <tbody>
                {spec.points.map((point, i) => (
                  <tr key={point.year} data-year={point.year}>
                    <th scope="row">{point.year}</th>
                    <td
                      className="num"
                      data-value={point.value ?? ""}
                      data-suppressed={String(point.suppressed)}
                    >
                      {cell(point)}
                    </td>
                    {extra && <td className="num">{extraText(extra.values[i] ?? null)}</td>}
                    <td className="num" data-households={point.households ?? ""}>
                      {point.households === null ? "—" : point.households}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p className="no-print">
        <a href={csvHref} download>
          {t("impact.download", { chart: title })}
        </a>
      </p>
    </figure>
  );
}
