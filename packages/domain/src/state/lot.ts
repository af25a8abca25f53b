import { defineStateMachine } from "./machine.js";

/** States of a household's declared lot (DESIGN.md). */
export const LOT_STATES = [
  "DECLARED",
  "ALLOCATED",
  "RECEIVED",
  "ACCEPTED",
  "PARTIAL",
  "REJECTED",
  "PACKED",
  "SOLD",
] as const;
/** One state of a lot. */
export type LotState = (typeof LOT_STATES)[number];

/**
 * A household's lot, per DESIGN.md "State machines": DECLARED (supply declaration) → ALLOCATED
 * (demand assigned to it) → RECEIVED (brought to the group leader's house) → ACCEPTED | PARTIAL
 * | REJECTED (quality check) → PACKED → SOLD.
 *
 * - REJECTED is final: the whole lot is handed back, nothing is packed.
 * - PARTIAL means part was accepted; the accepted part is packed and sold.
 * - A DECLARED lot that no demand needed is simply left DECLARED (no transition out); likewise an
 *   ALLOCATED lot the household never brings stays ALLOCATED. SOLD is final.
 */
export const lotMachine = defineStateMachine<LotState>(
  {
    DECLARED: ["ALLOCATED"],
    ALLOCATED: ["RECEIVED"],
    RECEIVED: ["ACCEPTED", "PARTIAL", "REJECTED"],
    ACCEPTED: ["PACKED"],
    PARTIAL: ["PACKED"],
    REJECTED: [],
    PACKED: ["SOLD"],
    SOLD: [],
  },
  { entity: "lot" },
);
