import { seriousViolations, unmarkedChinese } from "@nested/e2e-kit";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allocatedBaoshiCycle, type BaoshiCycle, STAFF_LOGIN } from "./intake-fixture.js";
import type { CycleRun } from "./steps/context.js";
import * as intake from "./steps/intake-steps.js";
import { startAdminE2E } from "./support.js";

/** The collection point's tablet (the e2e-kit's viewports are a phone and a desktop). */
const TABLET = { width: 768, height: 1024 };

/** Switches the page's language with the header's button, unless it is in `language` already. */
async function setLanguage(page: Page, language: "en" | "zh-CN"): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) === language) return;
  await page
    .getByRole("button", { name: language === "en" ? "Switch to English" : "切换到中文" })
    .click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
}

/** No serious axe violation, and no Chinese text unmarked on an English page. */
async function expectAccessible(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  expect(await seriousViolations(page)).toEqual([]);
  expect(await unmarkedChinese(page)).toEqual([]);
}

/**
 * The intake, packing and pickup pages on a Baoshi cycle brought to ALLOCATED through the APIs
 * (intake-fixture.ts: eggs ¥25.00 from household A, 9 allocated to O1 3, O2 2, O3 4; walnuts
 * ¥56.00 from household B, 3 allocated to O2 1, O3 2; millet ¥54.00 from C, 2 to O3), then the three intake steps of the
 * whole-cycle test, with values worked out by hand.
 */
describe("the collection point's pages", () => {
  const c = {} as CycleRun;
  let cycle: BaoshiCycle;

  beforeAll(async () => {
    c.run = await startAdminE2E();
    cycle = await allocatedBaoshiCycle(c.run);
    c.producerGroupId = cycle.producerGroupId;
    c.cycleId = cycle.cycleId;
    await c.run.signIn(STAFF_LOGIN);
  }, 240_000);
  afterAll(async () => {
    await c.run?.close();
  });

  it("intake on a tablet: refusals in words with the input kept, a partial refund, one rejection", async () => {
    const page = c.run.page;
    await page.setViewportSize(TABLET);
    await page.goto(c.run.url(intake.collectionPath(c, "intake")));
    await expect.poll(() => page.locator(".intake-progress p").textContent()).toBe("已检 0 / 3 批");
    expect(await page.getByText("订购周期处于“收货中”时才能质检。").count()).toBe(1); // ALLOCATED
    await expectAccessible(page);
    await c.run.shot("intake-allocated-tablet-zh");

    await page.getByRole("button", { name: "开始收货" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "收货中" }).count()).toBe(1);
    // packing while both lots are unchecked is refused in words, naming them
    await page.getByRole("button", { name: "分拣完成" }).click();
    await expect
      .poll(() => page.locator(".cycle-frame .alert").textContent())
      .toContain("还有 3 个批次没有验收，不能打包");

    const eggs = page.locator("section.lot").nth(0);
    expect(await eggs.locator("h3").textContent()).toContain(cycle.householdA);
    expect(await eggs.textContent()).toContain("分配 9 件"); // O1 3 + O2 2 + O3 4
    const received = eggs.locator("input[data-received]");
    expect(await received.inputValue()).toBe("9");
    await received.fill("九");
    await eggs.getByRole("button", { name: "全部合格" }).click();
    await expect
      .poll(() => eggs.locator(".alert").textContent())
      .toBe("请填写不小于 0 的整数件数。");
    expect(await received.inputValue()).toBe("九");

    await received.fill("9");
    await eggs.getByRole("button", { name: "部分合格" }).click();
    const accepted = eggs.getByLabel("合格件数");
    await accepted.fill("10");
    await eggs.getByRole("button", { name: "不新鲜" }).click();
    await expect
      .poll(() => eggs.locator(".alert").textContent())
      .toContain("合格数量（10）不能多于收到的数量（9）。");
    expect(await accepted.inputValue()).toBe("10");
    await c.run.shot("intake-refused-tablet-zh");

    await accepted.fill("7");
    await eggs.getByRole("button", { name: "不新鲜" }).click();
    // 9 allocated − 7 accepted = 2 short; 2 × ¥25.00 = ¥50.00 (5000 fen)
    await expect.poll(() => eggs.locator(".lot-refund").textContent()).toBe("缺 2 件，退款 ¥50.00");
    expect(await eggs.locator(".lot-state").textContent()).toBe("部分合格");
    await expect.poll(() => page.locator(".intake-progress p").textContent()).toBe("已检 1 / 3 批");

    await intake.qualityCheckWithOneRejection(c);
    // the step accepted B's walnuts by Enter: 3 received = 3 allocated, nothing short
    const walnuts = page.locator("section.lot").nth(1);
    expect(await walnuts.locator("h3").textContent()).toContain(cycle.householdB);
    expect(await walnuts.locator(".lot-state").textContent()).toBe("合格");
    expect(await walnuts.locator(".lot-refund").textContent()).toBe("无缺件，无退款");
    // and rejected C's millet, the last lot: 2 allocated × ¥54.00 = ¥108.00 (10800 fen)
    const millet = page.locator("section.lot").nth(2);
    expect(await millet.locator("h3").textContent()).toContain(cycle.householdC);
    expect(await millet.locator(".lot-refund").textContent()).toBe("缺 2 件，退款 ¥108.00");
    // refunds per order. Eggs, 2 short over O1 3, O2 2, O3 4: exact 2×3/9 = 0.67, 0.44, 0.89,
    // all floor to 0; the 2 units go to the largest remainders O3, O1 → 2500 fen each.
    // Millet, 2 short, all O3's → 2 × 5400 = 10800. Walnuts: nothing short.
    // O1 2500; O2 none; O3 2500 + 10800 = 13300; in all 15800 = 5000 + 10800.
    const { rows } = await c.run.server.db.query<{ order_id: string; fen: string }>(
      `SELECT a.order_id, sum(a.amount_fen)::text AS fen FROM adjustments a
        JOIN orders o ON o.id = a.order_id
        WHERE o.order_cycle_id = $1 AND a.kind = 'REFUND' GROUP BY a.order_id`,
      [cycle.cycleId],
    );
    const refund = new Map(rows.map((r) => [r.order_id, Number(r.fen)]));
    expect(cycle.orderIds.map((id) => refund.get(id))).toEqual([2500, undefined, 13300]);
    await expectAccessible(page);

    await setLanguage(page, "en");
    await expect
      .poll(() => eggs.locator(".lot-refund").textContent())
      .toBe("2 units short, refund ¥50.00");
    expect(await page.locator(".intake-progress p").textContent()).toBe("3 of 3 lots checked");
    await expectAccessible(page);
    await c.run.shot("intake-checked-tablet-en");
    await setLanguage(page, "zh-CN");
  });

  it("packing lists per pickup point: units after the checks, print view and CSV", async () => {
    const page = c.run.page;
    await setLanguage(page, "zh-CN");
    await page.setViewportSize({ width: 1280, height: 800 });
    await intake.packingList(c);
    const sheet = (name: string) =>
      page.locator("section.packing-point").filter({ has: page.getByRole("heading", { name }) });
    // Changping: O1 eggs 3 − 1 short = 2, O2 eggs 2: 4 eggs; O2's walnut 1.
    // Tongzhou: O3 eggs 4 − 1 = 3, walnuts 2 (its millet refunded away). No millet line anywhere.
    const units = async (name: string) =>
      (await sheet(name).locator("table.packing-totals tbody td.num").allTextContents())
        .map(Number)
        .sort();
    expect(await units("昌平·回龙观")).toEqual([1, 4]);
    expect(await units("通州·梨园")).toEqual([2, 3]);
    expect(await sheet("昌平·回龙观").locator("tbody th[scope=row]").count()).toBe(2);
    expect(await page.locator("section.packing").textContent()).not.toContain("小米");
    await expectAccessible(page);

    const csv = await page.request.get(
      c.run.url(
        `/packing-list.csv?orderCycleId=${cycle.cycleId}&pickupPointId=${cycle.changpingId}&lang=en`,
      ),
    );
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines).toHaveLength(4); // header + O1's eggs, O2's eggs and walnut
    expect(lines.slice(1).every((l) => l.startsWith('"Changping, Huilongguan",'))).toBe(true);
    expect(
      lines
        .slice(1)
        .map((l) => Number(l.split(",").at(-1)))
        .sort(),
    ).toEqual([1, 2, 2]);

    await setLanguage(page, "en");
    await expect
      .poll(() => page.getByRole("heading", { name: "Tongzhou, Liyuan" }).count())
      .toBe(1);
    await expectAccessible(page);
    await c.run.shot("packing-en");
    await setLanguage(page, "zh-CN");
  });

  it("pickups on a tablet: a no-show in words, then the step marks the rest picked up", async () => {
    const page = c.run.page;
    await page.setViewportSize(TABLET);
    await page.goto(c.run.url(intake.collectionPath(c, "pickups")));
    await setLanguage(page, "zh-CN");
    await expect
      .poll(() => page.getByText("订购周期处于“已到取货点”时才能登记取货。").count())
      .toBe(1);
    await page.getByRole("button", { name: "已发车", exact: true }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "已发车" }).count()).toBe(1);
    await page.getByRole("button", { name: "已送到取货点" }).click();
    await expect.poll(() => page.locator("input[type=checkbox]:enabled").count()).toBe(3);

    const tongzhou = page
      .locator("section.pickup-point")
      .filter({ has: page.getByRole("heading", { name: "通州·梨园" }) });
    const o3 = cycle.orderIds[2]!.slice(0, 8).toUpperCase();
    await tongzhou.getByRole("button", { name: `未取货 ${o3}` }).click();
    await expect
      .poll(() => tongzhou.locator(".notice").textContent())
      .toBe(`订单 ${o3} 已登记为未取货。`);
    expect(await tongzhou.locator(".pickup-state").allTextContents()).toEqual(["未取货"]);
    await expectAccessible(page);
    await c.run.shot("pickups-tablet-zh");

    await intake.deliverAndMarkPickups(c);
    const { rows } = await c.run.server.db.query<{ id: string; state: string }>(
      "SELECT id, state FROM orders WHERE order_cycle_id = $1",
      [cycle.cycleId],
    );
    const state = new Map(rows.map((r) => [r.id, r.state]));
    expect(cycle.orderIds.map((id) => state.get(id))).toEqual([
      "PICKED_UP",
      "PICKED_UP",
      "NO_SHOW",
    ]);
    await setLanguage(page, "en");
    await expectAccessible(page);
    await c.run.shot("pickups-tablet-en");
  });
});
