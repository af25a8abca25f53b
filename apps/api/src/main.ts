import "reflect-metadata";
import { ConfigError, loadConfig } from "./config";
import { seedDemoIfEmpty } from "./seed/seed-demo";
import { startApi } from "./server/start-api";

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
  const shutdown = (signal: string) => {
    api.log.info({ signal }, "shutting down");
    api.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        api.log.error({ err: error }, "unclean shutdown");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  if (code === "EADDRINUSE") {
    console.error(
      `Port ${process.env.PORT || 4000} is already in use: stop what runs there or set PORT.`,
    );
  } else if (code === "3D000" || code === "ECONNREFUSED" || code === "28P01" || code === "28000") {
    console.error(`Cannot open the database in DATABASE_URL: ${(error as Error).message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
