import { buildDemoWorld, type DemoWorld } from "./build-demo-world";

/** The `now` of the plan's tests: a Sunday afternoon in late November 2026 (Asia/Shanghai). */
export const TEST_NOW = new Date("2026-11-29T08:00:00Z");

let cached: DemoWorld | undefined;

/** The scale-1 world at `TEST_NOW`, built once per test file. */
export function testWorld(): DemoWorld {
  cached ??= buildDemoWorld({ now: TEST_NOW, scale: 1 });
  return cached;
}

/** Looks a record up by id, failing loudly. */
export function byId<T extends { id: string }>(records: readonly T[]): (id: string) => T {
  const map = new Map(records.map((r) => [r.id, r]));
  return (id) => {
    const found = map.get(id);
    if (!found) throw new Error(`no record ${id}`);
    return found;
  };
}
