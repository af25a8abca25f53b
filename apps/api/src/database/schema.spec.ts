import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { createMigratedDataSource } from "../test/test-database";
import { pendingSchemaStatements, publicTables } from "../test/schema-drift";
import { ENTITIES } from "./entities";
import { MIGRATIONS } from "./migrations";

describe("the committed migrations build exactly the schema the entities declare", () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ dataSource, close } = await createMigratedDataSource("schema"));
  });
  afterAll(async () => {
    await close();
  });

  it("leaves TypeORM nothing to change (else: generate a migration for the entity change)", async () => {
    const pending = await pendingSchemaStatements(dataSource);
    expect(
      pending,
      `Entities and migrations differ. Run \`pnpm --filter @nested/api build && node apps/api/dist/database/generate-migration.js <Name>\`. Pending SQL:\n${pending.join(";\n")}`,
    ).toEqual([]);
  });

  it("creates one table per entity, plus the migrations table", async () => {
    const expected = [
      ...dataSource.entityMetadatas.map((metadata) => metadata.tableName),
      "schema_migrations",
    ].sort();
    expect(await publicTables(dataSource)).toEqual(expected);
    expect(dataSource.entityMetadatas).toHaveLength(ENTITIES.length);
  });

  it("every foreign key refuses to delete the row it points at", async () => {
    const rows: Array<{ name: string; rule: string }> = await dataSource.query(
      `SELECT constraint_name AS name, delete_rule AS rule
       FROM information_schema.referential_constraints WHERE constraint_schema = 'public'`,
    );
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter((row) => row.rule !== "RESTRICT")).toEqual([]);
  });

  it("every table carrying producer_group_id has an index that starts with it", async () => {
    const rows: Array<{ table_name: string }> = await dataSource.query(
      `SELECT c.table_name FROM information_schema.columns c
       WHERE c.table_schema = 'public' AND c.column_name = 'producer_group_id'
         AND NOT EXISTS (
           SELECT 1 FROM pg_index i
           JOIN pg_class t ON t.oid = i.indrelid
           JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
           WHERE t.relname = c.table_name AND a.attname = 'producer_group_id')`,
    );
    expect(rows.map((row) => row.table_name)).toEqual([]);
  });

  it("runs every migration down and up again, ending with the same schema", async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) {
      await dataSource.undoLastMigration({ transaction: "each" });
    }
    expect(await publicTables(dataSource)).toEqual(["schema_migrations"]);

    const applied = await dataSource.runMigrations({ transaction: "each" });
    expect(applied).toHaveLength(MIGRATIONS.length);
    expect(await pendingSchemaStatements(dataSource)).toEqual([]);
  });
});
