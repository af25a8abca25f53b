/**
 * Writes a migration for whatever the entities declare that the committed migrations do not.
 *
 *   pnpm --filter @nested/api build
 *   node dist/database/generate-migration.js AddFeedbackPhotos
 *
 * It creates a scratch database on the server of `DATABASE_URL` (default: the local test server
 * at 127.0.0.1:5432), runs every committed migration there, asks TypeORM's schema builder for
 * the remaining difference, writes `src/database/migrations/<timestamp>-<Name>.ts` and drops the
 * scratch database. Register the new class at the end of `MIGRATIONS` in `migrations.ts`, read
 * the SQL, and commit both. Things TypeORM cannot express (expression indexes, triggers) go into
 * hand-written migrations instead, with `synchronize: false` on their entity side.
 */
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pendingSchemaChanges, renderMigration } from "./schema-diff";

/** The local PostgreSQL server (trust auth); the scratch database is created on it. */
const DEFAULT_SERVER_URL = "postgres://postgres@127.0.0.1:5432/postgres";

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    console.error("usage: node dist/database/generate-migration.js <PascalCaseName>");
    process.exitCode = 2;
    return;
  }
  const { up, down } = await pendingSchemaChanges(process.env.DATABASE_URL ?? DEFAULT_SERVER_URL);
  if (up.length === 0) {
    console.log("The entities match the committed migrations: nothing to generate.");
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  // Run from dist/database/, write next to the committed sources.
  const file = join(resolve(__dirname, "../../src/database/migrations"), `${timestamp}-${name}.ts`);
  writeFileSync(file, renderMigration(className, up, down));
  console.log(`Wrote ${file} (${up.length} statements).`);
  console.log(`Register it last in src/database/migrations.ts:`);
  console.log(`  import { ${className} } from "./migrations/${timestamp}-${name}";`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
