import { randomBytes } from "node:crypto";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { createDataSource } from "../database/data-source";

/** The PostgreSQL server the tests use; each test file makes and drops its own database there. */
export const TEST_SERVER_URL =
  process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs one statement on the test server's maintenance database (CREATE/DROP DATABASE …). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A throwaway database on the real test server, with its URL and a way to drop it. */
export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database named `nm_test_<prefix>_<random>` on the test server. */
export async function createTestDatabase(prefix = "t"): Promise<TestDatabase> {
  const name = `nm_test_${prefix.replace(/[^a-z0-9_]/gi, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  return {
    name,
    url: withDatabase(TEST_SERVER_URL, name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** A fresh database with every committed migration applied, and its initialised data source. */
export async function createMigratedDataSource(
  prefix = "t",
): Promise<{ db: TestDatabase; dataSource: DataSource; close(): Promise<void> }> {
  const db = await createTestDatabase(prefix);
  const dataSource = createDataSource({ kind: "postgres", url: db.url });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: "each" });
  return {
    db,
    dataSource,
    async close() {
      await dataSource.destroy();
      await db.drop();
    },
  };
}
