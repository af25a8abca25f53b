import path from "node:path";
import {
  ORDER_OPERATIONS_PER_ADDRESS,
  ORDER_OPERATIONS_PER_HOUSEHOLD,
} from "./modules/order/order-limits";

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
  /**
   * Read replicas of DATABASE_URL (DATABASE_REPLICA_URLS, comma-separated postgres URLs; empty
   * means none). Only reads that ask for a replica go there (see database/replica.ts).
   */
  databaseReplicaUrls: string[];
  /** Connections per pool, primary and each replica (DATABASE_POOL_MAX, default 10). */
  databasePoolMax: number;
  /** Run pending migrations at start (MIGRATE_ON_START, default true). */
  migrateOnStart: boolean;
  /**
   * Redis for state shared by replicas, e.g. sign-in rate limits (REDIS_URL, `redis://` or
   * `rediss://`, database index as the path); absent means in-process memory.
   */
  redisUrl: string | null;
  /**
   * Ordering operations (place, change, cancel) one household may make per hour
   * (ORDER_LIMIT_PER_HOUSEHOLD, default 30; see modules/order/order-limiter.ts for why).
   */
  orderLimitPerHousehold: number;
  /** Ordering operations allowed per client address per hour (ORDER_LIMIT_PER_ADDRESS, default 300). */
  orderLimitPerAddress: number;
  /**
   * Run the background job workers in this process (JOB_WORKERS, default true). With
   * DATABASE_URL the jobs are pg-boss rows in PostgreSQL and any process may enqueue them;
   * false makes this process enqueue only (e.g. API replicas, with workers elsewhere). With the
   * embedded PGlite the handlers always run inline in this process.
   */
  jobWorkers: boolean;
  /**
   * Seconds a job may stay active before it is counted as failed and retried by another worker
   * (JOB_EXPIRE_SECONDS, default 900): how long the job of a replica that died waits.
   */
  jobExpireSeconds: number;
  /** Seconds between pg-boss maintenance runs, which expire such jobs (JOB_MAINTENANCE_SECONDS, default 60). */
  jobMaintenanceSeconds: number;
  /** Seconds between a worker's polls for new jobs (JOB_POLL_SECONDS, default 2). */
  jobPollSeconds: number;
  /** Prefix of every Redis key this API writes (REDIS_KEY_PREFIX, default "nm:"). */
  redisKeyPrefix: string;
  /**
   * Which proxies' X-Forwarded-For to believe, as Express's "trust proxy" (TRUST_PROXY: a hop
   * count, or comma-separated addresses, CIDR ranges or the names loopback, linklocal,
   * uniquelocal; default "loopback").
   */
  trustProxy: string | number;
  /**
   * On SIGTERM: milliseconds /health answers 503 while requests are still served, so that load
   * balancers stop sending new ones before the listener closes (SHUTDOWN_DELAY_MS, default 0).
   */
  shutdownDelayMs: number;
  /**
   * On SIGTERM: milliseconds in-flight requests get to finish after the listener closed, before
   * their connections are cut (SHUTDOWN_TIMEOUT_MS, default 20000).
   */
  shutdownTimeoutMs: number;
}

/** Thrown when an environment variable is missing or malformed; the message names it. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const API_ROOT = path.resolve(__dirname, "..");

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

function parseInteger(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** Parses a URL or throws a ConfigError naming `name`; the message never echoes a password. */
function parseUrl(name: string, raw: string, protocols: string[]): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(`${name} is not a URL: "${withoutPassword(raw)}"`);
  }
  if (!protocols.includes(url.protocol)) {
    const allowed = protocols.map((p) => `${p}//`).join(" or ");
    throw new ConfigError(`${name} must start with ${allowed}, got "${url.protocol}"`);
  }
  if (!url.hostname) throw new ConfigError(`${name} names no host: "${withoutPassword(raw)}"`);
  return url;
}

function withoutPassword(raw: string): string {
  return raw.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}

function parseDatabaseUrl(name: string, raw: string): string {
  parseUrl(name, raw, ["postgres:", "postgresql:"]);
  return raw.trim();
}

function parseRedisUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw === "") return null;
  const url = parseUrl("REDIS_URL", raw, ["redis:", "rediss:"]);
  const db = url.pathname.replace(/^\//, "");
  if (db !== "" && !/^\d+$/.test(db)) {
    throw new ConfigError(`REDIS_URL's path must be a database number like /0, got "/${db}"`);
  }
  if (url.port !== "" && Number(url.port) === 0) {
    throw new ConfigError(`REDIS_URL's port must not be 0`);
  }
  return raw.trim();
}

function parseReplicaUrls(raw: string | undefined, primary: string | null): string[] {
  const urls = (raw ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (urls.length > 0 && primary === null) {
    throw new ConfigError("DATABASE_REPLICA_URLS needs DATABASE_URL (the primary) as well");
  }
  return urls.map((url, i) => parseDatabaseUrl(`DATABASE_REPLICA_URLS (entry ${i + 1})`, url));
}

function parseTrustProxy(raw: string | undefined): string | number {
  if (raw === undefined || raw.trim() === "") return "loopback";
  const value = raw.trim();
  if (/^\d+$/.test(value)) return Number(value);
  if (["true", "false"].includes(value.toLowerCase())) {
    throw new ConfigError(
      `TRUST_PROXY must be a hop count or the proxies' addresses (e.g. "loopback, uniquelocal"), ` +
        `not "${value}": trusting every proxy lets any client choose its address`,
    );
  }
  return value;
}

function parseLogLevel(raw: string | undefined): string {
  if (raw === undefined || raw === "") return "info";
  if (!LOG_LEVELS.includes(raw)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${raw}"`);
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
  const databaseUrl = env.DATABASE_URL ? parseDatabaseUrl("DATABASE_URL", env.DATABASE_URL) : null;
  const production = env.NODE_ENV === "production";
  if (production && databaseUrl === null) {
    throw new ConfigError(
      "DATABASE_URL is required when NODE_ENV=production: the embedded PGlite is for one " +
        "process on one machine, not for a deployment",
    );
  }
  return {
    port: parseInteger("PORT", env.PORT, 4000, 0, 65_535),
    host: env.HOST || "127.0.0.1",
    production,
    databaseUrl,
    pgliteDir: env.PGLITE_DIR || path.join(API_ROOT, ".data", "pglite"),
    seedDemo: parseBoolean("SEED_DEMO", env.SEED_DEMO, databaseUrl === null),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    shopDist: env.SHOP_DIST || path.resolve(API_ROOT, "..", "shop", "dist"),
    adminDist: env.ADMIN_DIST || path.resolve(API_ROOT, "..", "admin", "dist"),
    databaseReplicaUrls: parseReplicaUrls(env.DATABASE_REPLICA_URLS, databaseUrl),
    databasePoolMax: parseInteger("DATABASE_POOL_MAX", env.DATABASE_POOL_MAX, 10, 1, 1000),
    migrateOnStart: parseBoolean("MIGRATE_ON_START", env.MIGRATE_ON_START, true),
    redisUrl: parseRedisUrl(env.REDIS_URL),
    redisKeyPrefix: env.REDIS_KEY_PREFIX ?? "nm:",
    jobWorkers: parseBoolean("JOB_WORKERS", env.JOB_WORKERS, true),
    jobExpireSeconds: parseInteger("JOB_EXPIRE_SECONDS", env.JOB_EXPIRE_SECONDS, 900, 1, 86_400),
    jobMaintenanceSeconds: parseInteger(
      "JOB_MAINTENANCE_SECONDS",
      env.JOB_MAINTENANCE_SECONDS,
      60,
      1,
      3_600,
    ),
    jobPollSeconds: parseInteger("JOB_POLL_SECONDS", env.JOB_POLL_SECONDS, 2, 1, 600),
    orderLimitPerHousehold: parseInteger(
      "ORDER_LIMIT_PER_HOUSEHOLD",
      env.ORDER_LIMIT_PER_HOUSEHOLD,
      ORDER_OPERATIONS_PER_HOUSEHOLD,
      1,
      1_000_000,
    ),
    orderLimitPerAddress: parseInteger(
      "ORDER_LIMIT_PER_ADDRESS",
      env.ORDER_LIMIT_PER_ADDRESS,
      ORDER_OPERATIONS_PER_ADDRESS,
      1,
      1_000_000,
    ),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    shutdownDelayMs: parseInteger("SHUTDOWN_DELAY_MS", env.SHUTDOWN_DELAY_MS, 0, 0, 600_000),
    shutdownTimeoutMs: parseInteger(
      "SHUTDOWN_TIMEOUT_MS",
      env.SHUTDOWN_TIMEOUT_MS,
      20_000,
      0,
      600_000,
    ),
  };
}
