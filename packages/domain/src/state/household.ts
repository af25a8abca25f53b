/** Membership of a household in its producer group (DESIGN.md). */
export const MEMBERSHIP_STATES = ["APPLIED", "ACTIVE", "SUSPENDED", "LEFT"] as const;
/** One membership state. */
export type MembershipState = (typeof MEMBERSHIP_STATES)[number];

/** Poverty status of a household in one year (建档立卡 registration, 脱贫 exit, monitoring). */
export const POVERTY_STATUSES = ["NOT_REGISTERED", "REGISTERED", "EXITED", "MONITORED", "RETURNED"] as const;
/** One yearly poverty status. */
export type PovertyStatus = (typeof POVERTY_STATUSES)[number];
