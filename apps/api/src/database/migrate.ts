import type { DataSource } from "typeorm";

/**
 * Key of the PostgreSQL advisory lock held while migrating, so that API replicas starting at
 * once, or a migration Job and an API, never apply the same migration twice. Any constant
 * unlikely to be used by something else on the same server will do.
 */
export const MIGRATION_LOCK_KEY = 4_207_311_861;

function isPglite(dataSource: DataSource): boolean {
  return (dataSource.options as { driver?: unknown }).driver !== undefined;
}

/**
 * Applies the pending committed migrations (each in its own transaction) while holding
 * {@link MIGRATION_LOCK_KEY} on a connection of the primary; a second caller waits for the first
 * and then finds nothing to do. Returns the names of the migrations applied.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  if (isPglite(dataSource)) {
    return (await dataSource.runMigrations({ transaction: "each" })).map((m) => m.name);
  }
  const runner = dataSource.createQueryRunner("master");
  await runner.connect();
  try {
    await runner.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      return (await dataSource.runMigrations({ transaction: "each" })).map((m) => m.name);
    } finally {
      await runner.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

/**
 * Names of the committed migrations the database has not applied yet (all of them when the
 * migrations table does not exist). Reads only; creates nothing.
 */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const known = dataSource.migrations.map((m) => m.name ?? m.constructor.name);
  let applied: { name: string }[];
  try {
    applied = await dataSource.query("SELECT name FROM schema_migrations");
  } catch (error) {
    if ((error as { code?: string }).code === "42P01") return known; // no migrations table yet
    throw error;
  }
  const done = new Set(applied.map((row) => row.name));
  return known.filter((name) => !done.has(name));
}

/**
 * Waits until every committed migration is applied (by a migration Job, another replica…),
 * checking every `pollMs`; rejects after `timeoutMs` naming what is still pending.
 */
export async function waitForMigrations(
  dataSource: DataSource,
  timeoutMs: number,
  pollMs = 1_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await pendingMigrations(dataSource);
    if (pending.length === 0) return;
    if (Date.now() >= deadline) {
      throw new Error(
        `${pending.length} migration(s) still pending after ${timeoutMs} ms: ${pending.join(", ")}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
