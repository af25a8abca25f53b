import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from "echarts/charts";
import {
  AriaComponent,
  type AriaComponentOption,
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import { type ComposeOption, init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// Only what the impact charts draw, so the lazy chunk stays small: bars and lines on a grid,
// with legend, tooltip and the aria description, rendered as SVG.
use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  AriaComponent,
  SVGRenderer,
]);

/** The ECharts options the impact charts may use (bars and lines on a cartesian grid). */
export type ImpactChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | AriaComponentOption
>;

/**
 * An ECharts chart in a `div` of `height` pixels: created on mount (SVG), given new options when
 * `option` changes, resized with its box (ResizeObserver) and disposed on unmount. The box is an
 * image labelled `label` for screen readers; the figure around it carries a caption and a table.
 */
export function EChart({
  option,
  label,
  height = 320,
}: {
  option: ImpactChartOption;
  label: string;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: "svg" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // ECharts' aria component writes the box's aria-label itself: give it the same words.
    chart.current?.setOption(
      { ...option, aria: { enabled: true, label: { description: label } } },
      { notMerge: true },
    );
  }, [option, label]);

  return <div ref={box} className="chart" role="img" aria-label={label} style={{ height }} />;
}
