import type { Permission } from "@nested/domain";

/** One entry of the main navigation: its path, its label key and the permission it needs. */
export interface NavItem {
  to: string;
  label: string;
  permission: Permission;
}

/**
 * The main navigation, in the order of the month's work; each entry shows only to roles that
 * hold its permission (the same permission the page's main query needs on the Admin API), so a
 * partner sees the impact pages alone.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: "/households", label: "nav.households", permission: "household:read" },
  { to: "/cycles", label: "nav.cycles", permission: "household:read" },
  { to: "/settlements", label: "nav.settlements", permission: "settlement:approve" },
  { to: "/trust-events", label: "nav.trust", permission: "trust:manage" },
  { to: "/catalog", label: "nav.catalog", permission: "catalog:write" },
  { to: "/users", label: "nav.users", permission: "user:manage" },
  { to: "/impact", label: "nav.impact", permission: "impact:read" },
];
