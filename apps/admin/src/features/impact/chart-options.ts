import type { Language } from "@nested/domain";
import type { BarSeriesOption, LineSeriesOption } from "echarts/charts";
import { formatValue, type MetricUnit, plotted, type YearPoint } from "./chart-data.js";
import type { ImpactChartOption } from "./echart.js";

/** Colours with enough contrast on white: the market's green for the metric, dark amber for the line. */
const GREEN = "#2f6b33";
const AMBER = "#8a4b00";

/** What one impact chart shows: its metric by year, optionally the poverty line beside it. */
export interface YearChartSpec {
  points: readonly YearPoint[];
  unit: MetricUnit;
  /** Bars for counts and money, a line for percentages. */
  kind: "bar" | "line";
  seriesName: string;
  language: Language;
  /** The poverty line of each point's year (yuan/person/year), drawn on a right-hand axis. */
  povertyLine?: { name: string; values: readonly (number | null)[] };
}

/** A plotted number (households, yuan or %) written back in its unit's style. */
function plottedText(value: number, unit: MetricUnit, language: Language): string {
  return formatValue(unit === "households" ? value : Math.round(value * 100), unit, language);
}

/**
 * The ECharts option of a yearly chart: years on the x axis, the metric on the left axis
 * (suppressed and undefined years are gaps, never 0), and the poverty line on a right axis
 * (yuan/person/year) when given.
 */
export function yearChartOption(spec: YearChartSpec): ImpactChartOption {
  const { points, unit, language } = spec;
  const metric: BarSeriesOption | LineSeriesOption = {
    type: spec.kind,
    name: spec.seriesName,
    data: points.map((point) => plotted(point.value, unit)),
    color: GREEN,
    tooltip: {
      valueFormatter: (v) => (typeof v === "number" ? plottedText(v, unit, language) : "—"),
    },
  };
  const series: (BarSeriesOption | LineSeriesOption)[] = [metric];
  const yAxis: NonNullable<ImpactChartOption["yAxis"]> = [
    { type: "value", axisLabel: { formatter: (v: number) => plottedText(v, unit, language) } },
  ];
  if (spec.povertyLine) {
    series.push({
      type: "line",
      name: spec.povertyLine.name,
      yAxisIndex: 1,
      data: [...spec.povertyLine.values],
      color: AMBER,
    });
    yAxis.push({ type: "value", position: "right", splitLine: { show: false } });
  }
  return {
    animation: false,
    grid: { left: 16, right: 16, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: points.map((point) => String(point.year)) },
    yAxis,
    series,
  };
}
