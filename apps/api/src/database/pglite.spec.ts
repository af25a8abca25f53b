import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pendingSchemaStatements } from "../test/schema-drift";
import { createDataSource } from "./data-source";
import { MIGRATIONS } from "./migrations";

describe("the embedded PGlite database (the zero-setup default)", () => {
  // One test only: PGlite takes seconds and hundreds of MB to start.
  it("takes the same committed migrations and then matches the entities", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nm-pglite-"));
    const dataSource = createDataSource({ kind: "pglite", dir });
    try {
      await dataSource.initialize();
      const applied = await dataSource.runMigrations({ transaction: "each" });
      expect(applied.map((migration) => migration.name)).toEqual(
        MIGRATIONS.map((migration) => new migration().name),
      );
      expect(await pendingSchemaStatements(dataSource)).toEqual([]);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
