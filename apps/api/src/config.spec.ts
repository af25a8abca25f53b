import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("configuration from the environment", () => {
  it("defaults to the embedded PGlite with the demo data and port 4000", () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeNull();
    expect(config.seedDemo).toBe(true);
    expect(config.port).toBe(4000);
    expect(config.pgliteDir).toMatch(/apps[/\\]api[/\\]\.data[/\\]pglite$/);
  });

  it("uses real PostgreSQL from DATABASE_URL and does not seed demo data there unless asked", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/nested" });
    expect(config.databaseUrl).toBe("postgres://postgres@127.0.0.1:5432/nested");
    expect(config.seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: "postgresql://h/db", SEED_DEMO: "true" }).seedDemo).toBe(
      true,
    );
  });

  it("reads the deployment settings: replicas, pool, Redis, proxies, shutdown timings", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: "postgres://app:pw@primary:5432/nested",
      DATABASE_REPLICA_URLS:
        " postgres://app:pw@replica-1/nested ,postgres://app:pw@replica-2/nested",
      DATABASE_POOL_MAX: "25",
      MIGRATE_ON_START: "false",
      REDIS_URL: "redis://redis:6379/2",
      REDIS_KEY_PREFIX: "nm-prod:",
      TRUST_PROXY: "loopback, uniquelocal",
      SHUTDOWN_DELAY_MS: "5000",
      SHUTDOWN_TIMEOUT_MS: "25000",
    });
    expect(config).toMatchObject({
      production: true,
      databaseReplicaUrls: [
        "postgres://app:pw@replica-1/nested",
        "postgres://app:pw@replica-2/nested",
      ],
      databasePoolMax: 25,
      migrateOnStart: false,
      redisUrl: "redis://redis:6379/2",
      redisKeyPrefix: "nm-prod:",
      trustProxy: "loopback, uniquelocal",
      shutdownDelayMs: 5000,
      shutdownTimeoutMs: 25000,
    });
    const defaults = loadConfig({});
    expect(defaults).toMatchObject({
      databaseReplicaUrls: [],
      databasePoolMax: 10,
      migrateOnStart: true,
      redisUrl: null,
      trustProxy: "loopback",
      shutdownDelayMs: 0,
      shutdownTimeoutMs: 20000,
    });
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
  });

  it("reads the job queue and ordering limit settings, with their defaults", () => {
    expect(loadConfig({})).toMatchObject({
      jobWorkers: true,
      jobExpireSeconds: 900,
      jobMaintenanceSeconds: 60,
      jobPollSeconds: 2,
      orderLimitPerHousehold: 30,
      orderLimitPerAddress: 300,
    });
    expect(
      loadConfig({
        JOB_WORKERS: "false",
        JOB_EXPIRE_SECONDS: "120",
        JOB_MAINTENANCE_SECONDS: "30",
        JOB_POLL_SECONDS: "5",
        ORDER_LIMIT_PER_HOUSEHOLD: "10",
        ORDER_LIMIT_PER_ADDRESS: "1000",
      }),
    ).toMatchObject({
      jobWorkers: false,
      jobExpireSeconds: 120,
      jobMaintenanceSeconds: 30,
      jobPollSeconds: 5,
      orderLimitPerHousehold: 10,
      orderLimitPerAddress: 1000,
    });
  });

  it("never repeats a password from a malformed URL in its message", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://app:s3cret@/nested" })).toThrow(
      /DATABASE_URL is not a URL: "postgres:\/\/app:\*\*\*@\/nested"/,
    );
  });

  it.each([
    [{ NODE_ENV: "production" }, /DATABASE_URL is required when NODE_ENV=production/],
    [{ DATABASE_URL: "postgres://" }, /DATABASE_URL (is not a URL|names no host)/],
    [{ DATABASE_REPLICA_URLS: "postgres://r/db" }, /DATABASE_REPLICA_URLS needs DATABASE_URL/],
    [
      { DATABASE_URL: "postgres://p/db", DATABASE_REPLICA_URLS: "postgres://r/db,http://x" },
      /DATABASE_REPLICA_URLS \(entry 2\) must start with postgres:\/\//,
    ],
    [{ DATABASE_POOL_MAX: "0" }, /DATABASE_POOL_MAX must be a whole number from 1 to 1000/],
    [{ REDIS_URL: "localhost:6379" }, /REDIS_URL must start with redis:\/\/ or rediss:\/\//],
    [{ REDIS_URL: "redis://127.0.0.1:6379/cache" }, /REDIS_URL's path must be a database number/],
    [{ REDIS_URL: "redis://" }, /REDIS_URL (is not a URL|names no host)/],
    [{ TRUST_PROXY: "true" }, /TRUST_PROXY must be a hop count/],
    [{ SHUTDOWN_TIMEOUT_MS: "-1" }, /SHUTDOWN_TIMEOUT_MS must be a whole number/],
    [{ SHUTDOWN_DELAY_MS: "5s" }, /SHUTDOWN_DELAY_MS must be a whole number/],
    [{ MIGRATE_ON_START: "later" }, /MIGRATE_ON_START must be true or false/],
    [{ LOG_LEVEL: "verbose" }, /LOG_LEVEL must be one of fatal, error/],
    [{ PORT: "4000.5" }, /PORT must be a whole number/],
    [{ DATABASE_URL: "not a url" }, /DATABASE_URL is not a URL/],
    [{ DATABASE_URL: "mysql://127.0.0.1/db" }, /must start with postgres:\/\//],
    [{ PORT: "eighty" }, /PORT must be a whole number/],
    [{ PORT: "70000" }, /PORT must be a whole number/],
    [{ SEED_DEMO: "maybe" }, /SEED_DEMO must be true or false/],
    [{ JOB_WORKERS: "sometimes" }, /JOB_WORKERS must be true or false/],
    [{ JOB_EXPIRE_SECONDS: "0" }, /JOB_EXPIRE_SECONDS must be a whole number from 1 to 86400/],
    [{ JOB_MAINTENANCE_SECONDS: "1m" }, /JOB_MAINTENANCE_SECONDS must be a whole number/],
    [{ JOB_POLL_SECONDS: "0.5" }, /JOB_POLL_SECONDS must be a whole number/],
    [{ ORDER_LIMIT_PER_HOUSEHOLD: "0" }, /ORDER_LIMIT_PER_HOUSEHOLD must be a whole number/],
    [{ ORDER_LIMIT_PER_ADDRESS: "lots" }, /ORDER_LIMIT_PER_ADDRESS must be a whole number/],
  ])("refuses %o with a message naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
