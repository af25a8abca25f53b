export * from "./schedule.js";
export * from "./supply.js";
