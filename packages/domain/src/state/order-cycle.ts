import { defineStateMachine } from "./machine.js";

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

/**
 * Order cycle, per DESIGN.md "State machines": one linear chain
 * DRAFT → DECLARING (supply declaration, 报货) → OPEN (ordering window) → CLOSED → ALLOCATED →
 * COLLECTING (intake and quality check) → PACKED → DISPATCHED → DELIVERED → SETTLING → SETTLED →
 * ARCHIVED, plus CANCELLED from DRAFT, DECLARING or OPEN only (once ordering has closed, goods
 * and money are moving and the cycle must be run to its end). ARCHIVED and CANCELLED are final.
 */
export const orderCycleMachine = defineStateMachine<OrderCycleState>(
  {
    DRAFT: ["DECLARING", "CANCELLED"],
    DECLARING: ["OPEN", "CANCELLED"],
    OPEN: ["CLOSED", "CANCELLED"],
    CLOSED: ["ALLOCATED"],
    ALLOCATED: ["COLLECTING"],
    COLLECTING: ["PACKED"],
    PACKED: ["DISPATCHED"],
    DISPATCHED: ["DELIVERED"],
    DELIVERED: ["SETTLING"],
    SETTLING: ["SETTLED"],
    SETTLED: ["ARCHIVED"],
    ARCHIVED: [],
    CANCELLED: [],
  },
  { entity: "order cycle" },
);
