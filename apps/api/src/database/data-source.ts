import "reflect-metadata";
import { mkdirSync } from "node:fs";
import { DataSource, type DataSourceOptions } from "typeorm";
import { PGliteDriver } from "typeorm-pglite";
import { ENTITIES } from "./entities";
import { MIGRATIONS } from "./migrations";
import { SnakeNamingStrategy } from "./naming-strategy";

/**
 * Where the data lives: a real PostgreSQL server (`url`, e.g. `postgres://127.0.0.1:5432/nested`)
 * or the embedded PGlite in a local folder (`pgliteDir`), the zero-setup default.
 */
export type DatabaseTarget =
  | {
      kind: "postgres";
      url: string;
      /** Read replicas of `url`; reads go there only when asked (see replica.ts). */
      replicaUrls?: readonly string[];
      /** Connections per pool (the primary's and each replica's); default 10. */
      poolMax?: number;
    }
  | { kind: "pglite"; dir: string };

/**
 * Builds (does not initialise) the TypeORM data source for a target. Both modes use the same
 * entities and the same committed migrations; `synchronize` is always off. Column and constraint
 * names come from {@link SnakeNamingStrategy} (`householdId` → `household_id`).
 */
export function createDataSource(
  target: DatabaseTarget,
  options: { logging?: boolean } = {},
): DataSource {
  const common = {
    type: "postgres",
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: "schema_migrations",
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+ and PGlite: no extension to install.
    uuidExtension: "pgcrypto",
    installExtensions: false,
    synchronize: false,
    logging: options.logging ?? false,
  } as const;
  if (target.kind === "postgres") {
    const extra = { max: target.poolMax ?? 10 };
    const replicas = target.replicaUrls ?? [];
    if (replicas.length === 0) {
      return new DataSource({ ...common, url: target.url, extra } as DataSourceOptions);
    }
    // TypeORM's replication: writes, transactions and raw queries use the primary ("master");
    // defaultMode "master" keeps query-builder reads there too, so only reads that ask for a
    // replica ("slave" query runner, replica.ts) can see a replica's lag.
    return new DataSource({
      ...common,
      extra,
      replication: {
        master: { url: target.url },
        slaves: replicas.map((url) => ({ url })),
        defaultMode: "master",
      },
    } as DataSourceOptions);
  }
  mkdirSync(target.dir, { recursive: true });
  return new DataSource({
    ...common,
    driver: new PGliteDriver({ dataDir: target.dir }).driver,
  } as DataSourceOptions);
}
