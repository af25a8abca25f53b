import type { CycleRun } from "./context.js";

// Owner: the cycle board (features/cycles). Each step drives the admin SPA in run.page, asserts
// what the screen shows, saves a screenshot with run.shot("NN-name"), and leaves the cycle in the
// state named. Bodies are written with the screens.

/** Creates a cycle for the group in the UI and moves it to DECLARING; sets `cycleId`. */
export async function createCycle(_c: CycleRun): Promise<void> {
  throw new Error("createCycle: not built yet");
}

/** Enters supply declarations for several households by keyboard down the list. */
export async function enterDeclarations(_c: CycleRun): Promise<void> {
  throw new Error("enterDeclarations: not built yet");
}

/** Publishes offers from the declarations and moves the cycle to OPEN. */
export async function publishOffersAndOpen(_c: CycleRun): Promise<void> {
  throw new Error("publishOffersAndOpen: not built yet");
}

/** Shows the cycle's orders (placed through the shop API) and records their payments in full. */
export async function recordPayments(_c: CycleRun): Promise<void> {
  throw new Error("recordPayments: not built yet");
}

/** Closes the cycle and allocates it; the allocation screen shows each lot's reason. */
export async function closeAndAllocate(_c: CycleRun): Promise<void> {
  throw new Error("closeAndAllocate: not built yet");
}
