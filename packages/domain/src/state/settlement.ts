import { defineStateMachine } from "./machine.js";

/** States of a household's settlement for one cycle (DESIGN.md). */
export const SETTLEMENT_STATES = [
  "DRAFT",
  "CALCULATED",
  "APPROVED",
  "PAID",
  "ACKNOWLEDGED",
  "DISPUTED",
  "ADJUSTED",
] as const;
/** One state of a settlement. */
export type SettlementState = (typeof SETTLEMENT_STATES)[number];

/**
 * A household's settlement for one cycle, per DESIGN.md "State machines":
 * DRAFT → CALCULATED (accepted quantity × producer price − deductions) → APPROVED (by finance) →
 * PAID (cash, bank, WeChat) → ACKNOWLEDGED (by the household), with DISPUTED ↔ ADJUSTED.
 *
 * - DISPUTED is entered from CALCULATED, APPROVED or PAID: whenever the household (or staff) has
 *   seen the figures and questions them, up to the household's acknowledgement. ACKNOWLEDGED is
 *   final; a later correction goes into a following cycle's settlement.
 * - DISPUTED → ADJUSTED records the corrected figures (an unchanged figure is recorded as an
 *   adjustment of zero); ADJUSTED → DISPUTED if the household still disagrees;
 *   ADJUSTED → APPROVED sends it back through approval and payment (of any difference).
 * - DRAFT cannot be disputed: there are no figures yet.
 */
export const settlementMachine = defineStateMachine<SettlementState>(
  {
    DRAFT: ["CALCULATED"],
    CALCULATED: ["APPROVED", "DISPUTED"],
    APPROVED: ["PAID", "DISPUTED"],
    PAID: ["ACKNOWLEDGED", "DISPUTED"],
    ACKNOWLEDGED: [],
    DISPUTED: ["ADJUSTED"],
    ADJUSTED: ["APPROVED", "DISPUTED"],
  },
  { entity: "settlement" },
);
