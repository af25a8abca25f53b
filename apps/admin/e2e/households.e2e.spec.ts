import { seriousViolations, unmarkedChinese } from "@nested/e2e-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdminE2E, startAdminE2E } from "./support.js";

let run: AdminE2E;

beforeAll(async () => {
  run = await startAdminE2E();
});
afterAll(async () => {
  await run?.close();
});

/** The text of one column (1-based) of the register's body rows. */
async function column(n: number): Promise<string[]> {
  return run.page.locator(`table tbody tr td:nth-child(${n})`).allTextContents();
}

/** The pager's "page p of n, t in all" line, once the rows of that page have arrived. */
async function pagerText(): Promise<string | null> {
  await run.page.locator('.table-wrap[aria-busy="false"]').waitFor();
  return run.page.locator(".pager span").first().textContent();
}

/** Whether the size column of the shown rows is sorted, largest first. */
async function sizesDescending(): Promise<boolean> {
  await run.page.locator('.table-wrap[aria-busy="false"]').waitFor();
  const sizes = (await column(4)).map(Number);
  return sizes.every((size, i) => i === 0 || sizes[i - 1]! >= size);
}

/** The cells of one year's row in the household's income table. */
function yearCells(year: number) {
  const { page } = run;
  return page
    .locator("#household-years ~ .table-wrap tbody tr")
    .filter({ has: page.locator("th", { hasText: new RegExp(`^${year}$`) }) })
    .locator("td");
}

/** Opens a household from the register by its code (searching for it). */
async function openHousehold(code: string): Promise<void> {
  const { page } = run;
  await page.goto(run.url(`/households?q=${code}`));
  await page.getByRole("link", { name: code, exact: true }).click();
  await page.waitForURL((u) => /\/households\/[0-9a-f-]{36}$/.test(u.pathname));
  await expect.poll(() => page.locator("h1").textContent()).toContain(code);
}

// Demo data (apps/api/src/seed, deterministic): Sanggang village (桑岗村) has 53 registered-poor
// households in the register (51 group members + 2 never in the group); five heads are named 孙秀兰.
// SG-053 (孙秀兰, 3 people, ACTIVE) has three members and yearly incomes 2010–2026.
describe("the household register", () => {
  it("lets staff search a Chinese name, filter, sort, page, open a household and come back", async () => {
    const { page } = run;
    await run.signIn("staff@demo.nested.market");
    await page.goto(run.url("/households"));
    await expect.poll(pagerText).toMatch(/共 \d+ 条/);
    expect(await seriousViolations(page)).toEqual([]);
    await run.shot("households-01-register");

    await page.getByRole("searchbox", { name: "搜索姓名或编号" }).fill("孙秀兰");
    await page.keyboard.press("Enter");
    await expect.poll(pagerText).toBe("第 1 / 1 页，共 5 条");
    expect(await column(2)).toEqual(Array(5).fill("孙秀兰"));
    expect(new URL(page.url()).searchParams.get("q")).toBe("孙秀兰");
    await run.shot("households-02-search-chinese-name");

    // Back to everything, then registered poor in Sanggang: 53 rows, 20 a page → 3 pages.
    await page.getByRole("button", { name: "清除筛选" }).click();
    await page.locator('select[name="village"]').selectOption({ label: "桑岗村" });
    await page.locator('select[name="poor"]').selectOption("yes");
    await expect.poll(pagerText).toBe("第 1 / 3 页，共 53 条");
    expect(new Set(await column(3))).toEqual(new Set(["桑岗村"]));
    expect(new Set(await column(5))).toEqual(new Set(["是"]));

    // Sort by household size, largest first: the column reads non-increasing.
    await page.getByRole("button", { name: "人口" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("sort")).toBe("size");
    await page.getByRole("button", { name: "人口" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("sort")).toBe("-size");
    await expect
      .poll(() => page.locator('th[aria-sort="descending"]').textContent())
      .toContain("人口");
    await expect.poll(sizesDescending).toBe(true);
    const sizes = (await column(4)).map(Number);
    expect(sizes).toHaveLength(20);
    await run.shot("households-03-poor-in-sanggang-by-size");

    // Page 3 holds the last 53 − 2 × 20 = 13 households.
    await page.getByRole("button", { name: "下一页" }).click();
    await expect.poll(pagerText).toBe("第 2 / 3 页，共 53 条");
    await page.getByRole("button", { name: "下一页" }).click();
    await expect.poll(pagerText).toBe("第 3 / 3 页，共 53 条");
    await expect.poll(() => page.locator("table tbody tr").count()).toBe(13);
    const lastSizes = (await column(4)).map(Number);
    expect(Math.max(...lastSizes)).toBeLessThanOrEqual(Math.min(...sizes));
    const listUrl = page.url();

    // Open the first household of the page; its participation history is shown.
    const code = (await column(1))[0]!;
    await page.getByRole("link", { name: code, exact: true }).click();
    await expect.poll(() => page.locator("h1").textContent()).toContain(code);
    await expect
      .poll(() => page.locator("#household-history ~ .table-wrap tbody tr").count())
      .toBeGreaterThan(0);
    // Sales and payouts in ¥ with two decimals.
    expect(
      await page
        .locator("#household-history ~ .table-wrap tbody tr td:nth-child(7)")
        .first()
        .textContent(),
    ).toMatch(/^¥\d[\d,]*\.\d\d$/);

    // The back button returns to the same view: filters, sort and page 3.
    await page.goBack();
    await expect.poll(pagerText).toBe("第 3 / 3 页，共 53 条");
    expect(page.url()).toBe(listUrl);
    expect(await page.locator('select[name="poor"]').inputValue()).toBe("yes");
    // And a link with the view opens the same rows.
    await page.goto(listUrl);
    await expect.poll(pagerText).toBe("第 3 / 3 页，共 53 条");

    // Of the 53, the ones never in the group: 53 − 51 members = 2, on page 1 again.
    await page.locator('select[name="state"]').selectOption({ label: "未加入" });
    await expect.poll(pagerText).toBe("第 1 / 1 页，共 2 条");
    expect(await column(6)).toEqual(["未加入", "未加入"]);
    expect(new URL(page.url()).searchParams.get("state")).toBe("NONE");
    expect(new URL(page.url()).searchParams.get("page")).toBeNull();
  });

  it("shows staff the household without sensitive data, and says so", async () => {
    const { page } = run;
    await openHousehold("SG-053");
    await expect
      .poll(() => page.locator("#household-history ~ .table-wrap tbody tr").count())
      .toBeGreaterThan(0);
    const sensitive = page.locator("section.sensitive");
    expect(await sensitive.textContent()).toContain(
      "成员、收入、致贫原因、身份证号和银行账户不向您的角色（工作人员）显示。",
    );
    // ID card, bank account, causes, members and the yearly incomes: each says why it is empty.
    expect(await page.locator(".not-shown").count()).toBe(5);
    expect(await page.locator("#household-years ~ p").textContent()).toBe(
      "您的角色（工作人员）不显示此项。",
    );
    // The audit trail needs audit:read (ADMIN): staff get a line, not an empty table.
    expect(await page.locator("#household-audit ~ p").textContent()).toBe(
      "变更记录只向有审计权限的角色显示。",
    );
    // The resources as surveyed.
    const resources = await page.locator("#household-resources ~ dl").textContent();
    expect(resources).toContain("母鸡（只）36");
    expect(resources).toContain("耕地（亩）0.9");
    expect(await seriousViolations(page)).toEqual([]);
    await run.shot("households-04-household-staff");

    // An unknown household id is answered in words, with the way back.
    await page.goto(run.url("/households/00000000-0000-4000-8000-000000000001"));
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("找不到这个农户。");
    expect(await page.getByRole("link", { name: "← 返回农户名册" }).count()).toBe(1);
    await openHousehold("SG-053");
  });

  it("shows the reason of a refused edit under each field and keeps what was typed", async () => {
    const { page } = run;
    await page.getByRole("button", { name: "修改" }).click();
    await page.getByLabel("户主姓名").fill("孙秀兰（核对）");
    await page.getByLabel("家庭人口").fill("40");
    await page.getByLabel("母鸡（只）").fill("-2");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect
      .poll(() => page.locator(".edit-form [role=alert]").textContent())
      .toContain("填写的内容有误，什么都没有保存。");
    expect(await page.locator("#edit-size-problems").textContent()).toBe(
      "家庭人口必须是 1 到 30 的整数。",
    );
    expect(await page.locator("#edit-resources-problems").textContent()).toBe(
      "生计资源的数量不能为负数。",
    );
    expect(await page.getByLabel("家庭人口").getAttribute("aria-invalid")).toBe("true");
    // Everything typed is still there.
    expect(await page.getByLabel("户主姓名").inputValue()).toBe("孙秀兰（核对）");
    expect(await page.getByLabel("家庭人口").inputValue()).toBe("40");
    expect(await page.getByLabel("母鸡（只）").inputValue()).toBe("-2");
    expect(await seriousViolations(page)).toEqual([]);
    await run.shot("households-05-edit-refused");

    // Words where a number belongs are caught before sending, in words too.
    await page.getByLabel("家庭人口").fill("四");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect.poll(() => page.locator("#edit-size-problems").textContent()).toBe("请填写整数。");

    // Nothing was saved: the API still has the household as it was (3 people, 36 hens).
    const token = await run.adminToken("staff@demo.nested.market");
    const stored = await run.admin<{
      households: {
        items: { headName: string; size: number; livelihoodResources: { hens: number } }[];
      };
    }>(
      token,
      `{ households(filter: { search: "SG-053" }) { items { headName size livelihoodResources { hens } } } }`,
    );
    expect(stored.households.items).toEqual([
      { headName: "孙秀兰", size: 3, livelihoodResources: { hens: 36 } },
    ]);

    // A good change saves: 3 → 4 people, 36 → 30 hens, the name as it was.
    await page.getByLabel("户主姓名").fill("孙秀兰");
    await page.getByLabel("家庭人口").fill("4");
    await page.getByLabel("母鸡（只）").fill("30");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect.poll(() => page.locator(".edit-form").count()).toBe(0);
    const basics = await page.locator("#household-basics ~ dl").textContent();
    expect(basics).toContain("家庭人口4");
    expect(await page.locator("#household-resources ~ dl").textContent()).toContain("母鸡（只）30");
    await run.signOut();
  });

  it("shows finance the sensitive fields staff do not see, with income against the poverty line", async () => {
    const { page } = run;
    await run.signIn("finance@demo.nested.market");
    await openHousehold("SG-053");
    await expect
      .poll(() => page.locator("#household-years ~ .table-wrap tbody tr").count())
      .toBe(17);
    expect(await page.locator(".not-shown").count()).toBe(0);
    expect(await page.locator("section.sensitive").textContent()).toContain(
      "查看敏感信息会记入审计日志。",
    );
    // Three members: the head (born 1938) and two children.
    expect(
      await page.locator("section.sensitive tbody tr td:nth-child(1)").allTextContents(),
    ).toEqual(["户主", "子女", "子女"]);
    expect(await page.locator("section.sensitive dl").textContent()).toContain("致贫原因");
    const row = (year: number) => yearCells(year).allTextContents();
    // 2015: income ¥2,830 against the line ¥2,855 → 2830 − 2855 = −25 yuan, below the line.
    expect(await row(2015)).toEqual(["建档立卡", "¥2,830.00", "¥2,855.00", "-¥25.00 (低于贫困线)"]);
    // 2016: 3,062 against 2,952 → +110, exited.
    expect(await row(2016)).toEqual([
      "已脱贫",
      "¥3,062.00",
      "¥2,952.00",
      "+¥110.00 (达到或高于贫困线)",
    ]);
    // 2024: the reference has no line after 2020, and none is guessed.
    expect((await row(2024))[2]).toBe("参考资料中没有这一年的贫困线");
    // Finance may read but not change the register or the audit trail.
    expect(await page.getByRole("button", { name: "修改" }).count()).toBe(0);
    expect(await page.locator("form.year-form").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await run.shot("households-06-household-finance");
    await run.signOut();
  });

  it("shows an admin the history of changes and refuses a bad year in words", async () => {
    const { page } = run;
    await run.signIn("admin@demo.nested.market");
    await openHousehold("SG-053");
    // The staff's change of the previous test, newest first: size 3 → 4.
    await expect
      .poll(() => page.locator("#household-audit ~ .table-wrap tbody tr").count())
      .toBeGreaterThan(0);
    const audit = page.locator("#household-audit ~ .table-wrap tbody tr", {
      hasText: "修改农户信息",
    });
    expect(await audit.first().textContent()).toContain("size: 3 → 4");
    expect(await audit.first().textContent()).toContain("livelihoodResources.hens: 36 → 30");
    // Opening the page as admin read the sensitive fields: the read is logged, in words.
    const read = page.locator("#household-audit ~ .table-wrap tbody tr", {
      hasText: "查看敏感信息",
    });
    expect(await read.first().textContent()).toMatch(/查看了：.*家庭成员/);
    // By whom: the demo staff member's name (田野工作者 小周), not an id.
    await expect
      .poll(() => audit.first().locator("td").nth(2).textContent())
      .toBe("田野工作者 小周");

    // 2025's income as stored: the demo world is built for the day the test runs (Beijing time),
    // so its latest years differ from day to day; the form must show exactly what is stored.
    const [stored] = (
      await run.server.db.query(
        `SELECT hy.per_capita_net_income_yuan AS income, hy.poverty_status AS status FROM household_years hy
           JOIN households h ON h.id = hy.household_id WHERE h.code = 'SG-053' AND hy.year = 2025`,
      )
    ).rows as [{ income: number; status: string }];
    const income2025 = String(stored.income);
    // The form starts on the latest year; typing 2025 fills in 2025's figures to correct.
    expect(await page.locator('form.year-form input[name="year"]').inputValue()).toBe("2026");
    await page.locator('form.year-form input[name="year"]').fill("2025");
    expect(await page.locator('form.year-form select[name="povertyStatus"]').inputValue()).toBe(
      stored.status,
    );
    expect(
      await page.locator('form.year-form input[name="perCapitaNetIncomeYuan"]').inputValue(),
    ).toBe(income2025);
    // A negative income is refused; the form keeps it.
    await page.locator('form.year-form input[name="perCapitaNetIncomeYuan"]').fill("-100");
    await page.getByRole("button", { name: "保存这一年" }).click();
    await expect
      .poll(() => page.locator("#year-income-problems").textContent())
      .toBe("人均纯收入必须是不小于 0 的整数（元）。");
    expect(
      await page.locator('form.year-form input[name="perCapitaNetIncomeYuan"]').inputValue(),
    ).toBe("-100");
    await run.shot("households-07-year-refused");

    // A good figure replaces 2025's: the stored income → 8,000 yuan.
    await page.locator('form.year-form input[name="perCapitaNetIncomeYuan"]').fill("8000");
    await page.getByRole("button", { name: "保存这一年" }).click();
    await expect
      .poll(() => page.locator("form.year-form [role=status]").textContent())
      .toBe("2025 年已保存。");
    await expect.poll(() => yearCells(2025).nth(1).textContent()).toBe("¥8,000.00");
    expect(await yearCells(2025).first().textContent()).toBe("监测户");
    // The correction is in the history of changes (after it, newer READ_SENSITIVE rows may come:
    // reloading the years is itself an audited read).
    await expect
      .poll(() =>
        page
          .locator("#household-audit ~ .table-wrap tbody tr", { hasText: "填写年度数据" })
          .first()
          .textContent(),
      )
      .toContain(`householdYear.perCapitaNetIncomeYuan: ${income2025} → 8000`);
    expect(await seriousViolations(page)).toEqual([]);
    await run.shot("households-08-household-admin");
  });

  it("passes axe in English too, with the Chinese data marked", async () => {
    const { page } = run;
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect
      .poll(() => page.locator("#household-years").textContent())
      .toBe("Poverty status and per-capita net income");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await unmarkedChinese(run.page)).toEqual([]);
    await run.shot("households-09-household-en");
    await page.goto(run.url("/households?poor=yes&sort=-size"));
    await expect.poll(pagerText).toMatch(/^Page 1 of \d+, \d+ in all$/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await unmarkedChinese(run.page)).toEqual([]);
    await run.shot("households-10-register-en");
    await page.getByRole("button", { name: "切换到中文" }).click();
    await run.signOut();
  });
});
