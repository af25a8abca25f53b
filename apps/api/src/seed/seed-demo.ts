import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import { DEMO_PASSWORD } from "./plan/users";
import { databaseHasData, seedDemoWorld } from "./seed-database";

/**
 * Fills an empty database with the Taihang demo data at scale 1, its history ending today (the
 * current month's cycle OPEN). A database that already holds data is left alone.
 */
export async function seedDemoIfEmpty(dataSource: DataSource, log: Logger): Promise<void> {
  if (await databaseHasData(dataSource)) return;
  log.info("empty database: seeding the Taihang demo data (about half a minute, once)");
  let lastTable = "";
  const report = await seedDemoWorld(dataSource, {
    now: new Date(),
    scale: 1,
    onProgress: ({ table, done, total }) => {
      if (table !== lastTable) {
        lastTable = table;
        log.debug({ table, done, total }, "seeding");
      }
    },
  });
  log.info(
    { rows: report.totalRows, buildMs: report.buildMs, writeMs: report.elapsedMs },
    `demo data seeded; sign in as admin@demo.nested.market (password "${DEMO_PASSWORD}")`,
  );
}
