import { describe, expect, it } from "vitest";
import { testWorld } from "./demo-world.fixture";
import { statusThresholdYuan } from "./poverty-lines";

describe("household incomes against the poverty line", () => {
  it("every household has a year for each year from 2010 to now", () => {
    const world = testWorld();
    const years = new Map<string, number[]>();
    for (const y of world.householdYears)
      years.set(y.householdId, [...(years.get(y.householdId) ?? []), y.year]);
    for (const h of world.households) {
      expect(years.get(h.id)).toEqual(Array.from({ length: 2026 - 2010 + 1 }, (_, i) => 2010 + i));
    }
  });

  it("registered-poor households start below the 2010 line of 2300 yuan/person/year, and many exit", () => {
    const world = testWorld();
    const poor = new Set(world.households.filter((h) => h.registeredPoor).map((h) => h.id));
    const rows = world.householdYears.filter((y) => poor.has(y.householdId));
    for (const r of rows.filter((r) => r.year === 2010)) {
      expect(r.perCapitaNetIncomeYuan).toBeLessThan(2300);
      expect(r.povertyStatus).toBe("REGISTERED");
    }
    const exited = new Set(
      rows.filter((r) => r.povertyStatus === "EXITED").map((r) => r.householdId),
    );
    expect(exited.size).toBeGreaterThan(poor.size / 2);
    const returned = new Set(
      rows.filter((r) => r.povertyStatus === "RETURNED").map((r) => r.householdId),
    );
    expect(returned.size).toBeGreaterThanOrEqual(2);
  });

  it("a status agrees with income against the year's line", () => {
    const world = testWorld();
    for (const r of world.householdYears) {
      const above = r.perCapitaNetIncomeYuan >= statusThresholdYuan(r.year);
      if (r.povertyStatus === "EXITED" || r.povertyStatus === "MONITORED") expect(above).toBe(true);
      if (r.povertyStatus === "REGISTERED" || r.povertyStatus === "RETURNED")
        expect(above).toBe(false);
    }
    expect(world.householdYears.find((r) => r.year === 2016)?.povertyLineYuan).toBe(2952);
    expect(world.householdYears.find((r) => r.year === 2021)?.povertyLineYuan).toBeNull();
  });

  it("market income is the household's settled net of the year", () => {
    const world = testWorld();
    const cycle = new Map(world.orderCycles.map((c) => [c.id, c.code.slice(0, 4)]));
    const fen = new Map<string, number>();
    for (const s of world.settlements) {
      const key = `${s.householdId}/${cycle.get(s.orderCycleId)}`;
      fen.set(key, (fen.get(key) ?? 0) + s.netFen);
    }
    for (const r of world.householdYears) {
      expect(r.marketIncomeYuan).toBe(
        Math.round((fen.get(`${r.householdId}/${r.year}`) ?? 0) / 100),
      );
    }
  });
});
