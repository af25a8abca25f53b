/** States of a household's settlement for one cycle (DESIGN.md). */
export const SETTLEMENT_STATES = ["DRAFT", "CALCULATED", "APPROVED", "PAID", "ACKNOWLEDGED", "DISPUTED", "ADJUSTED"] as const;
/** One state of a settlement. */
export type SettlementState = (typeof SETTLEMENT_STATES)[number];
