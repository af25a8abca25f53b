import type { Logger } from "pino";
import type { DataSource } from "typeorm";

/** Fills an empty database with the Taihang demo data (wired to the generator when it lands). */
export async function seedDemoIfEmpty(_dataSource: DataSource, _log: Logger): Promise<void> {}
