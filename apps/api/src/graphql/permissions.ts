import type { Permission } from "@nested/domain";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { type AuthChecker, Authorized, getMetadataStorage } from "type-graphql";
import { translatorFor } from "../i18n/translate";
import { can, roleOf, type RequestContext } from "./request-context";

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
 * the caller's role must hold every permission listed. Refusals are top-level errors in the
 * caller's language (`access.*` messages): anonymous callers get UNAUTHENTICATED ("please sign
 * in"), signed-in callers without the permission FORBIDDEN, naming their role and the missing
 * permissions (e.g. "Your role (STAFF) may not do this: it needs payment:record").
 */
export const authChecker: AuthChecker<RequestContext, Permission> = ({ context }, permissions) => {
  const t = translatorFor(context.locale);
  if (context.principal.kind === "anonymous") {
    throw new GraphQLError(t("access.signIn"), { extensions: { code: "UNAUTHENTICATED" } });
  }
  const missing = permissions.filter((permission) => !can(context, permission));
  if (missing.length === 0) return true;
  throw new GraphQLError(
    t("access.forbidden", { role: roleOf(context), permissions: missing.join(", ") }),
    { extensions: { code: "FORBIDDEN", missingPermissions: missing } },
  );
};

/**
 * Appends "Needs permission: x" to the description of every query and mutation of `schema` that
 * {@link RequirePermission} marked on one of `resolvers` (the classes the schema was built from;
 * other APIs have fields of the same name), so that the schema documents who may call what.
 * Mutates the schema's field objects (call it once, right after building the schema).
 */
export function describePermissions(
  schema: GraphQLSchema,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: readonly Function[],
): GraphQLSchema {
  const classes = new Set(resolvers);
  const storage = getMetadataStorage();
  const roots = [
    [schema.getQueryType(), storage.queries],
    [schema.getMutationType(), storage.mutations],
  ] as const;
  for (const [type, operations] of roots) {
    if (!type) continue;
    const fields = type.getFields();
    for (const operation of operations) {
      if (!classes.has(operation.target)) continue;
      const requirement = PERMISSION_REGISTRY.get(
        `${operation.target.name}.${operation.methodName}`,
      );
      const field = fields[operation.schemaName];
      if (!field || !requirement || requirement === "public" || requirement === "signed-in") {
        continue;
      }
      const note = `Needs permission: ${requirement}.`;
      if (field.description?.includes(note)) continue;
      field.description = field.description ? `${field.description}\n\n${note}` : note;
    }
  }
  return schema;
}

/**
 * Marks an admin or partner operation as open to anyone on purpose (signing in, signing out), so
 * that the default-deny test can tell it from one that was forgotten.
 */
export function Public(): MethodDecorator & PropertyDecorator {
  return (target: object, propertyKey: string | symbol) => {
    PERMISSION_REGISTRY.set(`${target.constructor.name}.${String(propertyKey)}`, "public");
  };
}
