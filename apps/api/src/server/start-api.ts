import { createServer, type Server } from "node:http";
import type { Express } from "express";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import { type ApiConfig, ConfigError } from "../config";
import { createDataSource } from "../database/data-source";
import { migrate, pendingMigrations } from "../database/migrate";
import { buildApiSchema } from "../graphql/build-schemas";
import { createLogger } from "../logger";
import { createApp, type Lifecycle } from "./app";
import { connectRedis } from "./redis";
import { createJobHandlers } from "../modules/jobs/job-handlers";
import type { JobQueue } from "../modules/jobs/job-queue";
import { InlineQueue } from "../modules/jobs/inline-queue";
import { PgBossQueue } from "../modules/jobs/pg-boss-queue";

/** A started API: its data source, HTTP server, base URL and a clean stop. */
export interface RunningApi {
  dataSource: DataSource;
  server: Server;
  url: string;
  log: Logger;
  /** The Redis client when REDIS_URL is set. */
  redis: Redis | null;
  /** The background job queue: pg-boss with DATABASE_URL, inline with the embedded PGlite. */
  jobs: JobQueue;
  /**
   * Graceful stop (SIGTERM): /health answers 503 at once; after `shutdownDelayMs` the listener
   * closes and requests arriving on open connections get 503; requests in flight finish (cut
   * after `shutdownTimeoutMs`); then the GraphQL servers stop, the job workers stop (active jobs
   * get what is left of `shutdownTimeoutMs`, at least 1 s; one still running then is failed and
   * retried elsewhere), and the pool and Redis close. Calling it
   * again returns the same promise.
   */
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Closes the listener and waits for the open connections to end: idle keep-alive connections
 * are closed as soon as they are idle; after `timeoutMs` the rest are cut.
 */
async function closeServer(server: Server, timeoutMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
  try {
    await closed;
  } finally {
    clearInterval(idleSweep);
    clearTimeout(timer);
  }
}

/**
 * The job queue: pg-boss on DATABASE_URL (its own pool and `pgboss` schema, workers unless
 * JOB_WORKERS=false), or with the embedded PGlite, which pg-boss cannot reach over the network,
 * the same handlers run inline in this process.
 */
async function startJobs(
  config: ApiConfig,
  dataSource: DataSource,
  log: Logger,
): Promise<JobQueue> {
  const handlers = createJobHandlers(dataSource, log);
  if (!config.databaseUrl) return new InlineQueue(handlers, log);
  return PgBossQueue.start({
    connectionString: config.databaseUrl,
    workers: config.jobWorkers,
    expireSeconds: config.jobExpireSeconds,
    maintenanceSeconds: config.jobMaintenanceSeconds,
    pollSeconds: config.jobPollSeconds,
    poolMax: Math.min(config.databasePoolMax, 4),
    handlers,
    log,
  });
}

/**
 * Opens the database (running committed migrations unless MIGRATE_ON_START=false), connects to
 * Redis when REDIS_URL is set, builds the three schemas and listens. `prepare` runs after
 * migrations and before listening (main.ts seeds the demo data there).
 * @throws ConfigError when migrations are pending and the API may not run them;
 *   RedisUnavailableError when REDIS_URL is set and Redis does not answer.
 */
export async function startApi(
  config: ApiConfig,
  prepare?: (dataSource: DataSource, log: Logger) => Promise<void>,
): Promise<RunningApi> {
  const log = createLogger(config.logLevel);
  const dataSource = createDataSource(
    config.databaseUrl
      ? {
          kind: "postgres",
          url: config.databaseUrl,
          replicaUrls: config.databaseReplicaUrls,
          poolMax: config.databasePoolMax,
        }
      : { kind: "pglite", dir: config.pgliteDir },
  );
  const redis = config.redisUrl ? await connectRedis(config.redisUrl, log) : null;
  try {
    await dataSource.initialize();
  } catch (error) {
    redis?.disconnect();
    throw error;
  }
  try {
    if (config.migrateOnStart) {
      await migrate(dataSource);
    } else {
      const pending = await pendingMigrations(dataSource);
      if (pending.length > 0) {
        throw new ConfigError(
          `MIGRATE_ON_START=false, and the database lacks ${pending.length} migration(s) ` +
            `(${pending.join(", ")}): run node dist/database/migrate.cli.js first`,
        );
      }
    }
    if (prepare) await prepare(dataSource, log);
  } catch (error) {
    redis?.disconnect();
    await dataSource.destroy();
    throw error;
  }

  let jobs: JobQueue;
  try {
    jobs = await startJobs(config, dataSource, log);
  } catch (error) {
    redis?.disconnect();
    await dataSource.destroy();
    throw error;
  }

  const [shop, admin, partner] = await Promise.all([
    buildApiSchema("shop"),
    buildApiSchema("admin"),
    buildApiSchema("partner"),
  ]);
  const lifecycle: Lifecycle = { draining: false, closing: false };
  const api = await createApp(
    { shop, admin, partner },
    { config, dataSource, log, redis, lifecycle, jobs },
  );
  // Workers stop before the pool closes; they get what is left of SHUTDOWN_TIMEOUT_MS after the
  // requests in flight (at least 1 s), so a stop stays within delay + timeout (+1 s).
  const release = async (deadline = Date.now() + config.shutdownTimeoutMs) => {
    await api.stop();
    await jobs.stop(Math.max(1_000, deadline - Date.now()));
    await dataSource.destroy();
    if (redis) await redis.quit().catch(() => redis?.disconnect());
  };
  let server: Server;
  try {
    server = await listen(api.app, config.port, config.host);
  } catch (error) {
    await release();
    throw error;
  }
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  let stopping: Promise<void> | null = null;
  return {
    dataSource,
    server,
    log,
    redis,
    jobs,
    url: `http://${config.host}:${port}`,
    stop() {
      stopping ??= (async () => {
        lifecycle.draining = true;
        if (config.shutdownDelayMs > 0) await sleep(config.shutdownDelayMs);
        lifecycle.closing = true;
        const deadline = Date.now() + config.shutdownTimeoutMs;
        await closeServer(server, config.shutdownTimeoutMs);
        await release(deadline);
      })();
      return stopping;
    },
  };
}
