import path from "node:path";

/** How the API is configured, read once from the environment at start. */
export interface ApiConfig {
  /** TCP port of the HTTP server (PORT, default 4000). */
  port: number;
  /** Host to bind (HOST, default 127.0.0.1). */
  host: string;
  /** "production" hides schema suggestions and sets Secure cookies (NODE_ENV). */
  production: boolean;
  /** DATABASE_URL for real PostgreSQL; absent means the embedded PGlite. */
  databaseUrl: string | null;
  /** Folder of the embedded PGlite data (PGLITE_DIR, default apps/api/.data/pglite). */
  pgliteDir: string;
  /** Seed the Taihang demo data into an empty database at start (SEED_DEMO; default on for PGlite only). */
  seedDemo: boolean;
  /** pino log level (LOG_LEVEL, default info; "silent" in tests). */
  logLevel: string;
  /** Folders with the built SPAs, served at /shop/ and /admin/ when present. */
  shopDist: string;
  adminDist: string;
}

/** Thrown when an environment variable is missing or malformed; the message names it. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const API_ROOT = path.resolve(__dirname, "..");

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 4000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function parseDatabaseUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw === "") return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`DATABASE_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new ConfigError(
      `DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}"`,
    );
  }
  return raw;
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes"].includes(raw.toLowerCase())) return true;
  if (["0", "false", "no"].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/**
 * Reads the configuration from `env`.
 * @throws ConfigError naming the variable that is missing or malformed.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const databaseUrl = parseDatabaseUrl(env.DATABASE_URL);
  return {
    port: parsePort(env.PORT),
    host: env.HOST || "127.0.0.1",
    production: env.NODE_ENV === "production",
    databaseUrl,
    pgliteDir: env.PGLITE_DIR || path.join(API_ROOT, ".data", "pglite"),
    seedDemo: parseBoolean("SEED_DEMO", env.SEED_DEMO, databaseUrl === null),
    logLevel: env.LOG_LEVEL || "info",
    shopDist: env.SHOP_DIST || path.resolve(API_ROOT, "..", "shop", "dist"),
    adminDist: env.ADMIN_DIST || path.resolve(API_ROOT, "..", "admin", "dist"),
  };
}
