import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runApiUntilExit } from "../test/api-process";
import { createTestDatabase, type TestDatabase } from "../test/test-database";

// A start with missing or malformed configuration stops before serving anything: one clear line
// naming the setting, and a non-zero exit (2 for configuration, 1 for a service it cannot reach).

let empty: TestDatabase;

beforeAll(async () => {
  empty = await createTestDatabase("config_exit");
});
afterAll(() => empty?.drop());

const cases: [string, () => Record<string, string>, number, RegExp][] = [
  [
    "production without DATABASE_URL",
    () => ({ NODE_ENV: "production" }),
    2,
    /Configuration error: DATABASE_URL is required when NODE_ENV=production/,
  ],
  [
    "a DATABASE_URL that is not a URL",
    () => ({ DATABASE_URL: "postgres//127.0.0.1/nested" }),
    2,
    /Configuration error: DATABASE_URL is not a URL/,
  ],
  [
    "a DATABASE_URL of another database engine",
    () => ({ DATABASE_URL: "mysql://127.0.0.1/nested" }),
    2,
    /DATABASE_URL must start with postgres:\/\/ or postgresql:\/\//,
  ],
  [
    "a port that is not a number",
    () => ({ PORT: "eighty" }),
    2,
    /Configuration error: PORT must be a whole number from 0 to 65535, got "eighty"/,
  ],
  [
    "a REDIS_URL without its scheme",
    () => ({ DATABASE_URL: empty.url, REDIS_URL: "localhost:6379" }),
    2,
    /Configuration error: REDIS_URL must start with redis:\/\/ or rediss:\/\//,
  ],
  [
    "replicas without a primary",
    () => ({ DATABASE_REPLICA_URLS: "postgres://127.0.0.1/replica" }),
    2,
    /Configuration error: DATABASE_REPLICA_URLS needs DATABASE_URL/,
  ],
  [
    "TRUST_PROXY=true",
    () => ({ TRUST_PROXY: "true" }),
    2,
    /Configuration error: TRUST_PROXY must be a hop count/,
  ],
  [
    "a shutdown timeout that is not a number",
    () => ({ SHUTDOWN_TIMEOUT_MS: "20s" }),
    2,
    /Configuration error: SHUTDOWN_TIMEOUT_MS must be a whole number/,
  ],
  [
    "an unknown log level",
    () => ({ LOG_LEVEL: "verbose" }),
    2,
    /Configuration error: LOG_LEVEL must be one of/,
  ],
  [
    "MIGRATE_ON_START=false on a database without the schema",
    () => ({ DATABASE_URL: empty.url, MIGRATE_ON_START: "false" }),
    2,
    /Configuration error: MIGRATE_ON_START=false, and the database lacks \d+ migration\(s\)/,
  ],
  [
    "a database that does not exist",
    () => ({ DATABASE_URL: `${empty.url}_missing` }),
    1,
    /Cannot open the database in DATABASE_URL: database "nm_test_config_exit_\w+_missing" does not exist/,
  ],
  [
    "a Redis that does not answer",
    () => ({ DATABASE_URL: empty.url, REDIS_URL: "redis://127.0.0.1:1/0" }),
    1,
    /Cannot reach Redis at REDIS_URL \(redis:\/\/127\.0\.0\.1:1\/0\): connect ECONNREFUSED/,
  ],
];

describe("a start with bad configuration", () => {
  it.each(cases)("refuses %s", async (_name, env, code, message) => {
    const exit = await runApiUntilExit({ LOG_LEVEL: "warn", ...env() });
    expect(exit.output).toMatch(message);
    expect(exit.code).toBe(code);
    // Nothing was served: the start line never appeared.
    expect(exit.output).not.toMatch(/Nested Market is running/);
  });
});
