import { describe, expect, it } from "vitest";
import { buildDemoWorld } from "./build-demo-world";
import { planCycleSchedules } from "./cycles";
import { shanghaiFields } from "./calendar";
import { TEST_NOW, byId, testWorld } from "./demo-world.fixture";

const NOWS = [
  // 00:30 on 1 April 2026 in Shanghai is still 31 March in UTC (and in Los Angeles).
  { now: "2026-03-31T16:30:00Z", open: "2026-04", declaring: "2026-05" },
  { now: "2026-11-29T08:00:00Z", open: "2026-11", declaring: "2026-12" },
  { now: "2026-12-31T15:59:00Z", open: "2026-12", declaring: "2027-01" },
  { now: "2026-12-31T16:01:00Z", open: "2027-01", declaring: "2027-02" },
  { now: "2027-02-15T04:00:00Z", open: "2027-02", declaring: "2027-03" },
];

describe("the demo history ends in the present", () => {
  for (const { now, open, declaring } of NOWS) {
    it(`at ${now} the ${open} cycle is OPEN around now and ${declaring} is DECLARING`, () => {
      const at = new Date(now);
      const schedules = planCycleSchedules({ year: 2011, month: 4 }, at);
      const current = schedules.filter((s) => s.phase === "OPEN");
      expect(current).toHaveLength(1);
      const s = current[0];
      expect(`${s?.month.year}-${String(s?.month.month).padStart(2, "0")}`).toBe(open);
      expect(s && s.opensAt < at && s.closesAt > at).toBe(true);
      const next = schedules[schedules.length - 1];
      expect(next?.state).toBe("DECLARING");
      expect(`${next?.month.year}-${String(next?.month.month).padStart(2, "0")}`).toBe(declaring);
      expect(next && next.declarationOpensAt < at && next.opensAt > (s?.closesAt ?? at)).toBe(true);
      // Every past cycle is settled, all of its times before now.
      for (const p of schedules.filter((x) => x.phase === "PAST")) {
        expect(["SETTLED", "ARCHIVED"]).toContain(p.state);
        expect(p.acknowledgedAt && p.acknowledgedAt < at).toBe(true);
        expect(p.closesAt < (s?.opensAt ?? at)).toBe(true);
      }
    });
  }

  it("reads the month in Asia/Shanghai whatever the process time zone", () => {
    expect(shanghaiFields(new Date("2026-03-31T16:30:00Z"))).toEqual({
      year: 2026,
      month: 4,
      day: 1,
      hour: 0,
      minute: 30,
    });
  });

  it("a world built just after midnight on the 1st (Shanghai) has exactly one OPEN cycle per group, containing now", () => {
    const now = new Date("2026-03-31T16:30:00Z");
    const world = buildDemoWorld({ now, scale: 1 });
    for (const group of world.producerGroups) {
      const open = world.orderCycles.filter(
        (c) => c.producerGroupId === group.id && c.state === "OPEN",
      );
      expect(open.map((c) => c.code)).toEqual(["2026-04"]);
      expect(open[0] && open[0].opensAt < now && open[0].closesAt > now).toBe(true);
    }
  });

  it("the OPEN cycle has offers with stock left and a few orders; the DECLARING one has declarations only", () => {
    const world = testWorld();
    const cycle = byId(world.orderCycles);
    for (const group of world.producerGroups) {
      const cycles = world.orderCycles.filter((c) => c.producerGroupId === group.id);
      const open = cycles.find((c) => c.state === "OPEN");
      const declaring = cycles.find((c) => c.state === "DECLARING");
      expect(open?.code).toBe("2026-11");
      expect(declaring?.code).toBe("2026-12");
      const offers = world.offers.filter((o) => o.orderCycleId === open?.id);
      expect(offers.some((o) => o.quantityReserved < o.quantityOffered)).toBe(true);
      const orders = world.orders.filter((o) => o.orderCycleId === open?.id);
      expect(orders.length).toBeGreaterThan(0);
      expect(orders.every((o) => o.state === "PLACED" && o.placedAt < TEST_NOW)).toBe(true);
      expect(
        world.supplyDeclarations.filter((d) => d.orderCycleId === declaring?.id).length,
      ).toBeGreaterThan(0);
      expect(world.offers.filter((o) => o.orderCycleId === declaring?.id)).toHaveLength(0);
      expect(cycles.filter((c) => c.state === "SETTLED" || c.state === "ARCHIVED")).toHaveLength(
        cycles.length - 2,
      );
    }
    expect(world.orders.every((o) => cycle(o.orderCycleId).state !== "DECLARING")).toBe(true);
  });

  it("one upcoming village visit per group is open for sign-up", () => {
    const world = testWorld();
    for (const group of world.producerGroups) {
      const upcoming = world.trustEvents.filter(
        (e) => e.producerGroupId === group.id && e.state === "OPEN_FOR_SIGNUP",
      );
      expect(upcoming).toHaveLength(1);
      expect(upcoming[0]?.kind).toBe("VILLAGE_VISIT");
      expect(upcoming[0] && upcoming[0].startsAt > TEST_NOW).toBe(true);
    }
    expect(
      world.trustEvents.filter((e) => e.state === "HELD").every((e) => e.startsAt < TEST_NOW),
    ).toBe(true);
  });
});
