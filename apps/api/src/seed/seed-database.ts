import type { DataSource } from "typeorm";
import { buildDemoWorld, countRows } from "./plan/build-demo-world";
import { writeDemoWorld, type WriteProgress, type WriteReport } from "./write-demo-world";

/** Whether the database already holds market data (any user or producer group). */
export async function databaseHasData(dataSource: DataSource): Promise<boolean> {
  const rows: { n: string | number }[] = await dataSource.query(
    `SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM producer_groups) AS n`,
  );
  return Number(rows[0]?.n) > 0;
}

/**
 * Empties a database by dropping and recreating the `public` schema, then runs the committed
 * migrations again. Everything is lost: only for `--reset` of a demo database.
 */
export async function resetDatabase(dataSource: DataSource): Promise<void> {
  await dataSource.query(`DROP SCHEMA public CASCADE`);
  await dataSource.query(`CREATE SCHEMA public`);
  await dataSource.runMigrations({ transaction: "each" });
}

/** What seeding did, with timings in milliseconds. */
export interface SeedReport extends WriteReport {
  buildMs: number;
  planRows: Record<string, number>;
}

/**
 * Builds the demo world for `now` and `scale` and writes it into a migrated database. The caller
 * decides what to do with a non-empty database (see `databaseHasData`).
 */
export async function seedDemoWorld(
  dataSource: DataSource,
  options: {
    now: Date;
    scale: number;
    seed?: number;
    onBuilt?: (totalRows: number) => void;
    onProgress?: (progress: WriteProgress) => void;
  },
): Promise<SeedReport> {
  const started = Date.now();
  const world = buildDemoWorld({ now: options.now, scale: options.scale, seed: options.seed });
  const buildMs = Date.now() - started;
  const planRows = countRows(world);
  options.onBuilt?.(Object.values(planRows).reduce((sum, n) => sum + n, 0));
  const report = await writeDemoWorld(dataSource, world, { onProgress: options.onProgress });
  return { ...report, buildMs, planRows };
}
