import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROLE_PERMISSIONS, ROLES } from "@nested/domain";
import { type GraphQLSchema, isObjectType, printSchema } from "graphql";
import { getMetadataStorage } from "type-graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { buildApiSchema, RESOLVERS } from "./build-schemas";
import { ADMIN_MATRIX as MATRIX } from "../test/admin-permission-matrix";
import { PERMISSION_REGISTRY } from "./permissions";

const APIS = ["shop", "admin", "partner"] as const;
const SNAPSHOT_DIR = path.resolve(__dirname, "../../schema");
const schemas = {} as Record<(typeof APIS)[number], GraphQLSchema>;

beforeAll(async () => {
  for (const api of APIS) schemas[api] = await buildApiSchema(api);
});

/** Every type and field name of a schema, as `Type` and `Type.field`. */
function names(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    out.push(type.name);
    if (isObjectType(type))
      for (const field of Object.keys(type.getFields())) out.push(`${type.name}.${field}`);
  }
  return out;
}

describe("the three GraphQL schemas", () => {
  it.each(APIS)("%s matches its committed snapshot (UPDATE_SNAPSHOTS=1 rewrites it)", (api) => {
    const file = path.join(SNAPSHOT_DIR, `${api}.graphql`);
    const printed = printSchema(schemas[api]) + "\n";
    if (process.env.UPDATE_SNAPSHOTS === "1") writeFileSync(file, printed);
    expect(printed).toBe(readFileSync(file, "utf8"));
  });

  it.each(["shop", "partner"] as const)(
    "%s has nothing about household members, incomes, causes of poverty, consents or other users",
    (api) => {
      const forbidden =
        /member|income|cause|poverty.?status|consent|headName|idNumber|bank|health|disab|^User$|users|Household\b/i;
      // The poverty *line* (a public reference figure) is allowed; a household's own status is not.
      const offending = names(schemas[api]).filter(
        (name) => forbidden.test(name) && !/^PovertyLine/.test(name),
      );
      expect(offending).toEqual([]);
    },
  );

  it("partner has no household-level type: no type named after a household, no household id", () => {
    const offending = names(schemas.partner).filter((name) =>
      /^[^.]*Household|\.householdId$|\.headName$|\.code$|\.subject$/i.test(name),
    );
    // ImpactCell.householdCount is a count of many households, never one.
    expect(offending).toEqual([]);
  });

  it("builds the schemas from disjoint resolver lists", () => {
    const all = [...RESOLVERS.shop, ...RESOLVERS.admin, ...RESOLVERS.partner];
    expect(new Set(all).size).toBe(all.length);
  });

  it("names a requirement for every admin and partner operation (default deny)", () => {
    const storage = getMetadataStorage();
    const operations = [...storage.queries, ...storage.mutations].filter((op) =>
      [...RESOLVERS.admin, ...RESOLVERS.partner].includes(op.target),
    );
    expect(operations.length).toBeGreaterThan(0);
    const unmarked = operations
      .map((op) => `${op.target.name}.${op.methodName}`)
      .filter((key) => !PERMISSION_REGISTRY.has(key));
    expect(unmarked).toEqual([]);
  });

  it("lets each role perform exactly the admin and partner operations its permissions allow", () => {
    const expected = MATRIX;
    for (const [operation, roles] of Object.entries(expected)) {
      const requirement = PERMISSION_REGISTRY.get(operation);
      const allowed = ROLES.filter((role) =>
        requirement === "public" || requirement === "signed-in"
          ? true
          : ROLE_PERMISSIONS[role].some((p) => p === requirement),
      );
      expect({ operation, allowed }).toEqual({ operation, allowed: roles });
    }
  });

  it("has a row in the matrix for every admin and partner operation that needs a permission", () => {
    const storage = getMetadataStorage();
    const guarded = [...storage.queries, ...storage.mutations]
      .filter((op) => [...RESOLVERS.admin, ...RESOLVERS.partner].includes(op.target))
      .map((op) => `${op.target.name}.${op.methodName}`)
      .filter((key) => !["public", "signed-in"].includes(PERMISSION_REGISTRY.get(key) ?? ""));
    expect(guarded.filter((key) => !(key in MATRIX))).toEqual([]);
  });
});
