import { describe, expect, it } from "vitest";
import { yearChartOption } from "./chart-options.js";

const points = [
  { year: 2018, value: 1_217_897, suppressed: false, households: 16 },
  { year: 2019, value: null, suppressed: true, households: null },
];

describe("yearChartOption", () => {
  it("plots fen as yuan by year and leaves a withheld year as a gap, not 0", () => {
    const option = yearChartOption({
      points,
      unit: "fen",
      kind: "bar",
      seriesName: "Payments (¥)",
      language: "en",
    });
    expect(option.xAxis).toEqual({ type: "category", data: ["2018", "2019"] });
    const series = option.series as { type: string; data: unknown[] }[];
    // 1 217 897 fen = ¥12 178.97.
    expect(series.map((s) => [s.type, s.data])).toEqual([["bar", [12_178.97, null]]]);
    const axis = (option.yAxis as { axisLabel: { formatter: (v: number) => string } }[])[0]!;
    expect(axis.axisLabel.formatter(3000)).toBe("¥3,000.00");
  });

  it("draws the poverty line on a second, right-hand axis in yuan per person per year", () => {
    const option = yearChartOption({
      points: [
        { year: 2019, value: 94, suppressed: false, households: 101 },
        { year: 2020, value: 104, suppressed: false, households: 104 },
      ],
      unit: "households",
      kind: "bar",
      seriesName: "Households above the line",
      language: "en",
      povertyLine: { name: "Poverty line", values: [3218, 4000] },
    });
    const series = option.series as { type: string; data: unknown[]; yAxisIndex?: number }[];
    expect(series.map((s) => [s.type, s.data, s.yAxisIndex ?? 0])).toEqual([
      ["bar", [94, 104], 0],
      ["line", [3218, 4000], 1],
    ]);
    expect((option.yAxis as { position?: string }[])[1]!.position).toBe("right");
  });
});
