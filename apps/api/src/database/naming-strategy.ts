import { createHash } from "node:crypto";
import { DefaultNamingStrategy, type NamingStrategyInterface, type Table } from "typeorm";

/** PostgreSQL silently truncates identifiers longer than this, which would break schema diffs. */
const MAX_IDENTIFIER_LENGTH = 63;

function shortHash(text: string, length = 6): string {
  return createHash("sha1").update(text).digest("hex").slice(0, length);
}

/** camelCase / PascalCase → snake_case (`householdId` → `household_id`, `landMu` → `land_mu`). */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}

/** Keeps a name within PostgreSQL's limit; a cut name ends in a hash of the whole one. */
function fit(name: string): string {
  if (name.length <= MAX_IDENTIFIER_LENGTH) return name;
  return `${name.slice(0, MAX_IDENTIFIER_LENGTH - 9)}_${shortHash(name, 8)}`;
}

function tableNameOf(tableOrName: Table | string): string {
  const path = typeof tableOrName === "string" ? tableOrName : tableOrName.name;
  // "public.orders" → "orders"
  return path.split(".").pop() ?? path;
}

/**
 * Snake-case columns and readable constraint names (`pk_orders`, `fk_orders_order_cycle_id`,
 * `ix_orders_producer_group_id_order_cycle_id`, `ck_offers_quantity_reserved_quantity_total_1a2b3c`).
 *
 * Table names are always given explicitly in `@Entity("…")`; column names come from the property
 * name unless a column says otherwise. TypeORM compares CHECK constraints and index filters only by
 * name, so those names carry a hash of their expression: changing a CHECK (for instance a state
 * added to a `@nested/domain` list) renames it, and the schema test then sees the drift.
 */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override columnName(
    propertyName: string,
    customName: string | undefined,
    embeddedPrefixes: string[],
  ): string {
    if (customName) return customName;
    return snakeCase([...embeddedPrefixes, propertyName].join("_"));
  }

  override relationName(propertyName: string): string {
    return snakeCase(propertyName);
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snakeCase(`${relationName}_${referencedColumnName}`);
  }

  override primaryKeyName(tableOrName: Table | string): string {
    return fit(`pk_${tableNameOf(tableOrName)}`);
  }

  override uniqueConstraintName(tableOrName: Table | string, columnNames: string[]): string {
    return fit(`uq_${tableNameOf(tableOrName)}_${columnNames.join("_")}`);
  }

  override relationConstraintName(
    tableOrName: Table | string,
    columnNames: string[],
    where?: string,
  ): string {
    const suffix = where ? `_${shortHash(where)}` : "";
    return fit(`rel_${tableNameOf(tableOrName)}_${columnNames.join("_")}${suffix}`);
  }

  override foreignKeyName(tableOrName: Table | string, columnNames: string[]): string {
    return fit(`fk_${tableNameOf(tableOrName)}_${columnNames.join("_")}`);
  }

  override indexName(tableOrName: Table | string, columnNames: string[], where?: string): string {
    const suffix = where ? `_${shortHash(where)}` : "";
    return fit(`ix_${tableNameOf(tableOrName)}_${columnNames.join("_")}${suffix}`);
  }

  override checkConstraintName(tableOrName: Table | string, expression: string): string {
    const identifiers = [...new Set([...expression.matchAll(/"([a-z0-9_]+)"/g)].map((m) => m[1]))];
    const slug = identifiers.length > 0 ? `${identifiers.join("_")}_` : "";
    const base = `ck_${tableNameOf(tableOrName)}_${slug}`;
    const hash = shortHash(expression);
    return base.length + hash.length <= MAX_IDENTIFIER_LENGTH
      ? `${base}${hash}`
      : `${base.slice(0, MAX_IDENTIFIER_LENGTH - hash.length - 1)}_${hash}`;
  }
}
