import { describe, expect, it } from "vitest";
import {
  inYearRange,
  chartQuery,
  exportHref,
  filterOptions,
  formatValue,
  linesForYears,
  plotted,
  yearSeries,
} from "./chart-data.js";

describe("yearSeries", () => {
  it("keeps one metric's yearly cells in year order, a suppressed cell as a gap, never 0", () => {
    const cells = [
      {
        metric: "PAYMENTS_TO_HOUSEHOLDS",
        year: 2020,
        value: 1200,
        suppressed: false,
        householdCount: 6,
      },
      { metric: "PRICE_PREMIUM", year: 2019, value: 820, suppressed: false, householdCount: 7 },
      {
        metric: "PAYMENTS_TO_HOUSEHOLDS",
        year: 2019,
        value: null,
        suppressed: true,
        householdCount: null,
      },
      {
        metric: "PAYMENTS_TO_HOUSEHOLDS",
        year: null,
        value: 99,
        suppressed: false,
        householdCount: 9,
      },
    ];
    expect(yearSeries(cells, "PAYMENTS_TO_HOUSEHOLDS")).toEqual([
      { year: 2019, value: null, suppressed: true, households: null },
      { year: 2020, value: 1200, suppressed: false, households: 6 },
    ]);
  });

  it("hides a value that came back beside a suppressed flag", () => {
    const cells = [
      { metric: "PRICE_PREMIUM", year: 2019, value: 5, suppressed: true, householdCount: 2 },
    ];
    expect(yearSeries(cells, "PRICE_PREMIUM")).toEqual([
      { year: 2019, value: null, suppressed: true, households: null },
    ]);
  });
});

describe("plotted and formatValue", () => {
  it("plots fen as yuan and basis points as percent, households as they are, null as null", () => {
    // 3 000 050 fen = ¥30 000.50; 820 bp = 8.2 %; −250 bp = −2.5 %.
    expect(plotted(3_000_050, "fen")).toBe(30_000.5);
    expect(plotted(820, "basisPoints")).toBe(8.2);
    expect(plotted(-250, "basisPoints")).toBe(-2.5);
    expect(plotted(17, "households")).toBe(17);
    expect(plotted(null, "fen")).toBeNull();
  });

  it("writes ¥ with two decimals and grouped thousands, percent with one decimal", () => {
    expect(formatValue(3_000_050, "fen", "en")).toBe("¥30,000.50");
    expect(formatValue(3_000_050, "fen", "zh-CN")).toBe("¥30,000.50");
    expect(formatValue(820, "basisPoints", "en")).toBe("8.2%");
    expect(formatValue(-250, "basisPoints", "en")).toBe("-2.5%");
    expect(formatValue(1234, "households", "en")).toBe("1,234");
  });
});

describe("linesForYears", () => {
  it("gives each year its line and null for a year without an official one", () => {
    const lines = [
      { year: 2019, yuanPerPersonPerYear: 3218 },
      { year: 2020, yuanPerPersonPerYear: 4000 },
    ];
    expect(linesForYears([2019, 2020, 2021], lines)).toEqual([3218, 4000, null]);
  });
});

describe("the chart query and its CSV link", () => {
  it("asks one metric by year over every year, the village when chosen; the range is cut on the page", () => {
    expect(chartQuery("PRICE_PREMIUM", { villageId: null })).toEqual({
      metrics: ["PRICE_PREMIUM"],
      groupBy: ["YEAR"],
      filter: {},
    });
    expect(chartQuery("CONSUMER_RETENTION", { villageId: "v1" })).toEqual({
      metrics: ["CONSUMER_RETENTION"],
      groupBy: ["YEAR"],
      filter: { villageIds: ["v1"] },
    });
    const point = (year: number) => ({ year, value: 1, suppressed: false, households: 5 });
    expect(
      inYearRange([point(2018), point(2019), point(2020), point(2021)], {
        fromYear: 2019,
        toYear: 2020,
        villageId: null,
      }).map((p) => p.year),
    ).toEqual([2019, 2020]);
  });

  it("puts the same query as JSON into the admin download, unsuppressed only when asked", () => {
    const query = chartQuery("PAYMENTS_TO_HOUSEHOLDS", { villageId: null });
    const href = exportHref("/admin/", query, "en", false);
    const url = new URL(href, "http://x");
    expect(url.pathname).toBe("/admin/impact-export.csv");
    expect(JSON.parse(url.searchParams.get("query")!)).toEqual(query);
    expect(url.searchParams.get("lang")).toBe("en");
    expect(url.searchParams.has("unsuppressed")).toBe(false);
    const open = new URL(exportHref("/admin/", query, "zh-CN", true), "http://x");
    expect(open.searchParams.get("unsuppressed")).toBe("true");
  });
});

describe("filterOptions", () => {
  it("lists the distinct years ascending and each village once", () => {
    const cells = [
      { year: 2020, villageId: "a", villageName: "桑岗" },
      { year: 2011, villageId: "b", villageName: "堡石" },
      { year: 2020, villageId: "b", villageName: "堡石" },
    ];
    expect(filterOptions(cells)).toEqual({
      years: [2011, 2020],
      villages: [
        { id: "a", name: "桑岗" },
        { id: "b", name: "堡石" },
      ],
    });
  });
});
