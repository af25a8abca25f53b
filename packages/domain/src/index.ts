export * from "./money/money.js";
export * from "./state/index.js";
export * from "./identity/roles.js";
export * from "./identity/permissions.js";
