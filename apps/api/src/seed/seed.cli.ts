import "reflect-metadata";
import { SingleBar, Presets } from "cli-progress";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config";
import { createDataSource, type DatabaseTarget } from "../database/data-source";
import { DEMO_PASSWORD } from "./plan/users";
import { databaseHasData, resetDatabase, seedDemoWorld } from "./seed-database";

const USAGE = `Usage: pnpm seed [-- --scale N] [--database-url URL] [--reset] [--now ISO] [--seed N]

Writes the deterministic Taihang demo world into the database the API uses: DATABASE_URL when
set, otherwise the embedded PGlite in apps/api/.data/pglite (PGLITE_DIR). Refuses a database
that already holds data unless --reset is given (which drops and re-creates the schema).

  --scale N           1 (default) = Sanggang and Baoshi as published; N adds N-1 invented markets
  --database-url URL  a PostgreSQL URL instead of DATABASE_URL / PGlite
  --reset             empty the database first
  --now ISO           the present of the demo history (default: the current time)
  --seed N            another deterministic world`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) fail(`${name} must be a whole number ≥ 1, got "${raw}"`);
  return n;
}

async function main(): Promise<void> {
  let args;
  try {
    // `pnpm seed -- --scale 2` may hand the separator through.
    const argv = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === "--"));
    args = parseArgs({
      args: argv,
      options: {
        scale: { type: "string" },
        "database-url": { type: "string" },
        reset: { type: "boolean", default: false },
        now: { type: "string" },
        seed: { type: "string" },
        help: { type: "boolean", default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const scale = positiveInteger("--scale", args.scale, 1);
  const seed = args.seed === undefined ? undefined : positiveInteger("--seed", args.seed, 1);
  const now = args.now === undefined ? new Date() : new Date(args.now);
  if (Number.isNaN(now.getTime())) fail(`--now is not a date: "${args.now}"`);

  let target: DatabaseTarget;
  try {
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: args["database-url"] ?? process.env.DATABASE_URL,
    });
    target = config.databaseUrl
      ? { kind: "postgres", url: config.databaseUrl }
      : { kind: "pglite", dir: config.pgliteDir };
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const where = target.kind === "postgres" ? "PostgreSQL" : `PGlite in ${target.dir}`;

  const dataSource = createDataSource(target);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: "each" });
    if (await databaseHasData(dataSource)) {
      if (!args.reset) {
        console.error(
          `The database (${where}) already holds data; run with --reset to replace it.`,
        );
        process.exitCode = 1;
        return;
      }
      console.log(`Resetting ${where} …`);
      await resetDatabase(dataSource);
    }
    console.log(
      `Seeding the Taihang demo world (scale ${scale}, now ${now.toISOString()}) into ${where}`,
    );
    const bar = new SingleBar(
      { format: " {bar} {percentage}% | {value}/{total} rows | {table}", hideCursor: true },
      Presets.shades_classic,
    );
    const report = await seedDemoWorld(dataSource, {
      now,
      scale,
      seed,
      onBuilt: (total) => bar.start(total, 0, { table: "" }),
      onProgress: ({ table, done }) => bar.update(done, { table }),
    });
    bar.stop();
    const width = Math.max(...Object.keys(report.rowsByTable).map((t) => t.length));
    for (const [table, n] of Object.entries(report.rowsByTable)) {
      console.log(`  ${table.padEnd(width)} ${String(n).padStart(8)}`);
    }
    console.log(
      `${report.totalRows} rows: world built in ${(report.buildMs / 1000).toFixed(1)} s, ` +
        `written in ${(report.elapsedMs / 1000).toFixed(1)} s.`,
    );
    console.log(
      `Sign in with admin@, staff@, finance@, partner@, leader-sg@, leader-bs@ or c0001@demo.nested.market, password "${DEMO_PASSWORD}".`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
