export * from "./china-phone.js";
export * from "./mobile-prefixes.js";
export * from "./phone-error.js";
