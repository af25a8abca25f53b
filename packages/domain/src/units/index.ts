export * from "./unit-error.js";
export * from "./weight.js";
