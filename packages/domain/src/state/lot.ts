/** States of a household's declared lot (DESIGN.md). */
export const LOT_STATES = ["DECLARED", "ALLOCATED", "RECEIVED", "ACCEPTED", "PARTIAL", "REJECTED", "PACKED", "SOLD"] as const;
/** One state of a lot. */
export type LotState = (typeof LOT_STATES)[number];
