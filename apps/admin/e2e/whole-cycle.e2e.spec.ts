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
    // Baoshi's producer group; the demo's OPEN cycle of the group is cancelled first, since one
    // group has one OPEN cycle at a time and the test opens its own.
    const admin = await c.run.adminToken("admin@demo.nested.market");
    const { producerGroups } = await c.run.admin<{
      producerGroups: { id: string; nameEn: string }[];
    }>(admin, "{ producerGroups { id nameEn } }");
    const baoshi = producerGroups.find((g) => g.nameEn.includes("Baoshi"));
    if (!baoshi) throw new Error("the demo data has no Baoshi producer group");
    c.producerGroupId = baoshi.id;
    const { orderCycles } = await c.run.admin<{ orderCycles: { items: { id: string }[] } }>(
      admin,
      `query($g: ID) { orderCycles(producerGroupId: $g, state: OPEN) { items { id } } }`,
      { g: baoshi.id },
    );
    for (const open of orderCycles.items) {
      const { transitionOrderCycle } = await c.run.admin<{
        transitionOrderCycle: { __typename: string; state?: string };
      }>(
        admin,
        `mutation($id: ID!) { transitionOrderCycle(id: $id, to: CANCELLED) {
           __typename ... on AdminOrderCycle { state } } }`,
        { id: open.id },
      );
      if (transitionOrderCycle.state !== "CANCELLED") {
        throw new Error(`could not cancel Baoshi's open cycle: ${transitionOrderCycle.__typename}`);
      }
    }
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
