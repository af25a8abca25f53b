import { mkdirSync } from "node:fs";
import path from "node:path";
import { formatFen } from "@nested/domain";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemName } from "../src/lib/format.js";
import {
  launchChromium,
  seriousViolations,
  shopGraphql,
  startTestServer,
  type TestServer,
  unmarkedChinese,
  VIEWPORTS,
} from "@nested/e2e-kit";

const SHOTS = path.resolve(import.meta.dirname, "../e2e-screenshots");

interface OfferRow {
  id: string;
  price: number;
  quantityAvailable: number;
  product: { id: string; nameZh: string; nameEn: string };
  variant: { nameZh: string; nameEn: string; maxPerOrder: number };
}

let server: TestServer;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let page: Page;
let invitationCode: string;
let cycleId: string;
let offerA: OfferRow;
let offerB: OfferRow;
const email = `e2e-${Date.now()}@example.com`;

/** Asks c0001 (a demo consumer of Sanggang) for an invitation code and reads its market's offers. */
async function prepareData(): Promise<void> {
  const signIn = await shopGraphql<{ signIn: { token?: string } }>(
    server.origin,
    `mutation { signIn(input: { login: "c0001@demo.nested.market", password: "demo1234", tokenDelivery: BEARER }) { ... on SignedIn { token } } }`,
  );
  const token = signIn.signIn.token!;
  const code = await shopGraphql<{ createInvitationCode: { code: string } }>(
    server.origin,
    `mutation { createInvitationCode { ... on InvitationCode { code } } }`,
    {},
    token,
  );
  invitationCode = code.createInvitationCode.code;
  const market = await shopGraphql<{
    myHouseholdProfile: { producerGroupId: string };
  }>(server.origin, `{ myHouseholdProfile { producerGroupId } }`, {}, token);
  const cycles = await shopGraphql<{
    currentCycles: { current: { id: string; state: string } | null }[];
  }>(
    server.origin,
    `query($g: ID) { currentCycles(producerGroupId: $g) { current { id state } } }`,
    {
      g: market.myHouseholdProfile.producerGroupId,
    },
  );
  const current = cycles.currentCycles[0]?.current;
  expect(current?.state).toBe("OPEN");
  cycleId = current!.id;
  const offers = await shopGraphql<{ offers: { items: OfferRow[] } }>(
    server.origin,
    `query($c: ID!) { offers(orderCycleId: $c, page: { skip: 0, take: 100 }) { items {
       id price quantityAvailable product { id nameZh nameEn } variant { nameZh nameEn maxPerOrder } } } }`,
    { c: cycleId },
  );
  const orderable = offers.offers.items.filter(
    (o) => o.quantityAvailable >= 5 && o.variant.maxPerOrder >= 2,
  );
  offerA = orderable[0]!;
  offerB = orderable.find((o) => o.product.id !== offerA.product.id)!;
  expect(offerA && offerB).toBeTruthy();
}

async function settle(p: Page): Promise<void> {
  await p.waitForLoadState("networkidle");
  await p.locator("h1").first().waitFor();
}

/** Saves `name` at phone and desktop size (full page), then goes back to the phone size. */
async function screenshots(name: string): Promise<void> {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(100);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(VIEWPORTS.phone);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startTestServer();
  await prepareData();
  chromium = await launchChromium();
  context = await chromium.browser.newContext({ viewport: VIEWPORTS.phone, locale: "zh-CN" });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await chromium?.close();
  await server?.stop();
});

describe("the shop in Chromium against the API with the demo data", () => {
  const nameA = () => itemName(offerA.product.nameZh, offerA.variant.nameZh);
  const nameB = () => itemName(offerB.product.nameZh, offerB.variant.nameZh);

  it("registers with an invitation code, browses, searches, orders, and finds the order in My orders", async () => {
    await page.goto(`${server.origin}/shop/`);
    await settle(page);
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await screenshots("home-anonymous");

    await page.getByRole("link", { name: "账户" }).click();
    await page.getByLabel("邀请码", { exact: true }).fill(invitationCode);
    await page.getByLabel("怎么称呼您家", { exact: true }).fill("测试之家");
    await page.getByLabel("邮箱", { exact: true }).fill(email);
    await page.getByLabel("密码（至少 8 位）", { exact: true }).fill("e2e-password-1");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await page.getByText("当前登录：").waitFor();
    await settle(page);
    await screenshots("account");

    // Browse: the household's own market shows its open cycle and its offers by category.
    await page.getByRole("link", { name: "商店" }).click();
    await page.getByText("正在接受订购").waitFor();
    await page.getByRole("button", { name: `加入购物车：${nameA()}` }).waitFor();
    await screenshots("home");

    // Search by the product's Chinese name: offer A is among the matches.
    await page.getByLabel("搜索商品", { exact: true }).fill(offerA.product.nameZh);
    await page.getByRole("button", { name: "搜索", exact: true }).click();
    await page.getByText(`“${offerA.product.nameZh}”找到`).waitFor();
    await page.getByRole("button", { name: `加入购物车：${nameA()}` }).click();
    await expect.poll(() => page.getByRole("link", { name: "购物车（1）" }).count()).toBe(1);

    // The product page: price, growers, township price and the household's share.
    await page.getByRole("link", { name: offerA.product.nameZh, exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: offerA.product.nameZh }).waitFor();
    await page.getByText("农户所得").first().waitFor();
    await settle(page);
    await screenshots("product");

    // Cart: 2 units of A at the pickup point, total 2 × price worked out from the offer's price.
    await page.getByRole("link", { name: "购物车（1）" }).click();
    await page.getByLabel(`${nameA()}的数量`).fill("2");
    await page.getByLabel("取货点", { exact: true }).selectOption({ index: 1 });
    const total = formatFen(2 * offerA.price);
    await page.getByText(total, { exact: true }).first().waitFor();
    await screenshots("cart");
    await page.getByRole("button", { name: `提交订单（${total}）` }).click();
    await page.getByRole("heading", { name: "谢谢！订单已提交" }).waitFor();
    await page.getByText("取货时间").waitFor();
    await settle(page);
    await screenshots("confirmation");

    await page.getByRole("link", { name: "我的订单" }).click();
    await page.getByText(nameA()).first().waitFor();
    await page.getByText("已下单").first().waitFor();
    // The order's total, once My orders has drawn it (a loaded machine draws it a moment later).
    await expect.poll(() => page.getByText(total).count()).toBeGreaterThan(0);
    await settle(page);
    await screenshots("orders");
    // The cart was emptied by the order.
    expect(await page.getByRole("link", { name: "购物车（0）" }).count()).toBe(1);
  });

  it("says how many are left when an offer sells out between cart and checkout, and keeps the cart", async () => {
    await page.getByRole("link", { name: "商店" }).click();
    const add = page.getByRole("button", { name: `加入购物车：${nameB()}` });
    await add.click();
    await add.click();
    await page.getByRole("link", { name: "购物车（2）" }).click();
    await page.getByLabel("取货点", { exact: true }).selectOption({ index: 1 });
    // Meanwhile other households buy all but one unit: available = total − reserved = 1.
    await server.db.query(
      `UPDATE offers SET quantity_total = quantity_reserved + 1 WHERE id = $1`,
      [offerB.id],
    );
    await page.getByRole("button", { name: `提交订单（${formatFen(2 * offerB.price)}）` }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`${nameB()}快卖完了：只剩 1 份`);
    await screenshots("cart-sold-out");
    expect(await page.getByLabel(`${nameB()}的数量`).inputValue()).toBe("2");
    // The cart survives a reload (localStorage).
    await page.reload();
    await settle(page);
    expect(await page.getByLabel(`${nameB()}的数量`).inputValue()).toBe("2");
  });

  it("is usable by keyboard and says so in words when the network fails", async () => {
    await page.goto(`${server.origin}/shop/visits`);
    await settle(page);
    // The first Tab reaches the skip link; Enter moves the focus to the main landmark.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("跳到正文");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");

    // With the API unreachable, a fresh page says it could not reach the market and offers a retry.
    await page.route("**/shop/graphql", (route) => route.abort("connectionrefused"));
    await page.goto(`${server.origin}/shop/visits`);
    await page.getByText("暂时连不上市场，请检查网络后重试。").waitFor();
    await screenshots("visits-offline");
    await page.unroute("**/shop/graphql");
    await page.getByRole("button", { name: "重试" }).first().click();
    await page.getByRole("heading", { level: 1, name: "下乡参访" }).waitFor();
    expect(await page.getByText("暂时连不上市场").count()).toBe(0);
  });

  const MAIN_PAGES = () => [
    ["home", "/shop/"],
    ["product", `/shop/products/${offerA.product.id}?cycle=${cycleId}`],
    ["cart", "/shop/cart"],
    ["orders", "/shop/orders"],
    ["visits", "/shop/visits"],
    ["account", "/shop/account"],
    ["impact", "/shop/impact"],
  ];

  /** How much wider than the 390 px phone the page is (0 when nothing sticks out sideways). */
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  it("has no serious or critical axe-core violation on the main pages (zh-CN), none wider than a phone", async () => {
    const found: Record<string, unknown> = {};
    const tooWide: Record<string, number> = {};
    for (const [name, url] of MAIN_PAGES()) {
      await page.goto(`${server.origin}${url}`);
      await settle(page);
      expect(page.viewportSize()?.width).toBe(390);
      const excess = await overflow();
      if (excess > 0) tooWide[name!] = excess;
      if (name === "visits" || name === "impact") await screenshots(name);
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[name!] = violations;
    }
    expect(found).toEqual({});
    expect(tooWide).toEqual({});
  });

  it("switches every visible string to English with one tap, and back", async () => {
    await page.goto(`${server.origin}/shop/`);
    await settle(page);
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page
      .getByRole("heading", { level: 1, name: "This month's food from the villages" })
      .waitFor();
    // The signed-in household's language is saved on its profile too.
    const savedLocale = async () =>
      (await server.db.query(`SELECT locale FROM users WHERE email = $1`, [email])).rows[0]?.locale;
    await expect.poll(savedLocale).toBe("en");
    const leftovers: Record<string, string[]> = {};
    const found: Record<string, unknown> = {};
    const tooWide: Record<string, number> = {};
    for (const [name, url] of MAIN_PAGES()) {
      await page.goto(`${server.origin}${url}`);
      await settle(page);
      const excess = await overflow();
      if (excess > 0) tooWide[name!] = excess;
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      const chinese = await unmarkedChinese(page);
      if (chinese.length > 0) leftovers[name!] = chinese;
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[name!] = violations;
      await screenshots(`${name}-en`);
    }
    expect(leftovers).toEqual({});
    expect(found).toEqual({});
    expect(tooWide).toEqual({});
    expect(await page.title()).toBe("Nested Market");
    await page.getByRole("button", { name: "切换到中文" }).click();
    await page.getByRole("heading", { level: 1, name: "成效" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
  });
});
