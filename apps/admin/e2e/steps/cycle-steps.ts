import { seriousViolations, shopGraphql, unmarkedChinese } from "@nested/e2e-kit";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { DEMO_PASSWORD } from "../support.js";
import type { CycleRun } from "./context.js";

// Owner: the cycle board (features/cycles). Each step drives the admin SPA in run.page, asserts
// what the screen shows, saves a screenshot with run.shot("NN-name"), and leaves the cycle in the
// state named.

/** A cycle code the demo data never uses (it runs from the groups' founding to next month). */
export const CYCLE_CODE = "2031-07";

/** The field worker and finance sign-ins of the demo. */
const STAFF = "staff@demo.nested.market";
const FINANCE = "finance@demo.nested.market";

/** The variants declared, as the sheet and the offers page label them (product · variant). */
const EGGS = "柴鸡蛋 · 柴鸡蛋 1斤";
const MILLET = "小米 · 小米 5斤装";

/**
 * Declarations typed for the first four households of Baoshi's list (by code): eggs 10, 8, 6, 4
 * (= 28 jin), millet 3 and 2 bags for the first and third (= 5).
 */
const EGG_UNITS = [10, 8, 6, 4];
const MILLET_UNITS = [3, 0, 2, 0];

/**
 * Orders placed through the Shop API by three Baoshi consumers (eggs ¥16.50, millet ¥45.00):
 * c0498 5 eggs + 1 millet = 5 × 1650 + 4500 = 12 750 fen; c0499 6 eggs = 9 900 fen;
 * c0500 4 eggs + 2 millet = 6 600 + 9 000 = 15 600 fen. Eggs 5 + 6 + 4 = 15, millet 1 + 2 = 3.
 */
const ORDERS = [
  { login: "c0498@demo.nested.market", eggs: 5, millet: 1, owed: "¥127.50" },
  { login: "c0499@demo.nested.market", eggs: 6, millet: 0, owed: "¥99.00" },
  { login: "c0500@demo.nested.market", eggs: 4, millet: 2, owed: "¥156.00" },
];

/** The Shanghai day `days` from now as YYYY-MM-DD. */
function shanghaiDay(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The text of the board's state. */
function boardState(page: Page): Promise<string | null> {
  return page.getByTestId("cycle-state").textContent();
}

/** The overview row of a variant on the board: declared, offered, ordered, allocated, accepted. */
async function overviewRow(page: Page, label: string): Promise<number[]> {
  const row = page.getByTestId("overview").locator("tr", { hasText: label });
  const cells = await row.locator("td").allTextContents();
  return cells.map(Number);
}

/** Asserts that axe-core finds no serious or critical violation on the page. */
async function accessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

/** Switches the page's language with the header's button and waits for a heading to follow. */
async function switchLanguage(page: Page, to: "en" | "zh-CN", heading: RegExp): Promise<void> {
  await page
    .getByRole("button", { name: to === "en" ? "Switch to English" : "切换到中文" })
    .click();
  await expect.poll(() => page.locator("h1").textContent()).toMatch(heading);
}

/** Moves the cycle on the board with the button of the step, then waits for the new state. */
async function moveOn(page: Page, step: string, state: string): Promise<void> {
  await page.getByRole("button", { name: step, exact: true }).click();
  await expect.poll(() => boardState(page)).toBe(state);
}

/** Creates a cycle for the group in the UI and moves it to DECLARING; sets `cycleId`. */
export async function createCycle(c: CycleRun): Promise<void> {
  const { run } = c;
  const { page } = run;
  await run.signIn(STAFF);
  await page.goto(run.url(`/cycles?group=${c.producerGroupId}`));
  // The group's cycles, newest first: the demo's DECLARING next month heads the list.
  await expect
    .poll(() => page.locator("tbody tr").first().locator("td").nth(1).textContent())
    .toBe("报货中");
  await accessible(page);
  await run.shot("01-cycles-list");
  await page.getByRole("link", { name: "新建周期" }).click();
  await page.waitForURL((u) => u.pathname.endsWith("/cycles/new"));
  await page.locator("select").selectOption(c.producerGroupId);
  // Ordering opens at 00:00 Beijing time today (so the shop takes orders now) and closes in a
  // week; delivery two days after.
  await page.locator('input[name="declarationOpensOn"]').fill(shanghaiDay(0));
  await page.locator('input[name="opensAt"]').fill(`${shanghaiDay(0)}T00:00`);
  await page.locator('input[name="closesAt"]').fill(`${shanghaiDay(7)}T20:00`);
  await page.locator('input[name="deliveryOn"]').fill(shanghaiDay(9));
  // A code not of the form YYYY-MM is refused in words; the other fields stay as typed.
  await page.locator('input[name="code"]').fill("2031-7");
  await page.getByRole("button", { name: "建立周期" }).click();
  await expect.poll(() => page.locator(".field-problem").first().textContent()).toBeTruthy();
  expect(await page.locator('input[name="closesAt"]').inputValue()).toBe(`${shanghaiDay(7)}T20:00`);
  await accessible(page);
  await run.shot("01-cycle-new-refused");
  await page.locator('input[name="code"]').fill(CYCLE_CODE);
  await page.getByRole("button", { name: "建立周期" }).click();
  await page.waitForURL((u) => /\/cycles\/[0-9a-f-]{36}$/.test(u.pathname));
  c.cycleId = page.url().split("/").pop()!;
  await expect.poll(() => boardState(page)).toBe("草稿");
  await expect.poll(() => page.locator("h1").textContent()).toBe(`周期看板 · ${CYCLE_CODE}`);
  // A destructive step asks first; "no" changes nothing.
  await page.getByRole("button", { name: "取消周期" }).click();
  await expect.poll(() => page.getByRole("alertdialog").textContent()).toContain("不能撤回");
  await page.getByRole("button", { name: "不，返回" }).click();
  expect(await boardState(page)).toBe("草稿");
  // Two staff at once: a second tab starts declarations first; this tab's stale button is then
  // refused in words, with what is allowed now, and the board shows the cycle as it is.
  const other = await run.context.newPage();
  await other.goto(page.url());
  await moveOn(other, "开始报货", "报货中");
  await other.close();
  await page.getByRole("button", { name: "开始报货", exact: true }).click();
  await expect.poll(() => page.getByRole("alert").count()).toBe(1);
  await expect.poll(() => boardState(page)).toBe("报货中");
  expect(await page.getByText("现在允许的下一步：").textContent()).toBe(
    "现在允许的下一步：订购中、已取消。",
  );
  await run.shot("02-cycle-board-stale-refused");
  await page.reload();
  await expect.poll(() => boardState(page)).toBe("报货中");
  await accessible(page);
  await run.shot("02-cycle-board-declaring");
  await switchLanguage(page, "en", /^Cycle board/);
  expect(await boardState(page)).toBe("Declaring");
  await accessible(page);
  // Only the signed-in user's name in the header is Chinese on the English board.
  expect(await unmarkedChinese(page)).toEqual([]);
  await run.shot("02-cycle-board-declaring-en");
  await switchLanguage(page, "zh-CN", /^周期看板/);
}

/** Enters supply declarations for several households by keyboard down the list. */
export async function enterDeclarations(c: CycleRun): Promise<void> {
  const { run } = c;
  const { page } = run;
  await page.goto(run.url(`/cycles/${c.cycleId}/declarations`));
  const sheet = page.getByTestId("declarations");
  await sheet.waitFor();
  const codes = (await sheet.locator("tbody th").allTextContents()).map((t) => t.split(" ")[0]!);
  expect(codes.length).toBeGreaterThanOrEqual(4);
  const cell = (row: number, variant: string) =>
    page.getByRole("textbox", { name: `${codes[row]} ${variant}`, exact: true });

  // Down the eggs column by keyboard only: type, Enter, type, ↓ … focus follows.
  await cell(0, EGGS).click();
  for (const [row, units] of EGG_UNITS.entries()) {
    await page.keyboard.type(String(units));
    await page.keyboard.press(row % 2 === 0 ? "Enter" : "ArrowDown");
  }
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-household"))).toBe(
    codes[4] ?? null,
  );
  // Millet: the first household 3, the third one a typo first.
  await cell(0, MILLET).click();
  await page.keyboard.type("3");
  await cell(2, MILLET).click();
  await page.keyboard.type("2x");
  const totals = sheet.locator("tfoot td");
  const headers = await sheet.locator("thead th").allTextContents();
  const totalOf = async (label: string) =>
    Number(await totals.nth(headers.indexOf(label) - 1).textContent());
  // 10 + 8 + 6 + 4 = 28; millet 3 + (2x is not a number: 0) = 3
  expect(await totalOf(EGGS)).toBe(28);
  expect(await totalOf(MILLET)).toBe(3);

  // The save is refused as a whole; the problem sits on the millet cell and nothing typed is lost.
  await page.getByRole("button", { name: "保存报货" }).click();
  await expect.poll(() => cell(2, MILLET).getAttribute("aria-invalid")).toBe("true");
  expect(await sheet.locator(".field-problem").count()).toBe(1);
  expect(await cell(0, EGGS).inputValue()).toBe("10");
  expect(await cell(2, MILLET).inputValue()).toBe("2x");
  await accessible(page);
  await run.shot("03-declarations-refused");

  await cell(2, MILLET).fill(String(MILLET_UNITS[2]));
  expect(await totalOf(MILLET)).toBe(5);
  await page.getByRole("button", { name: "保存报货" }).click();
  // 4 egg cells + 2 millet cells changed
  await expect.poll(() => page.getByRole("status").last().textContent()).toBe("已保存 6 处改动。");
  expect(await cell(3, EGGS).inputValue()).toBe("4");
  await accessible(page);
  await run.shot("03-declarations");
  await switchLanguage(page, "en", /^Supply declarations/);
  await accessible(page);
  expect(await unmarkedChinese(page)).toEqual([]);
  await run.shot("03-declarations-en");
  await switchLanguage(page, "zh-CN", /^报货/);

  await page.goto(run.url(`/cycles/${c.cycleId}`));
  await page.getByTestId("overview").waitFor();
  expect(await overviewRow(page, "柴鸡蛋 1斤")).toEqual([28, 0, 0, 0, 0]);
  expect(await overviewRow(page, "小米 5斤装")).toEqual([5, 0, 0, 0, 0]);
}

/** Publishes offers from the declarations and moves the cycle to OPEN. */
export async function publishOffersAndOpen(c: CycleRun): Promise<void> {
  const { run } = c;
  const { page } = run;
  await page.goto(run.url(`/cycles/${c.cycleId}/offers`));
  await page.getByTestId("offers").waitFor();
  const input = (variant: string, what: string) =>
    page.getByRole("textbox", { name: `${variant} ${what}`, exact: true });
  // A producer price above the consumer price is refused by the API, on the eggs row.
  await input(EGGS, "消费者价格（元）").fill("16.50");
  await input(EGGS, "农户收购价（元）").fill("18");
  await input(EGGS, "预留件数").fill("2");
  await input(MILLET, "消费者价格（元）").fill("￥45");
  await input(MILLET, "农户收购价（元）").fill("35.00");
  await page.getByRole("button", { name: "发布报价" }).click();
  const eggsRow = page.getByTestId("offers").locator("tr", { hasText: "柴鸡蛋 1斤" });
  await expect.poll(() => eggsRow.locator(".field-problem").count()).toBe(1);
  expect(await input(MILLET, "消费者价格（元）").inputValue()).toBe("￥45");
  await run.shot("04-offers-refused");
  await input(EGGS, "农户收购价（元）").fill("12.00");
  await page.getByRole("button", { name: "发布报价" }).click();
  await expect
    .poll(() => page.getByRole("status").last().textContent())
    .toContain("已发布 2 个报价。");
  // On offer: eggs 28 − 2 = 26 at ¥16.50; millet 5 − 0 = 5 at ¥45.00
  await expect.poll(() => eggsRow.locator("td").last().textContent()).toBe("26 · ¥16.50");
  const milletRow = page.getByTestId("offers").locator("tr", { hasText: "小米 5斤装" });
  expect(await milletRow.locator("td").last().textContent()).toBe("5 · ¥45.00");
  await accessible(page);
  await run.shot("04-offers");

  await page.goto(run.url(`/cycles/${c.cycleId}`));
  await moveOn(page, "开始订购", "订购中");
  expect(await overviewRow(page, "柴鸡蛋 1斤")).toEqual([28, 26, 0, 0, 0]);
  expect(await overviewRow(page, "小米 5斤装")).toEqual([5, 5, 0, 0, 0]);
  await run.shot("05-cycle-board-open");
}

/** Places the three orders of {@link ORDERS} through the Shop API, as the consumers. */
/**
 * Places ORDERS through the Shop API as their consumers; answers, per order, the consumer
 * household's name and the pickup point's name, as the orders page should show them.
 */
async function placeShopOrders(c: CycleRun): Promise<{ consumer: string; pickupPoint: string }[]> {
  const origin = c.run.server.origin;
  const shop = <T>(query: string, variables: Record<string, unknown>, token?: string) =>
    shopGraphql<T>(origin, query, variables, token);
  const { offers } = await shop<{
    offers: { items: { id: string; variant: { nameZh: string } }[] };
  }>(
    `query($id: ID!) { offers(orderCycleId: $id, page: { skip: 0, take: 50 }) {
       items { id variant { nameZh } } } }`,
    { id: c.cycleId },
  );
  const offerOf = (name: string) => offers.items.find((o) => o.variant.nameZh === name)!.id;
  const { pickupPoints } = await shop<{ pickupPoints: { id: string; nameZh: string }[] }>(
    `query($g: ID) { pickupPoints(producerGroupId: $g) { id nameZh } }`,
    { g: c.producerGroupId },
  );
  const placed: { consumer: string; pickupPoint: string }[] = [];
  for (const [i, order] of ORDERS.entries()) {
    const { signIn } = await shop<{ signIn: { token?: string; message?: string } }>(
      `mutation($login: String!, $password: String!) {
         signIn(input: { login: $login, password: $password, tokenDelivery: BEARER }) {
           ... on SignedIn { token } ... on ErrorResult { message } } }`,
      { login: order.login, password: DEMO_PASSWORD },
    );
    expect(signIn.message).toBeUndefined();
    const lines = [
      { offerId: offerOf("柴鸡蛋 1斤"), quantity: order.eggs },
      { offerId: offerOf("小米 5斤装"), quantity: order.millet },
    ].filter((l) => l.quantity > 0);
    const { placeOrder } = await shop<{ placeOrder: { __typename: string; message?: string } }>(
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
         __typename ... on ErrorResult { message } } }`,
      {
        input: {
          orderCycleId: c.cycleId,
          pickupPointId: pickupPoints[i % pickupPoints.length]!.id,
          lines,
          idempotencyKey: `whole-cycle-order-${i}`,
        },
      },
      signIn.token,
    );
    expect(placeOrder).toEqual({ __typename: "Order" });
    const { myHouseholdProfile } = await shop<{ myHouseholdProfile: { displayName: string } }>(
      `{ myHouseholdProfile { displayName } }`,
      {},
      signIn.token,
    );
    placed.push({
      consumer: myHouseholdProfile.displayName,
      pickupPoint: pickupPoints[i % pickupPoints.length]!.nameZh,
    });
  }
  return placed;
}

/** Shows the cycle's orders (placed through the shop API) and records their payments in full. */
export async function recordPayments(c: CycleRun): Promise<void> {
  const { run } = c;
  const { page } = run;
  const placed = await placeShopOrders(c);
  await run.signOut();
  await run.signIn(FINANCE);
  await page.goto(run.url(`/cycles/${c.cycleId}/orders`));
  const table = page.getByTestId("orders");
  await table.waitFor();
  const rows = table.locator("tbody tr[data-order]");
  await expect.poll(() => rows.count()).toBe(3);
  // Oldest first, each with who ordered and where they collect; owed = due as placed (see
  // ORDERS), nothing paid yet.
  for (const [i, order] of ORDERS.entries()) {
    const cells = await rows.nth(i).locator("td").allTextContents();
    expect(cells.slice(0, 2)).toEqual([placed[i]!.consumer, placed[i]!.pickupPoint]);
    expect(cells.slice(4, 9)).toEqual(["未付款", order.owed, order.owed, "¥0.00", order.owed]);
  }
  await accessible(page);
  await run.shot("06-orders-unpaid");

  const methods = ["WECHAT_PAY", "ALIPAY", "CASH"];
  for (const [i, order] of ORDERS.entries()) {
    const row = rows.nth(i);
    const code = (await row.locator("th").textContent())!;
    await row.getByRole("button", { name: `登记付款 ${code}` }).click();
    const form = page.getByRole("form", { name: `订单 ${code} 的付款` });
    expect(await form.locator('input[name="amount"]').inputValue()).toBe(order.owed.slice(1));
    if (i === 0) {
      // More than owed is refused by the API in words; the typed amount stays.
      await form.locator('input[name="amount"]').fill("200");
      await form.getByRole("button", { name: "登记付款" }).click();
      await expect.poll(() => form.getByRole("alert").count()).toBe(1);
      expect(await form.locator('input[name="amount"]').inputValue()).toBe("200");
      await run.shot("06-payment-refused");
      await form.locator('input[name="amount"]').fill(order.owed.slice(1));
    }
    await form.locator('select[name="method"]').selectOption(methods[i]!);
    await form.getByRole("button", { name: "登记付款" }).click();
    await expect
      .poll(() => page.getByRole("status").last().textContent())
      .toBe(`已登记订单 ${code} 收到 ${order.owed}。`);
    await expect.poll(() => row.getByTestId("payment-state").textContent()).toBe("已付清");
    const cells = await row.locator("td").allTextContents();
    // Paid in full: paid = owed, balance ¥0.00
    expect(cells.slice(7, 9)).toEqual([order.owed, "¥0.00"]);
  }
  await run.shot("06-orders-paid");
  await run.signOut();
}

/** Closes the cycle and allocates it; the allocation screen shows each lot's reason. */
export async function closeAndAllocate(c: CycleRun): Promise<void> {
  const { run } = c;
  const { page } = run;
  await run.signIn(STAFF);
  await page.goto(run.url(`/cycles/${c.cycleId}`));
  await expect.poll(() => boardState(page)).toBe("订购中");
  await moveOn(page, "截止订购", "已截止");
  await moveOn(page, "分配", "已分配");
  // Ordered eggs 5 + 6 + 4 = 15 ≤ 26 on offer, millet 1 + 2 = 3: all allocated.
  expect(await overviewRow(page, "柴鸡蛋 1斤")).toEqual([28, 26, 15, 15, 0]);
  expect(await overviewRow(page, "小米 5斤装")).toEqual([5, 5, 3, 3, 0]);
  await accessible(page);
  await run.shot("07-cycle-board-allocated");

  await page.getByRole("link", { name: "分配结果" }).click();
  const table = page.getByTestId("allocation");
  await table.waitFor();
  const rows = await table
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll("td, th"), (cell) => cell.textContent ?? "")),
    );
  // One row per declared lot: 4 egg lots, 2 millet lots.
  expect(rows.length).toBe(6);
  for (const [variant, declaredUnits, ordered] of [
    ["柴鸡蛋 1斤", EGG_UNITS, 15],
    ["小米 5斤装", MILLET_UNITS, 3],
  ] as const) {
    const lots = rows.filter((r) => r[0]!.includes(variant));
    expect(lots.map((r) => Number(r[2])).sort((a, b) => b - a)).toEqual(
      declaredUnits.filter((u) => u > 0).sort((a, b) => b - a),
    );
    // Served in rank order, each lot filled up to its declaration until the orders are met.
    let left = ordered;
    for (const [i, lot] of lots.entries()) {
      const units = Math.min(Number(lot[2]), left);
      left -= units;
      expect(Number(lot[3])).toBe(units);
      if (units > 0) {
        expect(lot[5]).toBe(String(i + 1));
        expect(lot[6]).toMatch(new RegExp(`^第 ${i + 1} 位：`));
      } else {
        expect(lot[5]).toBe("—");
        expect(lot[6]).toBe("这次没有分到订单。");
      }
    }
    expect(left).toBe(0);
  }
  await accessible(page);
  await run.shot("08-allocation");
  // Allocated, the cycle's offers can be read but no longer published.
  await page.goto(run.url(`/cycles/${c.cycleId}/offers`));
  await page.getByText(/这个周期已经不能再发布报价/).waitFor();
  expect(await page.getByRole("button", { name: "发布报价" }).count()).toBe(0);
  expect(await page.locator('table[data-testid="offers"] input:not([disabled])').count()).toBe(0);
}
