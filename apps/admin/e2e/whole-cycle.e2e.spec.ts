import { afterAll, beforeAll, describe, it } from "vitest";
import type { CycleRun } from "./steps/context.js";
import * as cycle from "./steps/cycle-steps.js";
import * as intake from "./steps/intake-steps.js";
import * as settlement from "./steps/settlement-steps.js";
import { startAdminE2E } from "./support.js";

/**
 * Issue 7's whole month through the admin SPA in a real Chromium on real PostgreSQL: staff opens a
 * cycle → declarations → offers → (orders through the Shop API) → close → allocate → quality check
 * with one rejection → packing list → settlements approved and paid → reconciliation ¥0.00.
 * Each step saves a screenshot in apps/admin/e2e-screenshots/.
 */
describe("a whole order cycle in the admin SPA", () => {
  const c = {} as CycleRun;

  beforeAll(async () => {
    c.run = await startAdminE2E();
  });
  afterAll(async () => {
    await c.run?.close();
  });

  it("runs from a new cycle to a reconciliation of ¥0.00", async () => {
    await cycle.createCycle(c);
    await cycle.enterDeclarations(c);
    await cycle.publishOffersAndOpen(c);
    await cycle.recordPayments(c);
    await cycle.closeAndAllocate(c);
    await intake.qualityCheckWithOneRejection(c);
    await intake.packingList(c);
    await intake.deliverAndMarkPickups(c);
    await settlement.approveAndPaySettlements(c);
    await settlement.reconcileAndClose(c);
  });
});
