import { defineStateMachine } from "./machine.js";

/** Membership of a household in its producer group (DESIGN.md). */
export const MEMBERSHIP_STATES = ["APPLIED", "ACTIVE", "SUSPENDED", "LEFT"] as const;
/** One membership state. */
export type MembershipState = (typeof MEMBERSHIP_STATES)[number];

/** Poverty status of a household in one year (建档立卡 registration, 脱贫 exit, monitoring). */
export const POVERTY_STATUSES = [
  "NOT_REGISTERED",
  "REGISTERED",
  "EXITED",
  "MONITORED",
  "RETURNED",
] as const;
/** One yearly poverty status. */
export type PovertyStatus = (typeof POVERTY_STATUSES)[number];

/**
 * Household membership in its producer group, per DESIGN.md "State machines":
 * APPLIED → ACTIVE ⇄ SUSPENDED → LEFT.
 *
 * - APPLIED → LEFT: the application is withdrawn or declined.
 * - ACTIVE → LEFT: a member leaves directly; SUSPENDED → LEFT likewise.
 * - LEFT is final: a household that rejoins gets a new membership (history is never rewritten).
 */
export const membershipMachine = defineStateMachine<MembershipState>(
  {
    APPLIED: ["ACTIVE", "LEFT"],
    ACTIVE: ["SUSPENDED", "LEFT"],
    SUSPENDED: ["ACTIVE", "LEFT"],
    LEFT: [],
  },
  { entity: "household membership" },
);

/**
 * A household's poverty status from one year to the next, per DESIGN.md "State machines":
 * NOT_REGISTERED | REGISTERED → EXITED → MONITORED | RETURNED.
 *
 * - NOT_REGISTERED → REGISTERED: the household is put on the register of poor households
 *   (建档立卡).
 * - REGISTERED → EXITED: poverty exit (脱贫).
 * - EXITED → MONITORED (watched against falling back, 防止返贫监测) or RETURNED (fell back, 返贫);
 *   MONITORED → RETURNED too.
 * - RETURNED → REGISTERED: the household is registered again, and may exit again from there.
 *
 * Deliberately not modelled (not in DESIGN.md): NOT_REGISTERED → MONITORED (non-registered
 * "edge" households under monitoring) and removal from the register (REGISTERED → NOT_REGISTERED).
 * There is no final state: every status can be carried into a later year unchanged.
 */
export const povertyStatusMachine = defineStateMachine<PovertyStatus>(
  {
    NOT_REGISTERED: ["REGISTERED"],
    REGISTERED: ["EXITED"],
    EXITED: ["MONITORED", "RETURNED"],
    MONITORED: ["RETURNED"],
    RETURNED: ["REGISTERED"],
  },
  { entity: "poverty status" },
);
