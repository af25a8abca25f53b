/**
 * The settlements pages in a real Chromium on the demo database, on a small Baoshi month set up
 * through the APIs (settlements-setup.ts): A declares 4 units, B 2; three consumers order 2 each
 * at ¥15.00 (producer price ¥12.00) and pay ¥30.00 each; A's lot is accepted 3 of 4, B's whole.
 *
 * Baoshi's demo fee rules (seed plan, settlements.ts): TRANSPORT 5 %, PACKAGING 2 %, GROUP_FUND
 * 2 %, all percent of gross. Worked by hand (packages/domain README: per rule round-half-up of
 * the group's gross × rate, split by gross with largest remainders):
 *   gross A 3 × 1200 = 3600, B 2 × 1200 = 2400; group 6000.
 *   TRANSPORT 6000 × 5 % = 300 → 3600 : 2400 = 180 : 120.
 *   PACKAGING 6000 × 2 % = 120 → 72 : 48; GROUP_FUND the same 72 : 48.
 *   fees A 180 + 72 + 72 = 324, B 120 + 48 + 48 = 216.
 *   net A 3600 − 324 = 3276 (¥32.76), B 2400 − 216 = 2184 (¥21.84).
 * Reconciliation: payments 3 × 3000 = 9000; payouts 3276 + 2184 = 5460; deductions 540 and
 *   market margin 5 accepted units × (1500 − 1200) = 1500, fees 2040; refunds: the one order that
 *   lost a unit is due 3000 − 1500 = 1500 and paid 3000 → 1500; balances due 0.
 *   9000 − (5460 + 2040 + 1500 − 0) = 0 → ¥0.00.
 */
import { seriousViolations, unmarkedChinese } from "@nested/e2e-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DeliveredBaoshiCycle,
  deliveredBaoshiCycle,
  transitionCycle,
} from "./settlements-setup.js";
import type { CycleRun } from "./steps/context.js";
import { approveAndPaySettlements, reconcileAndClose } from "./steps/settlement-steps.js";
import { type AdminE2E, startAdminE2E } from "./support.js";

const STAFF = "staff@demo.nested.market";
const FINANCE = "finance@demo.nested.market";

let run: AdminE2E;
let s: DeliveredBaoshiCycle;
let finance: string;

beforeAll(async () => {
  run = await startAdminE2E();
  s = await deliveredBaoshiCycle(run);
  finance = await run.adminToken(FINANCE);
});
afterAll(async () => {
  await run?.close();
});

/** The texts of a settlement row's cells (gross, the three fees, fees, adjustments, net, state). */
function rowCells(code: string): Promise<string[]> {
  return run.page.locator(`tr[data-household="${code}"] td:not(.no-print)`).allTextContents();
}

/** The reconciliation panel's terms as shown, by term. */
async function reconciliationShown(): Promise<Record<string, string>> {
  const rows = await run.page
    .locator(".reconciliation tr")
    .evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute("data-term"), tr.querySelector("td")?.textContent]),
    );
  return Object.fromEntries(rows);
}

const SETTLEMENTS = `query($id: ID!) { settlements(orderCycleId: $id) { items {
  id householdCode state grossFen deductionsFen adjustmentsFen netFen paidMethod payoutReference
  correctsSettlementId deductions { kind amountFen } } } }`;
type Row = {
  id: string;
  householdCode: string;
  state: string;
  grossFen: number;
  deductionsFen: number;
  netFen: number;
  paidMethod: string | null;
  payoutReference: string | null;
  correctsSettlementId: string | null;
  deductions: { kind: string; amountFen: number }[];
};

async function settlementRows(cycleId = s.cycleId): Promise<Row[]> {
  return (await run.admin<{ settlements: { items: Row[] } }>(finance, SETTLEMENTS, { id: cycleId }))
    .settlements.items;
}

describe("the settlements pages", () => {
  it("show each household's settlement and the reconciliation, worked by hand, in both languages", async () => {
    const { page } = run;
    await transitionCycle(run, await run.adminToken(STAFF), s.cycleId, "SETTLING");
    await run.signIn(FINANCE);
    await page.goto(run.url(`/settlements?cycle=${s.cycleId}`));
    await page.locator(`tr[data-household="${s.codeA}"]`).waitFor();
    // gross, transport, packaging, group fund, fees, adjustments, net, state
    expect(await rowCells(s.codeA)).toEqual([
      "¥36.00",
      "¥1.80",
      "¥0.72",
      "¥0.72",
      "¥3.24",
      "¥0.00",
      "¥32.76",
      "已计算",
    ]);
    expect(await rowCells(s.codeB)).toEqual([
      "¥24.00",
      "¥1.20",
      "¥0.48",
      "¥0.48",
      "¥2.16",
      "¥0.00",
      "¥21.84",
      "已计算",
    ]);
    // the panel: payments ¥90.00 = payouts ¥54.60 + fees ¥20.40 + refunds ¥15.00 − ¥0.00
    await page.locator(".reconciliation").waitFor();
    expect(await reconciliationShown()).toEqual({
      payments: "¥90.00",
      payouts: "¥54.60",
      fees: "¥20.40",
      refunds: "¥15.00",
      balancesDue: "¥0.00",
    });
    expect(await page.locator(".difference strong").textContent()).toBe("¥0.00");
    expect(await page.locator(".difference").getAttribute("class")).toContain("balanced");
    // the one order that lost a unit is owed ¥15.00 back
    expect(await page.locator("tr[data-order] td strong").allTextContents()).toEqual(["¥15.00"]);
    // recalculating while SETTLING replaces the two unapproved settlements with the same figures
    await page.getByRole("button", { name: "重新计算结算" }).click();
    await expect
      .poll(() => page.getByRole("status").allTextContents())
      .toContain("已重新计算 2 条结算（已审批的不变）。");
    await expect.poll(() => rowCells(s.codeA)).toContain("¥32.76");
    expect(await seriousViolations(page)).toEqual([]);
    await run.shot("settlements-zh");

    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Settlements");
    expect((await rowCells(s.codeA)).at(-1)).toBe("Calculated");
    expect(await page.locator(".difference").textContent()).toContain(
      "The books agree: difference ¥0.00.",
    );
    expect(await unmarkedChinese(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await run.shot("settlements-en");
    await page.getByRole("button", { name: "切换到中文" }).click();
  });

  it("show the fee rules as percentages and refuse bad ones in words, keeping what was typed", async () => {
    const { page } = run;
    await page.goto(run.url(`/settlements/fee-rules?group=${s.producerGroupId}`));
    await page.locator("table.fee-rules tbody tr").first().waitFor();
    // 500, 200 and 200 basis points shown as percentages with one decimal
    const amounts = await page
      .locator("table.fee-rules tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.getAttribute("data-kind"),
          tr.querySelector('[data-col="amount"]')?.textContent,
        ]),
      );
    expect(Object.fromEntries(amounts)).toEqual({
      GROUP_FUND: "2.0%",
      PACKAGING: "2.0%",
      TRANSPORT: "5.0%",
    });
    expect(await seriousViolations(page)).toEqual([]);

    const amount = page.locator('form input[name="amount"]');
    const add = page.getByRole("button", { name: "添加规则" });
    // three decimals of a percent is not a whole basis point: refused before the API is asked
    await amount.fill("2.555");
    await add.click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("最多两位小数");
    expect(await amount.inputValue()).toBe("2.555");
    // 4.5 % from today overlaps the open 5 % transport rule: the API refuses in words
    await amount.fill("4.5");
    await add.click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("两条规则不能在同一天都有效");
    expect(await amount.inputValue()).toBe("4.5");
    await run.shot("settlements-fee-rules-refused");
    const rules = await run.admin<{ feeRules: unknown[] }>(
      finance,
      `query($g: ID!) { feeRules(producerGroupId: $g) { id } }`,
      { g: s.producerGroupId },
    );
    expect(rules.feeRules).toHaveLength(3);
  });

  it("approve on a settlement's page; a payout day in the future is refused, nothing typed lost", async () => {
    const { page } = run;
    const a = (await settlementRows()).find((r) => r.householdCode === s.codeA)!;
    await page.goto(run.url(`/settlements/${a.id}`));
    await page.getByRole("button", { name: "审批", exact: true }).click();
    await expect.poll(() => page.locator("dl.facts dd").first().textContent()).toBe("已审批");
    // tomorrow in Shanghai (UTC+8)
    const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    await page.locator('input[name="paidOn"]').fill(tomorrow);
    await page.locator('input[name="reference"]').fill("PAY-EARLY");
    await page.getByRole("button", { name: "登记为已付款" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("付款日不能晚于今天");
    expect(await page.locator('input[name="paidOn"]').inputValue()).toBe(tomorrow);
    expect(await page.locator('input[name="reference"]').inputValue()).toBe("PAY-EARLY");
    expect((await settlementRows()).find((r) => r.id === a.id)!.state).toBe("APPROVED");
    expect(await seriousViolations(page)).toEqual([]);
    await run.shot("settlements-detail-future-refused");
    await run.signOut();
  });

  it("run the whole-cycle steps: approved and paid, refunds recorded, ¥0.00, SETTLED", async () => {
    // the steps' contract: signed in as staff, the cycle SETTLING or DELIVERED
    await run.signIn(STAFF);
    const c: CycleRun = { run, producerGroupId: s.producerGroupId, cycleId: s.cycleId };
    await approveAndPaySettlements(c);
    await reconcileAndClose(c);

    const rows = await settlementRows();
    const figures = Object.fromEntries(
      rows.map((r) => [
        r.householdCode,
        {
          state: r.state,
          gross: r.grossFen,
          fees: Object.fromEntries(r.deductions.map((d) => [d.kind, d.amountFen])),
          deductions: r.deductionsFen,
          net: r.netFen,
          paid: `${r.paidMethod} ${r.payoutReference}`,
        },
      ]),
    );
    expect(figures).toEqual({
      [s.codeA]: {
        state: "PAID",
        gross: 3600,
        fees: { TRANSPORT: 180, PACKAGING: 72, GROUP_FUND: 72 },
        deductions: 324,
        net: 3276,
        paid: `BANK_TRANSFER PAY-${s.codeA}`,
      },
      [s.codeB]: {
        state: "PAID",
        gross: 2400,
        fees: { TRANSPORT: 120, PACKAGING: 48, GROUP_FUND: 48 },
        deductions: 216,
        net: 2184,
        paid: `BANK_TRANSFER PAY-${s.codeB}`,
      },
    });
    const recon = await run.admin<{ reconciliation: Record<string, number> }>(
      finance,
      `query($id: ID!) { reconciliation(orderCycleId: $id) { ... on Reconciliation {
        paymentsFen payoutsFen feesFen refundsFen balancesDueFen differenceFen } } }`,
      { id: s.cycleId },
    );
    expect(recon.reconciliation).toEqual({
      paymentsFen: 9000,
      payoutsFen: 5460,
      feesFen: 2040,
      refundsFen: 1500,
      balancesDueFen: 0,
      differenceFen: 0,
    });
    const refunded = await run.admin<{ orders: { totalItems: number } }>(
      finance,
      `query($id: ID!) { orders(orderCycleId: $id, filter: { paymentState: REFUNDED }) { totalItems } }`,
      { id: s.cycleId },
    );
    expect(refunded.orders.totalItems).toBe(1);
  });

  it("acknowledge a payout and book a correction of it in a later cycle, refusals in words", async () => {
    const { page } = run;
    const staff = await run.adminToken(STAFF);
    const later = await run.admin<{ createOrderCycle: { id?: string; __typename: string } }>(
      staff,
      `mutation($input: CreateOrderCycleInput!) { createOrderCycle(input: $input) {
        __typename ... on AdminOrderCycle { id } } }`,
      {
        input: {
          producerGroupId: s.producerGroupId,
          code: "2035-07",
          declarationOpensOn: "2035-07-01",
          opensAt: "2035-07-05T00:00:00Z",
          closesAt: "2035-07-10T00:00:00Z",
          deliveryOn: "2035-07-15",
        },
      },
    );
    expect(later.createOrderCycle.__typename).toBe("AdminOrderCycle");
    await run.signOut();
    await run.signIn(FINANCE);
    const b = (await settlementRows()).find((r) => r.householdCode === s.codeB)!;
    await page.goto(run.url(`/settlements/${b.id}`));
    await page.getByRole("button", { name: "农户已确认收款" }).click();
    await expect.poll(() => page.locator("dl.facts dd").first().textContent()).toBe("农户已确认");

    await page
      .locator('select[name="correctionCycle"]')
      .selectOption(later.createOrderCycle.id ?? "");
    const amount = page.locator('input[name="amount"]');
    const submit = page.getByRole("button", { name: "添加更正" });
    await amount.waitFor();
    await amount.fill("-1.505");
    await submit.click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("最多两位小数");
    // a valid amount without a reason: the API refuses and the amount stays
    await amount.fill("-1.50");
    await submit.click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("原因需要 1 到 500 个字符");
    expect(await amount.inputValue()).toBe("-1.50");
    await page.locator('textarea[name="reason"]').fill("多付了一件的运费");
    await submit.click();
    await expect.poll(() => page.getByRole("status").last().textContent()).toBe("已添加更正。");
    expect(await seriousViolations(page)).toEqual([]);
    await run.shot("settlements-correction");
    // −¥1.50 = −150 fen, booked in the later cycle, pointing at B's settlement
    const booked = await settlementRows(later.createOrderCycle.id);
    expect(booked.map((r) => [r.householdCode, r.state, r.netFen, r.correctsSettlementId])).toEqual(
      [[s.codeB, "CALCULATED", -150, b.id]],
    );
  });

  it("record a dispute of a paid settlement and its resolution; a blank note is refused", async () => {
    const { page } = run;
    const a = (await settlementRows()).find((r) => r.householdCode === s.codeA)!;
    await page.goto(run.url(`/settlements/${a.id}`));
    const dispute = page.getByRole("button", { name: "登记异议" });
    await dispute.click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("说明需要 1 到 1000 个字符");
    await page.locator('textarea[name="dispute"]').fill("农户说少算了一斤");
    await dispute.click();
    await expect.poll(() => page.locator("dl.facts dd").first().textContent()).toBe("有异议");
    await page.locator('textarea[name="resolve"]').fill("重新过秤，数量无误");
    await page.getByRole("button", { name: "异议已处理" }).click();
    await expect.poll(() => page.locator("dl.facts dd").first().textContent()).toBe("已处理异议");
    // resolved after payment: it keeps its payout (paid on stays) and may be corrected later
    expect((await settlementRows()).find((r) => r.id === a.id)).toMatchObject({
      state: "ADJUSTED",
      netFen: 3276,
      paidMethod: "BANK_TRANSFER",
    });
    await expect.poll(() => page.getByRole("heading", { name: /添加更正/ }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await run.shot("settlements-dispute-resolved");
  });
});
