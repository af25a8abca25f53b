import { defineStateMachine } from "./machine.js";

/** States of a consumer's order (DESIGN.md). PLACED is editable while the cycle is OPEN. */
export const ORDER_STATES = [
  "PLACED",
  "LOCKED",
  "ALLOCATED",
  "READY",
  "DELIVERED",
  "PICKED_UP",
  "NO_SHOW",
  "CLOSED",
  "CANCELLED",
] as const;
/** One state of an order. */
export type OrderState = (typeof ORDER_STATES)[number];

/** Payment states of an order, kept apart from its fulfilment state (DESIGN.md). */
export const PAYMENT_STATES = [
  "UNPAID",
  "PAID",
  "BALANCE_DUE",
  "CREDIT_OWED",
  "SETTLED",
  "REFUNDED",
] as const;
/** One payment state of an order. */
export type PaymentState = (typeof PAYMENT_STATES)[number];

/**
 * Order fulfilment, per DESIGN.md "State machines":
 * PLACED → LOCKED (cycle closed) → ALLOCATED → READY (packed, maybe partial) → DELIVERED (at the
 * pickup point) → PICKED_UP | NO_SHOW → CLOSED.
 *
 * CANCELLED (final) is reachable from PLACED (the consumer cancels while the cycle is OPEN),
 * LOCKED (the cycle or the order is cancelled by staff before allocation) and ALLOCATED (nothing
 * could be allocated, or every lot behind it was rejected at intake, so nothing will be packed).
 * From READY on, goods exist for the order and it must end as PICKED_UP or NO_SHOW, then CLOSED;
 * shortfalls after that are handled by the payment machine (credit or refund), not by cancelling.
 */
export const orderMachine = defineStateMachine<OrderState>(
  {
    PLACED: ["LOCKED", "CANCELLED"],
    LOCKED: ["ALLOCATED", "CANCELLED"],
    ALLOCATED: ["READY", "CANCELLED"],
    READY: ["DELIVERED"],
    DELIVERED: ["PICKED_UP", "NO_SHOW"],
    PICKED_UP: ["CLOSED"],
    NO_SHOW: ["CLOSED"],
    CLOSED: [],
    CANCELLED: [],
  },
  { entity: "order" },
);

/**
 * Order payment, per DESIGN.md "State machines": UNPAID → PAID → BALANCE_DUE | CREDIT_OWED →
 * SETTLED | REFUNDED.
 *
 * - PAID → SETTLED directly when, after intake, the order is filled exactly and nothing is owed
 *   either way.
 * - PAID → BALANCE_DUE when the consumer owes more (e.g. weighed goods came out heavier);
 *   BALANCE_DUE → SETTLED once paid. A balance is never "refunded".
 * - PAID → CREDIT_OWED when the market owes the consumer (shortfall, rejected lot, cancellation
 *   after payment); CREDIT_OWED → REFUNDED when the money is paid back, or → SETTLED when the
 *   credit is used against a later order.
 * - UNPAID has no other exit: an order cancelled before payment simply stays UNPAID.
 *
 * SETTLED and REFUNDED are final.
 */
export const paymentMachine = defineStateMachine<PaymentState>(
  {
    UNPAID: ["PAID"],
    PAID: ["BALANCE_DUE", "CREDIT_OWED", "SETTLED"],
    BALANCE_DUE: ["SETTLED"],
    CREDIT_OWED: ["SETTLED", "REFUNDED"],
    SETTLED: [],
    REFUNDED: [],
  },
  { entity: "order payment" },
);
