import type { DataSource, EntityManager, ObjectLiteral } from "typeorm";
import { hashPassword } from "../modules/identity/password";
import { refreshImpactViews } from "../modules/impact/impact-refresh";
import type { DemoWorld } from "./plan/build-demo-world";
import type { TableRows } from "./table-rows";
import { worldTables } from "./world-tables";

/** Progress of a write: rows written so far of `total`, and the table being written. */
export interface WriteProgress {
  table: string;
  done: number;
  total: number;
}

/** What a write did: rows per table and how long it took. */
export interface WriteReport {
  rowsByTable: Record<string, number>;
  totalRows: number;
  /** Wall-clock milliseconds, hashing included. */
  elapsedMs: number;
}

/** PostgreSQL takes at most 65 535 bind parameters per statement; stay well below. */
const MAX_PARAMETERS = 30_000;
const MAX_ROWS_PER_STATEMENT = 2_000;

/** Hashes each distinct demo password once (argon2id takes tens of milliseconds a hash). */
export async function hashDemoPasswords(world: DemoWorld): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const password of new Set(world.users.map((u) => u.demoPassword))) {
    hashes.set(password, await hashPassword(password));
  }
  return hashes;
}

/** A value as a bind parameter: arrays as PostgreSQL array literals, objects as JSON text. */
function parameter(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) =>
      typeof item === "number" ? String(item) : `"${String(item).replace(/["\\]/g, "\\$&")}"`,
    );
    return `{${items.join(",")}}`;
  }
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return JSON.stringify(value);
  }
  return value;
}

/**
 * Inserts a table's rows in multi-row parameterised INSERTs. Column names come from the entity's
 * metadata; the SQL is built here rather than by the query builder, which spent most of the time
 * preparing statements.
 */
async function insertChunks(
  manager: EntityManager,
  rows: TableRows<ObjectLiteral>,
  onRows: (count: number) => void,
): Promise<void> {
  const first = rows.rows[0];
  if (!first) return;
  const metadata = manager.connection.getMetadata(rows.entity);
  const properties = Object.keys(first);
  const columns = properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.tableName} has no column for ${property}`);
    return `"${column.databaseName}"`;
  });
  const size = Math.max(
    1,
    Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / properties.length)),
  );
  const head = `INSERT INTO "${metadata.tableName}" (${columns.join(", ")}) VALUES `;
  for (let start = 0; start < rows.rows.length; start += size) {
    const chunk = rows.rows.slice(start, start + size);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const record = row as Record<string, unknown>;
      const slots = properties.map((property) => {
        params.push(parameter(record[property]));
        return `$${params.length}`;
      });
      return `(${slots.join(", ")})`;
    });
    await manager.query(head + tuples.join(", "), params);
    onRows(chunk.length);
  }
}

/**
 * Writes a demo world into a migrated, empty database in one transaction: multi-row INSERTs in
 * chunks, tables in foreign-key order. Reports progress through `onProgress` after each chunk.
 * Last, in the same transaction, refreshes the impact metrics' materialized views (`impact_*`)
 * so the partner figures cover the world written.
 */
export async function writeDemoWorld(
  dataSource: DataSource,
  world: DemoWorld,
  options: { onProgress?: (progress: WriteProgress) => void } = {},
): Promise<WriteReport> {
  const started = Date.now();
  const tables = worldTables(world, await hashDemoPasswords(world));
  const total = tables.reduce((sum, t) => sum + t.rows.length, 0);
  const rowsByTable: Record<string, number> = {};
  let done = 0;
  await dataSource.transaction(async (manager) => {
    for (const t of tables) {
      rowsByTable[t.table] = t.rows.length;
      options.onProgress?.({ table: t.table, done, total });
      await insertChunks(manager, t, (count) => {
        done += count;
        options.onProgress?.({ table: t.table, done, total });
      });
    }
    await refreshImpactViews(manager, { concurrently: false });
  });
  return { rowsByTable, totalRows: total, elapsedMs: Date.now() - started };
}
