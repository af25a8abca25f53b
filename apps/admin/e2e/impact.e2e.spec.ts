import { readFile } from "node:fs/promises";
import { seriousViolations, unmarkedChinese } from "@nested/e2e-kit";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdminE2E, startAdminE2E } from "./support.js";

let run: AdminE2E;

beforeAll(async () => {
  run = await startAdminE2E();
});
afterAll(async () => {
  await run?.close();
});

/** The four charts of the impact page: their figure id and the metric each draws by year. */
const CHARTS = {
  poverty: "HOUSEHOLDS_ABOVE_POVERTY_LINE",
  payments: "PAYMENTS_TO_HOUSEHOLDS",
  premium: "PRICE_PREMIUM",
  retention: "CONSUMER_RETENTION",
} as const;

interface Cell {
  year: number | null;
  value: number | null;
  suppressed: boolean;
  householdCount: number | null;
}

/** The Admin API's own answer for one chart's query, asked with the same user's token. */
async function apiCells(
  token: string,
  metric: string,
  years: number[] | null,
  unsuppressed = false,
): Promise<{ suppressionK: number | null; cells: Cell[] }> {
  const data = await run.admin<{
    impactMetrics: { suppressionK: number | null; cells: Cell[] };
  }>(
    token,
    `query($q: ImpactMetricsInput!, $u: Boolean!) {
       impactMetrics(query: $q, unsuppressed: $u) {
         suppressionK cells { year value suppressed householdCount } } }`,
    // Every year, as the page asks (a filter leaving out small years would be withheld whole).
    { q: { metrics: [metric], groupBy: ["YEAR"], filter: {} }, u: unsuppressed },
  );
  const { suppressionK, cells } = data.impactMetrics;
  return {
    suppressionK,
    cells: years ? cells.filter((c) => c.year !== null && years.includes(c.year)) : cells,
  };
}

/** Every row of a chart's data table: year, raw value, suppressed flag and the cell's words. */
async function tableRows(chart: string) {
  return run.page.locator(`figure[data-chart="${chart}"] tbody tr`).evaluateAll((rows) =>
    rows.map((row) => {
      const value = row.querySelector("td[data-value]") as HTMLElement;
      return {
        year: Number(row.getAttribute("data-year")),
        value: value.dataset.value === "" ? null : Number(value.dataset.value),
        suppressed: value.dataset.suppressed === "true",
        text: value.textContent ?? "",
      };
    }),
  );
}

/** The year range the filters show (the page's default: every year with members). */
async function chosenYears(): Promise<number[]> {
  const from = Number(await run.page.locator('select[name="fromYear"]').inputValue());
  const to = Number(await run.page.locator('select[name="toYear"]').inputValue());
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

async function waitForCharts() {
  const { page } = run;
  await page.locator('figure[data-chart="retention"]').waitFor();
  await page.waitForLoadState("networkidle");
}

describe("the impact pages", () => {
  it("shows a partner only Home and Impact, and charts whose tables are the API's answer", async () => {
    const { page } = run;
    await run.signIn("partner@demo.nested.market");
    const nav = page.getByRole("navigation", { name: /主导航|Main navigation/ });
    expect(await nav.getByRole("link").allTextContents()).toEqual(["首页", "成效"]);
    await nav.getByRole("link", { name: "成效" }).click();
    await waitForCharts();
    // A partner never sees the unsuppressed switch.
    expect(await page.locator('input[name="unsuppressed"]').count()).toBe(0);
    const token = await run.adminToken("partner@demo.nested.market");
    const years = await chosenYears();
    expect(years.length).toBeGreaterThan(1);
    for (const [chart, metric] of Object.entries(CHARTS)) {
      const figure = page.locator(`figure[data-chart="${chart}"]`);
      // The chart is drawn (SVG renderer) and described for screen readers.
      await expect.poll(() => figure.locator(".chart svg").count()).toBeGreaterThan(0);
      expect(await figure.locator(".chart").getAttribute("role")).toBe("img");
      expect(await figure.locator("figcaption").textContent()).not.toBe("");
      const api = await apiCells(token, metric, years);
      expect(api.suppressionK).toBe(5); // the demo partner organisation's k
      const rows = await tableRows(chart);
      expect(rows.map((r) => [r.year, r.value, r.suppressed])).toEqual(
        api.cells.map((c) => [c.year, c.value, c.suppressed]),
      );
      for (const row of rows.filter((r) => r.suppressed)) {
        expect(row.text).toBe("已隐去（少于 5 户）");
      }
    }
    // Payments in ¥ with two decimals: the first year with a value, written by hand.
    const payments = (await tableRows("payments")).find((r) => r.value !== null);
    expect(payments).toBeDefined();
    const yuan = Math.floor(payments!.value! / 100);
    const fen = String(payments!.value! % 100).padStart(2, "0");
    expect(payments!.text).toBe(`¥${yuan.toLocaleString("en-US")}.${fen}`);
    // The poverty line beside the households: 2019 is 3218 yuan/person/year (poverty-lines.csv).
    const line2019 = page.locator('figure[data-chart="poverty"] tr[data-year="2019"] td').nth(1);
    if (await line2019.count()) expect(await line2019.textContent()).toBe("¥3,218.00");
    expect(await seriousViolations(page)).toEqual([]);
    await run.shot("impact-01-partner-zh");
  });

  it("downloads each chart's CSV with the same numbers", async () => {
    const { page } = run;
    const token = await run.adminToken("partner@demo.nested.market");
    for (const [chart, metric] of Object.entries(CHARTS)) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator(`figure[data-chart="${chart}"] a[download]`).click(),
      ]);
      const text = await readFile((await download.path())!, "utf8");
      const [header, ...rows] = parse(text, { bom: true }) as string[][];
      expect(header![0]).toBe("指标");
      // The CSV holds every year (the range is cut on the page only).
      const api = await apiCells(token, metric, null);
      // Columns: metric, year, …, value (9th), suppressed (10th), households (11th).
      expect(rows.map((r) => [r[0], r[1], r[8], r[9], r[10]])).toEqual(
        api.cells.map((c) => [
          metric,
          String(c.year),
          c.value === null ? "" : String(c.value),
          String(c.suppressed),
          c.householdCount === null ? "" : String(c.householdCount),
        ]),
      );
    }
  });

  it("filters by village and year range; a withheld year reads in words, in both languages", async () => {
    const { page } = run;
    // The partner organisation asks for k = 10: Baoshi (宝石村, joined 2016) then has years paid
    // to fewer than 10 households (8 in 2016 in the demo data), which must be withheld.
    const adminToken = await run.adminToken("admin@demo.nested.market");
    const orgs = await run.admin<{ partnerOrganisations: { id: string }[] }>(
      adminToken,
      `{ partnerOrganisations { id } }`,
    );
    for (const org of orgs.partnerOrganisations)
      await run.admin(
        adminToken,
        `mutation($id: ID!) { updatePartnerOrganisation(id: $id, input: { suppressionK: 10 }) { __typename } }`,
        { id: org.id },
      );
    const village = page.locator('select[name="village"]');
    await village.selectOption({ label: "宝石村" });
    await page.locator('select[name="fromYear"]').selectOption("2015");
    await page.locator('select[name="toYear"]').selectOption("2019");
    await page.reload();
    await waitForCharts();
    const villageId = await village.inputValue();
    const token = await run.adminToken("partner@demo.nested.market");
    const data = await run.admin<{ impactMetrics: { suppressionK: number; cells: Cell[] } }>(
      token,
      `query($q: ImpactMetricsInput!) { impactMetrics(query: $q) { suppressionK cells { year value suppressed householdCount } } }`,
      {
        q: {
          metrics: ["PAYMENTS_TO_HOUSEHOLDS"],
          groupBy: ["YEAR"],
          filter: { years: [2015, 2016, 2017, 2018, 2019], villageIds: [villageId] },
        },
      },
    );
    expect(data.impactMetrics.suppressionK).toBe(10);
    const rows = await tableRows("payments");
    expect(rows.map((r) => [r.year, r.value, r.suppressed])).toEqual(
      data.impactMetrics.cells.map((c) => [c.year, c.value, c.suppressed]),
    );
    expect(rows.every((r) => r.year >= 2015 && r.year <= 2019)).toBe(true);
    const withheld = rows.filter((r) => r.suppressed);
    expect(withheld.length).toBeGreaterThan(0);
    for (const row of withheld) expect(row.text).toBe("已隐去（少于 10 户）");
    await run.shot("impact-02-partner-village-k10");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Impact");
    await waitForCharts();
    const english = (await tableRows("payments")).filter((r) => r.suppressed);
    expect(english.map((r) => r.year)).toEqual(withheld.map((r) => r.year));
    for (const row of english) expect(row.text).toBe("suppressed (fewer than 10 households)");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await unmarkedChinese(page)).toEqual([]);
    await run.shot("impact-03-partner-en");
    await page.getByRole("button", { name: "切换到中文" }).click();
  });

  it("refuses a partner a household URL opened directly, in words", async () => {
    const { page } = run;
    const adminToken = await run.adminToken("admin@demo.nested.market");
    const list = await run.admin<{ households: { items: { id: string }[] } }>(
      adminToken,
      `{ households(page: { skip: 0, take: 1 }) { items { id } } }`,
    );
    const id = list.households.items[0]!.id;
    await page.goto(run.url(`/households/${id}`));
    await expect.poll(() => page.locator("h1").textContent()).toBe("无权查看");
    expect(await page.getByRole("alert").textContent()).toBe(
      "您的角色（合作机构）不能打开这一页。",
    );
    await run.shot("impact-04-partner-refused-household");
    await run.signOut();
  });

  it("lets an admin switch to unsuppressed figures, equal to the API's unsuppressed answer", async () => {
    const { page } = run;
    await run.signIn("admin@demo.nested.market");
    await page.goto(run.url("/impact"));
    await waitForCharts();
    const token = await run.adminToken("admin@demo.nested.market");
    const years = await chosenYears();
    // The switch is kept in the URL (?unsuppressed=1): it shows checked once the route updated.
    const toggle = page.locator('input[name="unsuppressed"]');
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    expect(new URL(page.url()).searchParams.get("unsuppressed")).toBe("1");
    await expect
      .poll(() => page.getByRole("status").allTextContents())
      .toContainEqual("正在显示未隐去的数值：不要把这些数字交给合作机构。");
    await waitForCharts();
    const api = await apiCells(token, "CONSUMER_RETENTION", years, true);
    expect(api.suppressionK).toBeNull();
    const rows = await tableRows("retention");
    expect(rows.map((r) => [r.year, r.value, r.suppressed])).toEqual(
      api.cells.map((c) => [c.year, c.value, false]),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await run.shot("impact-05-admin-unsuppressed");
  });
});
