export * from "./household.js";
export * from "./lot.js";
export * from "./machine.js";
export * from "./order-cycle.js";
export * from "./order.js";
export * from "./settlement.js";
export * from "./transition-error.js";
