import { expect } from "vitest";
import { transitionCycle } from "../settlements-setup.js";
import type { CycleRun } from "./context.js";

// Owner: settlements (features/settlements). Same rules as cycle-steps.ts. Money is finance's
// work (finance@ signs in for it); the cycle's transitions are staff's (a staff token through
// the Admin API, as the cycle board would do them). Both steps accept either page language.

const STAFF = "staff@demo.nested.market";
const FINANCE = "finance@demo.nested.market";

/** The cycle's state on the Admin API (staff's view). */
async function cycleState(c: CycleRun, token: string): Promise<string> {
  const res = await c.run.admin<{ orderCycle: { state?: string; message?: string } }>(
    token,
    `query($id: ID!) { orderCycle(id: $id) { ... on AdminOrderCycle { state } ... on ErrorResult { message } } }`,
    { id: c.cycleId },
  );
  if (!res.orderCycle.state) throw new Error(`cycle ${c.cycleId}: ${res.orderCycle.message}`);
  return res.orderCycle.state;
}

/** Opens the cycle's settlements page and waits for its table. */
async function openSettlements(c: CycleRun): Promise<void> {
  const { page } = c.run;
  await page.goto(c.run.url(`/settlements?cycle=${c.cycleId}`));
  await page.locator("table.settlements tbody tr").first().waitFor();
}

/** The state cell of every settlement row, in household-code order. */
function stateCells(c: CycleRun) {
  return c.run.page.locator('table.settlements tbody td[data-col="state"]').allTextContents();
}

/**
 * Moves to SETTLING, approves and pays every household's settlement (as finance).
 *
 * Starts signed in as staff with the cycle DELIVERED (or already SETTLING); staff moves it to
 * SETTLING, then finance signs in, opens `/settlements?cycle=…`, approves each calculated
 * settlement from the table and pays each approved one on its own page (bank transfer, today,
 * reference PAY-<household code>). Ends signed in as finance with every settlement PAID.
 */
export async function approveAndPaySettlements(c: CycleRun): Promise<void> {
  const { page } = c.run;
  const staff = await c.run.adminToken(STAFF);
  if ((await cycleState(c, staff)) === "DELIVERED")
    await transitionCycle(c.run, staff, c.cycleId, "SETTLING");
  expect(await cycleState(c, staff)).toBe("SETTLING");
  await c.run.signOut();
  await c.run.signIn(FINANCE);

  await openSettlements(c);
  await c.run.shot("20-settlements-calculated");
  const approve = page.getByRole("button", { name: /^(审批|Approve) / });
  while ((await approve.count()) > 0) {
    const before = await approve.count();
    await approve.first().click();
    await expect.poll(() => approve.count()).toBe(before - 1);
  }
  // every settlement approved (or, on a second run, already further on)
  expect(await stateCells(c)).not.toContain("已计算");

  const rows = page.locator("table.settlements tbody tr");
  const links = await rows
    .locator("th a")
    .evaluateAll((as) =>
      as.map((a) => ({ href: (a as HTMLAnchorElement).pathname, code: a.textContent ?? "" })),
    );
  for (const { href, code } of links) {
    await page.goto(c.run.url(href.replace(/^\/admin/, "")));
    const pay = page.getByRole("button", { name: /^(登记为已付款|Mark as paid)$/ });
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.getByRole("heading", { name: /^(操作|Actions)$/ }).waitFor();
    if ((await pay.count()) === 0) continue;
    await page.locator('select[name="method"]').selectOption("BANK_TRANSFER");
    await page.locator('input[name="reference"]').fill(`PAY-${code}`);
    await pay.click();
    await expect
      .poll(() => page.locator("dl.facts dd").first().textContent())
      .toMatch(/^(已付款|Paid)$/);
  }
  await openSettlements(c);
  expect(new Set(await stateCells(c))).toEqual(new Set([(await isEnglish(c)) ? "Paid" : "已付款"]));
  await c.run.shot("21-settlements-paid");
}

/** True when the admin SPA shows English. */
async function isEnglish(c: CycleRun): Promise<boolean> {
  return (await c.run.page.locator("html").getAttribute("lang")) === "en";
}

/**
 * The reconciliation panel reads ¥0.00; the cycle moves to SETTLED.
 *
 * Starts signed in as finance with every settlement PAID. Records each refund owed to a consumer
 * (WeChat Pay, reference RF-<order>), checks that the panel's difference reads ¥0.00 in green,
 * then staff moves the cycle to SETTLED; finance sees the cycle settled with the panel still at
 * ¥0.00. Ends signed in as staff.
 */
export async function reconcileAndClose(c: CycleRun): Promise<void> {
  const { page } = c.run;
  await openSettlements(c);
  const refund = page.getByRole("button", { name: /^(登记退款|Record refund)$/ });
  const nothingOwed = page
    .locator("#refunds-title ~ p")
    .filter({ hasText: /没有应退的款项|Nothing is owed back/ });
  // The refunds panel loads on its own: wait for its answer (refunds, or none owed) before
  // counting, or a slow machine counts zero refunds while it is still loading.
  await expect
    .poll(async () => (await refund.count()) > 0 || (await nothingOwed.count()) > 0)
    .toBe(true);
  while ((await refund.count()) > 0) {
    const before = await refund.count();
    const row = page.locator("tr[data-order]").first();
    const order = await row.getAttribute("data-order");
    await row.locator('input[name="reference"]').fill(`RF-${order}`);
    await refund.first().click();
    await expect.poll(() => refund.count()).toBe(before - 1);
  }
  await expect
    .poll(() => page.locator("#refunds-title ~ p").textContent())
    .toMatch(/没有应退的款项|Nothing is owed back/);

  const difference = page.locator(".difference");
  await expect.poll(() => difference.locator("strong").textContent()).toBe("¥0.00");
  expect(await difference.getAttribute("class")).toContain("balanced");
  expect(await difference.getAttribute("data-difference")).toBe("0");
  await page.locator(".recon-panel").scrollIntoViewIfNeeded();
  await c.run.shot("22-reconciliation");

  await c.run.signOut();
  await c.run.signIn(STAFF);
  const staff = await c.run.adminToken(STAFF);
  await transitionCycle(c.run, staff, c.cycleId, "SETTLED");
  expect(await cycleState(c, staff)).toBe("SETTLED");

  await c.run.signOut();
  await c.run.signIn(FINANCE);
  await openSettlements(c);
  await expect.poll(() => page.getByText(/周期状态：已结算|Cycle state: Settled/).count()).toBe(1);
  await expect.poll(() => difference.locator("strong").textContent()).toBe("¥0.00");
  await c.run.shot("23-cycle-settled");
  await c.run.signOut();
  await c.run.signIn(STAFF);
}
