import type { CycleRun } from "./context.js";

// Owner: settlements (features/settlements). Same rules as cycle-steps.ts.

/** Moves to SETTLING, approves and pays every household's settlement (as finance). */
export async function approveAndPaySettlements(_c: CycleRun): Promise<void> {
  throw new Error("approveAndPaySettlements: not built yet");
}

/** The reconciliation panel reads ¥0.00; the cycle moves to SETTLED. */
export async function reconcileAndClose(_c: CycleRun): Promise<void> {
  throw new Error("reconcileAndClose: not built yet");
}
