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

  it.each([
    [{ DATABASE_URL: "not a url" }, /DATABASE_URL is not a URL/],
    [{ DATABASE_URL: "mysql://127.0.0.1/db" }, /must start with postgres:\/\//],
    [{ PORT: "eighty" }, /PORT must be a whole number/],
    [{ PORT: "70000" }, /PORT must be a whole number/],
    [{ SEED_DEMO: "maybe" }, /SEED_DEMO must be true or false/],
  ])("refuses %o with a message naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
