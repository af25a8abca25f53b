import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { createTestDatabase, type TestDatabase } from "../test/test-database";
import { createDataSource } from "./data-source";
import { migrate, pendingMigrations, waitForMigrations } from "./migrate";
import { MIGRATIONS } from "./migrations";

// Migrations run by several processes at once (replicas starting together, a Job and a pod):
// the advisory lock lets one apply them; the others find nothing left. Waiting creates nothing.

let db: TestDatabase;
let first: DataSource;
let second: DataSource;

beforeAll(async () => {
  db = await createTestDatabase("migrate_lock");
  first = createDataSource({ kind: "postgres", url: db.url, poolMax: 3 });
  second = createDataSource({ kind: "postgres", url: db.url, poolMax: 3 });
  await Promise.all([first.initialize(), second.initialize()]);
});

afterAll(async () => {
  await Promise.all([first?.destroy(), second?.destroy()]);
  await db?.drop();
});

const names = MIGRATIONS.map((Migration) => new Migration().name ?? Migration.name);

describe("migrations under the advisory lock", () => {
  it("lists every migration as pending on an empty database, and waiting times out naming them", async () => {
    expect(await pendingMigrations(first)).toEqual(names);
    await expect(waitForMigrations(first, 300, 100)).rejects.toThrow(
      `${names.length} migration(s) still pending after 300 ms: ${names.join(", ")}`,
    );
    // Looking created nothing: the migrations table is still absent.
    const [row] = (await first.query("SELECT to_regclass('schema_migrations') AS t")) as [
      { t: string | null },
    ];
    expect(row.t).toBeNull();
  });

  it("applies each migration once when two processes migrate at the same moment", async () => {
    const waiting = waitForMigrations(second, 30_000, 50);
    const [a, b] = await Promise.all([migrate(first), migrate(second)]);
    // One of the two applied them all, the other found none left (all + none, either order).
    expect([...a, ...b].sort()).toEqual([...names].sort());
    expect(Math.min(a.length, b.length)).toBe(0);
    await waiting;
    const [count] = (await first.query("SELECT count(*)::int AS n FROM schema_migrations")) as [
      { n: number },
    ];
    expect(count.n).toBe(names.length);
    expect(await pendingMigrations(second)).toEqual([]);
  });
});
