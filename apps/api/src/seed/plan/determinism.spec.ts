import { describe, expect, it } from "vitest";
import { buildDemoWorld } from "./build-demo-world";
import { TEST_NOW, testWorld } from "./demo-world.fixture";

describe("the demo world is deterministic", () => {
  it("the same now, scale and seed build the same world byte for byte", () => {
    const again = buildDemoWorld({ now: new Date(TEST_NOW.getTime()), scale: 1 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(testWorld()));
  });

  it("another seed builds another world with the same calibrated counts", () => {
    const other = buildDemoWorld({ now: TEST_NOW, scale: 1, seed: 7 });
    expect(other.households[0]?.id).not.toBe(testWorld().households[0]?.id);
    expect(other.households).toHaveLength(testWorld().households.length);
  });

  it("ids are unique UUIDs", () => {
    const world = testWorld();
    const ids: string[] = [];
    for (const value of Object.values(world)) {
      if (!Array.isArray(value)) continue;
      for (const row of value as unknown[]) {
        if (typeof row === "object" && row !== null && "id" in row && typeof row.id === "string")
          ids.push(row.id);
      }
    }
    expect(
      ids.every((id) =>
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id),
      ),
    ).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("scale 2 adds a market with earlier history and keeps Sanggang as it was", () => {
    const bigger = buildDemoWorld({ now: TEST_NOW, scale: 2 });
    expect(bigger.producerGroups).toHaveLength(3);
    expect(bigger.households.length).toBeGreaterThan(testWorld().households.length);
    const firstCodes = bigger.orderCycles.map((c) => c.code).sort();
    expect(firstCodes[0]).toBe("2010-04");
    const sg = (w: typeof bigger) =>
      w.households.filter((h) => h.code.startsWith("SG-")).map((h) => h.id);
    expect(sg(bigger)).toEqual(sg(testWorld()));
  });
});
