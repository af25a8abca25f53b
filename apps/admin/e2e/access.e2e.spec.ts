import { seriousViolations } from "@nested/e2e-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdminE2E, startAdminE2E } from "./support.js";

let run: AdminE2E;

beforeAll(async () => {
  run = await startAdminE2E();
});
afterAll(async () => {
  await run?.close();
});

/** The labels of the main navigation's links, in order. */
async function navLabels(): Promise<string[]> {
  return run.page
    .getByRole("navigation", { name: /主导航|Main navigation/ })
    .getByRole("link")
    .allTextContents();
}

describe("signing in to the admin SPA", () => {
  it("sends a visitor to the sign-in page and refuses a wrong password in words", async () => {
    const { page } = run;
    await page.goto(run.url("/households"));
    await page.waitForURL((u) => u.pathname.endsWith("/sign-in"));
    expect(new URL(page.url()).searchParams.get("next")).toBe("/households");
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('input[name="login"]').fill("staff@demo.nested.market");
    await page.locator('input[name="password"]').fill("wrong-password");
    await page.locator('button[type="submit"]').click();
    // The API's own refusal, in the page's language (zh-CN by default).
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/密码/);
    await run.shot("00-sign-in-refused");
  });

  it("shows staff the cycle work and not the user administration", async () => {
    await run.signIn("staff@demo.nested.market");
    expect(await navLabels()).toEqual([
      "首页",
      "农户",
      "订购周期",
      "信任活动",
      "产品与价格",
      "成效",
    ]);
    expect(await seriousViolations(run.page)).toEqual([]);
    await run.shot("01-home-staff");
    await run.signOut();
  });

  it("shows a partner the impact pages only and refuses a household URL opened directly", async () => {
    const { page } = run;
    await run.signIn("partner@demo.nested.market");
    expect(await navLabels()).toEqual(["首页", "成效"]);
    await page.goto(run.url("/households/00000000-0000-4000-8000-000000000001"));
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("合作机构");
    await expect.poll(() => page.locator("h1").textContent()).toBe("无权查看");
    await run.shot("02-partner-refused-household");
    // The API refuses the same read on its own, whatever the screens do.
    const token = await run.adminToken("partner@demo.nested.market");
    await expect(
      run.admin(token, `{ households(page: { skip: 0, take: 1 }) { totalItems } }`),
    ).rejects.toThrow(/FORBIDDEN/);
    await run.signOut();
  });

  it("switches every frame string to English", async () => {
    const { page } = run;
    await run.signIn("admin@demo.nested.market");
    await page.getByRole("button", { name: "Switch to English" }).click();
    expect(await navLabels()).toEqual([
      "Home",
      "Households",
      "Order cycles",
      "Settlements",
      "Trust events",
      "Products and prices",
      "Users and partners",
      "Impact",
    ]);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByRole("button", { name: "切换到中文" }).click();
    await run.signOut();
  });
});
