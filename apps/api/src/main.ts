import "reflect-metadata";
import { ConfigError, loadConfig } from "./config";
import { RedisUnavailableError } from "./server/redis";

/**
 * Starts the API: real PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite in
 * apps/api/.data/pglite, seeded with the Taihang demo data on the first start.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  // Loaded only once the configuration is known to be good, so that a refused start is instant.
  const { startApi } = await import("./server/start-api.js");
  const { seedDemoIfEmpty } = await import("./seed/seed-demo.js");
  const api = await startApi(config, async (dataSource, log) => {
    if (config.seedDemo) await seedDemoIfEmpty(dataSource, log);
  });
  const where = config.databaseUrl
    ? "PostgreSQL (DATABASE_URL)"
    : `embedded PGlite in ${config.pgliteDir}`;
  api.log.info({ url: api.url, database: where }, "Nested Market API listening");
  console.log(
    [
      `Nested Market is running on ${where}:`,
      `  shop        ${api.url}/shop/`,
      `  admin       ${api.url}/admin/`,
      `  GraphQL     ${api.url}/shop/graphql  ${api.url}/admin/graphql  ${api.url}/partner/graphql`,
      `  health      ${api.url}/health`,
    ].join("\n"),
  );
  // Graceful: readiness goes false, in-flight requests finish, the pool closes, exit 0. A second
  // signal while draining changes nothing (the orchestrator's SIGKILL ends a stop that hangs).
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    api.log.info({ signal }, "shutting down: finishing requests in flight");
    api.stop().then(
      () => {
        api.log.info("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        api.log.error({ err: error }, "unclean shutdown");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(2);
  } else if (error instanceof RedisUnavailableError) {
    console.error(error.message);
  } else if (code === "EADDRINUSE") {
    console.error(
      `Port ${process.env.PORT || 4000} is already in use: stop what runs there or set PORT.`,
    );
  } else if (code === "3D000" || code === "ECONNREFUSED" || code === "28P01" || code === "28000") {
    console.error(`Cannot open the database in DATABASE_URL: ${(error as Error).message}`);
  } else if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    console.error(`Cannot find the database host in DATABASE_URL: ${(error as Error).message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
