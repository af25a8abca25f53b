/** Who a user is to the market (DESIGN.md, "Security and privacy"). */
export const ROLES = ["CONSUMER", "STAFF", "FINANCE", "ADMIN", "PARTNER"] as const;
/** One role. */
export type Role = (typeof ROLES)[number];
