export * from "./errors/index.js";
export * from "./identity/permissions.js";
export * from "./identity/roles.js";
export * from "./money/index.js";
export * from "./phone/index.js";
export * from "./poverty/index.js";
export * from "./state/index.js";
export * from "./units/index.js";
