import "reflect-metadata";
import { ConfigError, loadConfig } from "../config";
import { createDataSource } from "./data-source";
import { migrate, waitForMigrations } from "./migrate";

const USAGE = `Usage: node dist/database/migrate.cli.js [--wait]

  (no option)  apply the pending committed migrations to DATABASE_URL, then exit 0
               (what the migration Job and the compose "migrate" service run)
  --wait       apply nothing: wait until another process has applied them all
               (an API pod's init container), at most MIGRATION_WAIT_SECONDS (default 600)`;

/** The migration Job's and init container's entry: see {@link USAGE}. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.some((arg) => arg !== "--wait")) {
    console.error(USAGE);
    process.exit(2);
  }
  let config;
  let waitSeconds: number;
  try {
    config = loadConfig();
    if (!config.databaseUrl) throw new ConfigError("DATABASE_URL is required to migrate");
    const raw = process.env.MIGRATION_WAIT_SECONDS ?? "600";
    waitSeconds = Number(raw);
    if (!/^\d+$/.test(raw)) {
      throw new ConfigError(`MIGRATION_WAIT_SECONDS must be a whole number, got "${raw}"`);
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  // Only the primary: migrations never go to a replica.
  const dataSource = createDataSource({ kind: "postgres", url: config.databaseUrl, poolMax: 2 });
  await dataSource.initialize();
  try {
    if (args.includes("--wait")) {
      await waitForMigrations(dataSource, waitSeconds * 1000);
      console.log("All migrations are applied.");
    } else {
      const applied = await migrate(dataSource);
      console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No migration was pending.");
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
