import { formatFen } from "@nested/domain";
import { expect } from "vitest";
import type { CycleRun } from "./context.js";

// Owner: intake, packing and pickup (features/intake). Same rules as cycle-steps.ts.

/** Where the collection point's pages of the run's cycle are (`page`: intake, packing, pickups). */
export function collectionPath(c: CycleRun, page: "intake" | "packing" | "pickups"): string {
  return `/cycles/${c.cycleId}/${page}`;
}

const STAFF = "staff@demo.nested.market";

interface ApiLot {
  id: string;
  householdCode: string;
  variantId: string;
  state: string;
  quantityAllocated: number;
}

/** The cycle's lots in the intake screen's order and its offers' unit prices (fen), by API. */
async function lotsAndPrices(
  c: CycleRun,
): Promise<{ lots: ApiLot[]; priceFen: Map<string, number> }> {
  const token = await c.run.adminToken(STAFF);
  const data = await c.run.admin<{
    lots: { items: ApiLot[]; totalItems: number };
    offers: { variantId: string; priceFen: number }[];
  }>(
    token,
    `query($id: ID!) {
      lots(orderCycleId: $id, page: { skip: 0, take: 50 }) {
        totalItems items { id householdCode variantId state quantityAllocated } }
      offers(orderCycleId: $id) { variantId priceFen } }`,
    { id: c.cycleId },
  );
  expect(data.lots.totalItems, "the intake screen shows its first 50 lots").toBeLessThanOrEqual(50);
  return {
    lots: data.lots.items,
    priceFen: new Map(data.offers.map((o) => [o.variantId, o.priceFen])),
  };
}

/** Clicks the frame's button moving the cycle to the state named, and waits for its notice. */
async function moveIfOffered(c: CycleRun, button: RegExp, state: RegExp): Promise<void> {
  const page = c.run.page;
  const move = page.getByRole("button", { name: button });
  if ((await move.count()) === 0) return;
  await move.click();
  await expect.poll(() => page.getByRole("status").filter({ hasText: state }).count()).toBe(1);
}

/**
 * Moves to COLLECTING and checks every lot on the intake screen, one of them REJECTED.
 *
 * From ALLOCATED, "Start intake" moves the cycle on; lots already checked are left as they are.
 * Of the lots still to check, down the screen, every one but the last is accepted whole by Enter
 * in its received field (received = allocated, the field's default), showing "nothing short",
 * and Enter moves the focus to the next lot; the last is rejected (reason "cracked", one tap) and
 * its refund asserted: a rejected lot is short all its allocated units, each refunded at its
 * line's unit price, which is the offer's price, so refund = allocated × price (fen). Ends with "N of N lots checked", N the lots allocated
 * anything.
 */
export async function qualityCheckWithOneRejection(c: CycleRun): Promise<void> {
  const page = c.run.page;
  await page.goto(c.run.url(collectionPath(c, "intake")));
  await page.getByRole("heading", { level: 1 }).waitFor();
  await moveIfOffered(c, /开始收货|Start intake/, /收货中|Collecting/);
  const { lots, priceFen } = await lotsAndPrices(c);
  const toCheck = lots.flatMap((lot, index) => (lot.state === "ALLOCATED" ? [{ lot, index }] : []));
  expect(toCheck.length).toBeGreaterThan(0);
  for (const [n, { lot, index }] of toCheck.entries()) {
    const section = page.locator("section.lot").nth(index);
    await expect.poll(() => section.locator("h3").textContent()).toContain(lot.householdCode);
    if (n === toCheck.length - 1) {
      await section.getByRole("button", { name: /^(不合格|Reject)$/ }).click();
      await section.getByRole("button", { name: /破损|Cracked or broken/ }).click();
      const refund = formatFen(lot.quantityAllocated * priceFen.get(lot.variantId)!);
      await expect
        .poll(() => section.locator(".lot-refund").textContent())
        .toMatch(
          new RegExp(
            `(缺 ${lot.quantityAllocated} 件，退款|${lot.quantityAllocated} units short, refund) \\${refund}`,
          ),
        );
      await expect
        .poll(() => section.locator(".lot-state").textContent())
        .toMatch(/不合格|Rejected/);
    } else {
      await section.locator("input[data-received]").press("Enter");
      await expect
        .poll(() => section.locator(".lot-refund").textContent())
        .toMatch(/无缺件，无退款|Nothing short, no refund/);
      const next = toCheck[n + 1];
      if (next) {
        // Enter moved on: the next lot's received field has the focus
        const field = page.locator("section.lot").nth(next.index).locator("input[data-received]");
        await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
      }
    }
  }
  const allocated = lots.filter((l) => l.state !== "DECLARED").length;
  await expect
    .poll(() => page.locator(".intake-progress p").textContent())
    .toMatch(
      new RegExp(`已检 ${allocated} / ${allocated} 批|${allocated} of ${allocated} lots checked`),
    );
  await c.run.shot("06-quality-check");
}

/**
 * Moves to PACKED, opens the packing list per pickup point (print view, CSV link).
 *
 * "Packing done" moves a COLLECTING cycle on. There is one sheet per pickup point of the API's
 * packing list, with that point's totals per variant as the API gives them; each CSV link answers
 * 200 with text/csv under the page's session cookie and holds the point's orders; printed, the
 * navigation is hidden and each sheet breaks the page after it.
 */
export async function packingList(c: CycleRun): Promise<void> {
  const page = c.run.page;
  await page.goto(c.run.url(collectionPath(c, "packing")));
  await page.getByRole("heading", { level: 1 }).waitFor();
  await moveIfOffered(c, /分拣完成|Packing done/, /已分拣|Packed/);
  const token = await c.run.adminToken(STAFF);
  const data = await c.run.admin<{
    packingList: {
      pickupPoints: {
        nameZh: string;
        nameEn: string;
        orders: { shortCode: string }[];
        totals: { units: number }[];
      }[];
    };
  }>(
    token,
    `query($id: ID!) { packingList(orderCycleId: $id) { ... on PackingList {
      pickupPoints { nameZh nameEn orders { shortCode } totals { units } } } } }`,
    { id: c.cycleId },
  );
  const points = data.packingList.pickupPoints;
  expect(points.length).toBeGreaterThan(0);
  const sheets = page.locator("section.packing-point");
  await expect.poll(() => sheets.count()).toBe(points.length);
  for (const [i, point] of points.entries()) {
    const sheet = sheets.nth(i);
    expect([point.nameZh, point.nameEn]).toContain(await sheet.locator("h3").textContent());
    const units = await sheet.locator("table.packing-totals tbody td.num").allTextContents();
    expect(units.map(Number)).toEqual(point.totals.map((x) => x.units));
    const href = await sheet.getByRole("link", { name: /CSV/ }).getAttribute("href");
    const csv = await page.request.get(new URL(href!, page.url()).toString());
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const text = await csv.text();
    for (const order of point.orders) expect(text).toContain(order.shortCode);
  }
  await page.emulateMedia({ media: "print" });
  expect(await page.locator("nav.nav").isVisible()).toBe(false);
  expect(await sheets.first().evaluate((el) => getComputedStyle(el).breakAfter)).toBe(
    points.length > 1 ? "page" : "auto",
  );
  await c.run.shot("07-packing-list");
  await page.emulateMedia({ media: "screen" });
}

/**
 * Moves to DISPATCHED and DELIVERED and marks every order picked up.
 *
 * On the pickup page the frame's "Dispatched" and "Delivered" buttons move the cycle on (those
 * not offered any more are skipped); then per pickup point every order still waiting is ticked
 * and "Mark picked up (n)" answers "n orders marked as picked up"; every order then reads
 * "picked up" (or "not collected" if marked a no-show before), and the API agrees.
 */
export async function deliverAndMarkPickups(c: CycleRun): Promise<void> {
  const page = c.run.page;
  await page.goto(c.run.url(collectionPath(c, "pickups")));
  await page.getByRole("heading", { level: 1 }).waitFor();
  await moveIfOffered(c, /^(已发车|Dispatched)$/, /已发车|Dispatched/);
  await moveIfOffered(c, /已送到取货点|Delivered to the pickup points/, /已送达|Delivered/);
  const points = page.locator("section.pickup-point");
  await expect.poll(() => points.count()).toBeGreaterThan(0);
  // Delivered, the orders become markable once the list has been fetched again: wait for that,
  // or a slow machine finds nothing to mark yet.
  await expect
    .poll(() => points.locator("input[type=checkbox]:enabled").count(), { timeout: 30_000 })
    .toBeGreaterThan(0);
  for (let i = 0; i < (await points.count()); i += 1) {
    const point = points.nth(i);
    const boxes = point.locator("input[type=checkbox]:enabled");
    const waiting = await boxes.count();
    if (waiting === 0) continue;
    for (let b = 0; b < waiting; b += 1) await boxes.nth(b).check();
    await point.getByRole("button", { name: /登记已取货|Mark picked up/ }).click();
    await expect
      .poll(() => point.locator(".notice").textContent())
      .toMatch(new RegExp(`${waiting} (个订单已登记为已取货|orders marked as picked up)`));
  }
  const states = await page.locator(".pickup-state").allTextContents();
  for (const state of states) expect(state).toMatch(/已取货|未取货|Picked up|Not collected/);
  const { rows } = await c.run.server.db.query<{ state: string }>(
    "SELECT DISTINCT state FROM orders WHERE order_cycle_id = $1 AND state <> 'CANCELLED'",
    [c.cycleId],
  );
  for (const row of rows) expect(["PICKED_UP", "NO_SHOW"]).toContain(row.state);
  await c.run.shot("08-pickups");
}
