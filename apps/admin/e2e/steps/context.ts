import type { AdminE2E } from "../support.js";

/**
 * What the whole-cycle test carries from step to step: the run, the producer group and the cycle
 * it works on, and tokens for the setup it does through the APIs (orders from the shop).
 */
export interface CycleRun {
  run: AdminE2E;
  /** Baoshi's producer group (the demo's smaller group: 12 founder households, 3 pickup points). */
  producerGroupId: string;
  /** The cycle the test creates in the UI (set by the first step). */
  cycleId: string;
}
