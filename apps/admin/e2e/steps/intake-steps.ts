import type { CycleRun } from "./context.js";

// Owner: intake, packing and pickup (features/intake). Same rules as cycle-steps.ts.

/** Moves to COLLECTING and checks every lot on the intake screen, one of them REJECTED. */
export async function qualityCheckWithOneRejection(_c: CycleRun): Promise<void> {
  throw new Error("qualityCheckWithOneRejection: not built yet");
}

/** Moves to PACKED, opens the packing list per pickup point (print view, CSV link). */
export async function packingList(_c: CycleRun): Promise<void> {
  throw new Error("packingList: not built yet");
}

/** Moves to DISPATCHED and DELIVERED and marks every order picked up. */
export async function deliverAndMarkPickups(_c: CycleRun): Promise<void> {
  throw new Error("deliverAndMarkPickups: not built yet");
}
