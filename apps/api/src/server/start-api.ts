import { createServer, type Server } from "node:http";
import type { Express } from "express";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import type { ApiConfig } from "../config";
import { createDataSource } from "../database/data-source";
import { buildApiSchema } from "../graphql/build-schemas";
import { createLogger } from "../logger";
import { createApp } from "./app";

/** A started API: its data source, HTTP server, base URL and a clean stop. */
export interface RunningApi {
  dataSource: DataSource;
  server: Server;
  url: string;
  log: Logger;
  stop(): Promise<void>;
}

/**
 * Listens on `port`; rejects when the port cannot be had (EADDRINUSE, EACCES) instead of
 * announcing a server that serves nothing.
 */
function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(app);
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}

/**
 * Opens the database (running committed migrations), builds the three schemas and listens.
 * `prepare` runs after migrations and before listening (main.ts seeds the demo data there).
 */
export async function startApi(
  config: ApiConfig,
  prepare?: (dataSource: DataSource, log: Logger) => Promise<void>,
): Promise<RunningApi> {
  const log = createLogger(config.logLevel);
  const dataSource = createDataSource(
    config.databaseUrl
      ? { kind: "postgres", url: config.databaseUrl }
      : { kind: "pglite", dir: config.pgliteDir },
  );
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: "each" });
  if (prepare) await prepare(dataSource, log);

  const [shop, admin, partner] = await Promise.all([
    buildApiSchema("shop"),
    buildApiSchema("admin"),
    buildApiSchema("partner"),
  ]);
  const api = await createApp({ shop, admin, partner }, { config, dataSource, log });
  let server: Server;
  try {
    server = await listen(api.app, config.port, config.host);
  } catch (error) {
    await api.stop();
    await dataSource.destroy();
    throw error;
  }
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  return {
    dataSource,
    server,
    log,
    url: `http://${config.host}:${port}`,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await api.stop();
      await dataSource.destroy();
    },
  };
}
