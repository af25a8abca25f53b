import { describe, expect, it } from "vitest";
import { PERMISSIONS, roleHasPermission, ROLE_PERMISSIONS } from "./permissions.js";

describe("permissions per role", () => {
  it("keeps sensitive household data from plain staff but lets finance read it for payouts", () => {
    expect(roleHasPermission("STAFF", "household:read")).toBe(true);
    expect(roleHasPermission("STAFF", "household:read-sensitive")).toBe(false);
    expect(roleHasPermission("FINANCE", "household:read-sensitive")).toBe(true);
    expect(roleHasPermission("FINANCE", "household:write-sensitive")).toBe(false);
  });

  it("gives consumers no admin permission and partners only impact reading", () => {
    expect(ROLE_PERMISSIONS.CONSUMER).toEqual([]);
    expect(ROLE_PERMISSIONS.PARTNER).toEqual(["impact:read"]);
    expect(roleHasPermission("PARTNER", "impact:read-unsuppressed")).toBe(false);
  });

  it("gives admins every permission and anonymous callers none", () => {
    for (const permission of PERMISSIONS) {
      expect(roleHasPermission("ADMIN", permission)).toBe(true);
      expect(roleHasPermission(null, permission)).toBe(false);
    }
  });
});
