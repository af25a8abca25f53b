export * from "./money/money.js";
export * from "./state/order-cycle.js";
