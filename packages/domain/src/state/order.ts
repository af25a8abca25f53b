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
export const PAYMENT_STATES = ["UNPAID", "PAID", "BALANCE_DUE", "CREDIT_OWED", "SETTLED", "REFUNDED"] as const;
/** One payment state of an order. */
export type PaymentState = (typeof PAYMENT_STATES)[number];
