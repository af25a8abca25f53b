/** States of a monthly order cycle (DESIGN.md, "State machines"). */
export const ORDER_CYCLE_STATES = [
  "DRAFT",
  "DECLARING",
  "OPEN",
  "CLOSED",
  "ALLOCATED",
  "COLLECTING",
  "PACKED",
  "DISPATCHED",
  "DELIVERED",
  "SETTLING",
  "SETTLED",
  "ARCHIVED",
  "CANCELLED",
] as const;
/** One state of an order cycle. */
export type OrderCycleState = (typeof ORDER_CYCLE_STATES)[number];
