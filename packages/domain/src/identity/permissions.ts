import type { Role } from "./roles.js";

/**
 * Every permission an admin or partner operation can require. Default deny: an operation names
 * exactly one of these, and a role may perform it only if listed in {@link ROLE_PERMISSIONS}.
 */
export const PERMISSIONS = [
  "household:read",
  "household:write",
  "household:read-sensitive",
  "household:write-sensitive",
  "catalog:write",
  "cycle:manage",
  "intake:record",
  "payment:record",
  "settlement:approve",
  "settlement:pay",
  "trust:manage",
  "user:manage",
  "partner:manage",
  "impact:read",
  "impact:read-unsuppressed",
  "audit:read",
] as const;
/** One permission. */
export type Permission = (typeof PERMISSIONS)[number];

const STAFF: readonly Permission[] = [
  "household:read",
  "household:write",
  "catalog:write",
  "cycle:manage",
  "intake:record",
  "trust:manage",
  "impact:read",
];

/**
 * Which role may do what (DESIGN.md, "Security and privacy"). Sensitive household data (members,
 * health, incomes, causes of poverty, ID and bank numbers) needs `household:read-sensitive`, which
 * plain STAFF lacks; FINANCE has it because payouts need bank details. CONSUMER has no admin or
 * partner permission at all; its shop actions are checked by ownership instead.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  CONSUMER: [],
  STAFF,
  FINANCE: [
    "household:read",
    "household:read-sensitive",
    "payment:record",
    "settlement:approve",
    "settlement:pay",
    "impact:read",
  ],
  ADMIN: PERMISSIONS,
  PARTNER: ["impact:read"],
};

/** True when `role` holds `permission`; an absent role (anonymous) holds none. */
export function roleHasPermission(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && ROLE_PERMISSIONS[role].includes(permission);
}
