import { describe, expect, it } from "vitest";
import { byId, testWorld } from "./demo-world.fixture";

// Every expected figure below is from shared/reference/taihang-facts.md.
const END_2017 = "2017-12-31";

function groupOf(code: string) {
  const world = testWorld();
  const group = world.producerGroups.find((g) => g.code === code);
  if (!group) throw new Error(`no group ${code}`);
  const village = byId(world.villages)(group.villageId);
  return { world, group, village };
}

function participatingOn(code: string, day: string) {
  const { world, group } = groupOf(code);
  const household = byId(world.households);
  const members = world.memberships.filter(
    (m) =>
      m.producerGroupId === group.id && m.joinedOn <= day && (m.leftOn === null || m.leftOn > day),
  );
  return { members, poor: members.filter((m) => household(m.householdId).registeredPoor) };
}

describe("the scale-1 demo world agrees with the published Taihang facts", () => {
  it("Sanggang 桑岗村, Pocang Township, Yi County, Hebei has 183 households, 53 of them registered poor", () => {
    const { world, village } = groupOf("SG");
    expect([village.nameZh, village.townshipZh, village.countyZh, village.provinceZh]).toEqual([
      "桑岗村",
      "坡仓乡",
      "易县",
      "河北省",
    ]);
    const households = world.households.filter((h) => h.villageId === village.id);
    expect(households).toHaveLength(183);
    expect(households.filter((h) => h.registeredPoor)).toHaveLength(53);
    expect(households.map((h) => h.code).slice(0, 2)).toEqual(["SG-001", "SG-002"]);
  });

  it("Sanggang's group starts with 20 poor households trading from April 2011", () => {
    const { world, group } = groupOf("SG");
    const household = byId(world.households);
    const founders = world.memberships.filter((m) => m.producerGroupId === group.id && m.founder);
    expect(founders).toHaveLength(20);
    expect(founders.every((m) => household(m.householdId).registeredPoor)).toBe(true);
    const first = world.orderCycles
      .filter((c) => c.producerGroupId === group.id)
      .map((c) => c.code)
      .sort()[0];
    expect(first).toBe("2011-04");
  });

  it("76 households participate in Sanggang at the end of 2017, 46 of them registered poor", () => {
    const { members, poor } = participatingOn("SG", END_2017);
    expect(members).toHaveLength(76);
    expect(poor).toHaveLength(46);
  });

  it("some households have left, their membership kept as LEFT", () => {
    const { world } = groupOf("SG");
    const left = world.memberships.filter((m) => m.state === "LEFT");
    expect(left.length).toBeGreaterThanOrEqual(4);
    expect(left.every((m) => m.leftOn !== null && m.leftOn > m.joinedOn)).toBe(true);
  });

  it("both villages together count about 105 participating households in 2020", () => {
    const total =
      participatingOn("SG", "2020-12-31").members.length +
      participatingOn("BS", "2020-12-31").members.length;
    expect(total).toBeGreaterThanOrEqual(90);
    expect(total).toBeLessThanOrEqual(110);
  });

  it("Baoshi 宝石村 starts in 2016 with exactly 12 registered-poor households", () => {
    const { world, group, village } = groupOf("BS");
    expect(village.nameZh).toBe("宝石村");
    const household = byId(world.households);
    const members = world.memberships.filter((m) => m.producerGroupId === group.id);
    expect(members.filter((m) => household(m.householdId).registeredPoor)).toHaveLength(12);
    expect(members.filter((m) => m.founder)).toHaveLength(12);
    const first = world.orderCycles
      .filter((c) => c.producerGroupId === group.id)
      .map((c) => c.code)
      .sort()[0];
    expect(first?.startsWith("2016-")).toBe(true);
  });

  it("Sanggang has more than 400 consumer households by the end of 2017, Baoshi about 100", () => {
    const { world, group } = groupOf("SG");
    const bs = groupOf("BS").group;
    const end2017 = new Date("2017-12-31T16:00:00Z");
    const by = (groupId: string) =>
      world.consumerHouseholds.filter((c) => c.producerGroupId === groupId && c.joinedAt < end2017)
        .length;
    expect(by(group.id)).toBeGreaterThan(400);
    expect(by(bs.id)).toBeGreaterThanOrEqual(90);
    expect(by(bs.id)).toBeLessThanOrEqual(110);
    expect(world.consumerGroups.filter((g) => g.producerGroupId === group.id)).toHaveLength(5);
  });

  it("Sanggang has 8 pickup points in Beijing and 1 in Baoding, Baoshi 3 in Beijing", () => {
    const { world, group } = groupOf("SG");
    const bs = groupOf("BS").group;
    const sg = world.pickupPoints.filter((p) => p.producerGroupId === group.id);
    expect(sg.filter((p) => p.city === "北京")).toHaveLength(8);
    expect(sg.filter((p) => p.city === "保定")).toHaveLength(1);
    expect(
      world.pickupPoints.filter((p) => p.producerGroupId === bs.id && p.city === "北京"),
    ).toHaveLength(3);
  });

  it("consumer households grew by invitation: each was invited by an earlier one or by staff", () => {
    const { world } = groupOf("SG");
    const consumer = byId(world.consumerHouseholds);
    for (const c of world.consumerHouseholds) {
      if (c.invitedByConsumerHouseholdId !== null) {
        const inviter = consumer(c.invitedByConsumerHouseholdId);
        expect(inviter.joinedAt.getTime()).toBeLessThanOrEqual(c.joinedAt.getTime());
        expect(inviter.consumerGroupId).toBe(c.consumerGroupId);
      } else {
        expect(c.invitedByUserId).not.toBeNull();
      }
    }
    const byStaff = world.consumerHouseholds.filter((c) => c.invitedByUserId !== null).length;
    expect(byStaff).toBeLessThan(world.consumerHouseholds.length / 5);
  });

  it("eggs by the jin are offered at 16 yuan (1600 fen) in 2011", () => {
    const world = testWorld();
    const egg = world.productVariants.find((v) => v.code === "EGG-1JIN");
    const cycle = byId(world.orderCycles);
    const offers2011 = world.offers.filter(
      (o) => o.variantId === egg?.id && cycle(o.orderCycleId).code.startsWith("2011-"),
    );
    expect(offers2011.length).toBeGreaterThan(0);
    expect(new Set(offers2011.map((o) => o.consumerPriceFen))).toEqual(new Set([1600]));
    expect(egg?.gramsPerUnit).toBe(500);
  });

  it("every consumer household has a CONSUMER user with a demo e-mail and a valid mainland mobile number", () => {
    const world = testWorld();
    const user = byId(world.users);
    for (const c of world.consumerHouseholds) {
      const u = user(c.userId);
      expect(u.role).toBe("CONSUMER");
      expect(u.email).toMatch(/^c\d{4}@demo\.nested\.market$/);
      expect(u.phone).toMatch(/^\+861[3-9]\d{9}$/);
    }
    expect(new Set(world.users.map((u) => u.email)).size).toBe(world.users.length);
    expect(world.users.find((u) => u.email === "c0001@demo.nested.market")).toBeDefined();
  });

  it("the staff, finance and partner sign-ins exist with the documented password", () => {
    const world = testWorld();
    const roles = Object.fromEntries(world.signIns.map((s) => [s.email, s.role]));
    expect(roles).toMatchObject({
      "admin@demo.nested.market": "ADMIN",
      "staff@demo.nested.market": "STAFF",
      "finance@demo.nested.market": "FINANCE",
      "partner@demo.nested.market": "PARTNER",
    });
    expect(new Set(world.users.map((u) => u.demoPassword))).toEqual(new Set(["demo1234"]));
  });
});
