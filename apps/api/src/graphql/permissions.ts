import type { Permission } from "@nested/domain";
import { type AuthChecker, AuthenticationError, Authorized } from "type-graphql";
import { can, type RequestContext } from "./request-context";

/** What an operation requires: a permission, only a signed-in caller, or nothing (said on purpose). */
export type Requirement = Permission | "signed-in" | "public";

/** `Class.field` → requirement, for every operation marked with a decorator below. */
export const PERMISSION_REGISTRY = new Map<string, Requirement>();

/**
 * Marks an admin or partner operation with the permission it needs (DESIGN.md: default deny).
 * A test walks those schemas and fails on any operation without one.
 */
export function RequirePermission(permission: Permission): MethodDecorator & PropertyDecorator {
  return (target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor) => {
    PERMISSION_REGISTRY.set(`${target.constructor.name}.${String(propertyKey)}`, permission);
    Authorized(permission)(target, propertyKey, descriptor as PropertyDescriptor);
  };
}

/** Marks a shop operation that needs a signed-in caller (ownership is checked by the service). */
export function RequireSignIn(): MethodDecorator & PropertyDecorator {
  return (target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor) => {
    PERMISSION_REGISTRY.set(`${target.constructor.name}.${String(propertyKey)}`, "signed-in");
    Authorized()(target, propertyKey, descriptor as PropertyDescriptor);
  };
}

/**
 * type-graphql's auth check: with no permission listed the caller must be signed in; otherwise
 * the caller's role must hold every permission listed. Anonymous callers get UNAUTHENTICATED,
 * signed-in callers without the permission UNAUTHORIZED.
 */
export const authChecker: AuthChecker<RequestContext, Permission> = ({ context }, permissions) => {
  if (context.principal.kind === "anonymous") throw new AuthenticationError();
  return permissions.every((permission) => can(context, permission));
};

/**
 * Marks an admin or partner operation as open to anyone on purpose (signing in, signing out), so
 * that the default-deny test can tell it from one that was forgotten.
 */
export function Public(): MethodDecorator & PropertyDecorator {
  return (target: object, propertyKey: string | symbol) => {
    PERMISSION_REGISTRY.set(`${target.constructor.name}.${String(propertyKey)}`, "public");
  };
}
