import type { DataSource } from "typeorm";

/**
 * The SQL TypeORM would still run to make the database match the entities; empty when the
 * committed migrations and the entities agree.
 */
export async function pendingSchemaStatements(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((query) => query.query);
}

/** Names of the tables in the public schema, sorted. */
export async function publicTables(dataSource: DataSource): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await dataSource.query(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}
