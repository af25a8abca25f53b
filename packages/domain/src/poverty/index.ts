export * from "./poverty-error.js";
export * from "./poverty-line.js";
export * from "./poverty-line.types.js";
export * from "./poverty-lines.data.js";
