import { parseAllocationReason } from "@nested/domain";
import { describe, expect, it } from "vitest";
import { byId, testWorld } from "./demo-world.fixture";
import { feeFen, feeRate } from "./settlements";

describe("the demo world's trade adds up", () => {
  it("every settlement: net = gross − deductions, gross = Σ accepted lot units × producer price (fen)", () => {
    const world = testWorld();
    const offer = byId(world.offers);
    const cycle = byId(world.orderCycles);
    const grossOf = new Map<string, number>();
    for (const lot of world.lots) {
      const key = `${lot.orderCycleId}/${lot.householdId}`;
      grossOf.set(
        key,
        (grossOf.get(key) ?? 0) + lot.quantityAccepted * offer(lot.offerId).producerPriceFen,
      );
    }
    expect(world.settlements.length).toBeGreaterThan(1000);
    for (const s of world.settlements) {
      expect(Number.isInteger(s.grossFen) && Number.isInteger(s.netFen)).toBe(true);
      expect(s.deductionsFen).toBe(s.transportFeeFen + s.packagingFeeFen + s.groupFundFeeFen);
      expect(s.netFen).toBe(s.grossFen - s.deductionsFen);
      expect(s.grossFen).toBe(grossOf.get(`${s.orderCycleId}/${s.householdId}`));
      const rules = world.feeRules.filter((r) => r.producerGroupId === s.producerGroupId);
      const day = cycle(s.orderCycleId).deliveryDate;
      expect(s.transportFeeFen).toBe(feeFen(s.grossFen, feeRate(rules, "TRANSPORT", day)));
    }
    // Households with accepted units and settlements match one to one.
    const withAccepted = new Set(
      world.lots
        .filter((l) => l.quantityAccepted > 0)
        .map((l) => `${l.orderCycleId}/${l.householdId}`),
    );
    expect(withAccepted.size).toBe(world.settlements.length);
  });

  it("each settlement's deduction rows, one per fee rule in force, add up to its deductions", () => {
    const world = testWorld();
    const sum = new Map<string, number>();
    for (const d of world.settlementDeductions) {
      sum.set(d.settlementId, (sum.get(d.settlementId) ?? 0) + d.amountFen);
    }
    for (const s of world.settlements) expect(sum.get(s.id) ?? 0).toBe(s.deductionsFen);
  });

  it("a 6% + 2% + 2% settlement of 10 000 fen nets 9 000 fen", () => {
    expect(feeFen(10_000, 600) + feeFen(10_000, 200) + feeFen(10_000, 200)).toBe(1_000);
    expect(feeFen(999, 600)).toBe(59); // ⌊59.94⌋
  });

  it("no offer is oversold: ordered units ≤ offered, and reserved equals what the lines hold", () => {
    const world = testWorld();
    const ordered = new Map<string, number>();
    for (const l of world.orderLines)
      ordered.set(l.offerId, (ordered.get(l.offerId) ?? 0) + l.quantity);
    for (const o of world.offers) {
      expect(o.quantityReserved).toBe(ordered.get(o.id) ?? 0);
      expect(o.quantityReserved).toBeLessThanOrEqual(o.quantityOffered);
    }
  });

  it("allocations serve each past order line exactly and never exceed a lot", () => {
    const world = testWorld();
    const line = byId(world.orderLines);
    const lot = byId(world.lots);
    const perLine = new Map<string, number>();
    const perLot = new Map<string, number>();
    for (const a of world.allocations) {
      perLine.set(a.orderLineId, (perLine.get(a.orderLineId) ?? 0) + a.quantity);
      perLot.set(a.lotId, (perLot.get(a.lotId) ?? 0) + a.quantityAccepted);
      expect(line(a.orderLineId).offerId).toBe(lot(a.lotId).offerId);
    }
    for (const [lineId, units] of perLine) expect(units).toBe(line(lineId).quantity);
    for (const l of world.lots) {
      expect(perLot.get(l.id) ?? 0).toBe(l.quantityAccepted);
      expect(l.quantityAllocated).toBeLessThanOrEqual(l.quantityDeclared);
    }
  });

  it("every allocation stores its lot's reason as the API writes it: registered poor first, rank = place", () => {
    const world = testWorld();
    const lot = byId(world.lots);
    const byOffer = new Map<string, { rank: number; tier: string; ratio: number | null }[]>();
    for (const a of world.allocations) {
      const parsed = parseAllocationReason(a.reason);
      expect(parsed, a.reason).not.toBeNull();
      expect(parsed!.rank).toBe(a.rank);
      const { rotationPosition, groupSize, tier, ratioBasisPoints } = parsed!.reason;
      expect(rotationPosition).toBeGreaterThanOrEqual(1);
      expect(rotationPosition).toBeLessThanOrEqual(groupSize);
      const list = byOffer.get(lot(a.lotId).offerId) ?? [];
      list.push({ rank: a.rank, tier, ratio: ratioBasisPoints });
      byOffer.set(lot(a.lotId).offerId, list);
    }
    // Within an offer, by rank: no household outside the registered poor before one inside,
    // and within a tier the ratio to the line never falls.
    for (const list of byOffer.values()) {
      const ranked = [...list].sort((a, b) => a.rank - b.rank);
      for (let i = 1; i < ranked.length; i += 1) {
        const [before, after] = [ranked[i - 1]!, ranked[i]!];
        if (before.tier === after.tier) expect(after.ratio!).toBeGreaterThanOrEqual(before.ratio!);
        else expect([before.tier, after.tier]).toEqual(["REGISTERED_POOR", "BY_INCOME"]);
      }
    }
  });

  it("rejected units are refunded on the lines they hit, at the line's price", () => {
    const world = testWorld();
    const line = byId(world.orderLines);
    const order = byId(world.orders);
    expect(world.qualityChecks.some((q) => q.outcome === "REJECTED")).toBe(true);
    expect(world.qualityChecks.some((q) => q.outcome === "PARTIAL")).toBe(true);
    expect(world.orderAdjustments.length).toBeGreaterThan(0);
    for (const adj of world.orderAdjustments) {
      const l = line(adj.orderLineId);
      expect(adj.quantity).toBe(l.quantity - l.quantityDelivered);
      expect(adj.amountFen).toBe(adj.quantity * l.unitPriceFen);
    }
    const refunded = new Map<string, number>();
    for (const adj of world.orderAdjustments)
      refunded.set(adj.orderId, (refunded.get(adj.orderId) ?? 0) + adj.amountFen);
    for (const [orderId, fen] of refunded) expect(order(orderId).refundedFen).toBe(fen);
  });

  it("orders total their lines and are paid mostly by WeChat Pay", () => {
    const world = testWorld();
    const total = new Map<string, number>();
    for (const l of world.orderLines)
      total.set(l.orderId, (total.get(l.orderId) ?? 0) + l.lineTotalFen);
    for (const o of world.orders) expect(o.totalFen).toBe(total.get(o.id));
    const wechat = world.payments.filter((p) => p.method === "WECHAT_PAY").length;
    expect(wechat / world.payments.length).toBeGreaterThan(0.6);
    expect(world.payments.some((p) => p.method === "CASH")).toBe(true);
    expect(world.payments.some((p) => p.method === "BANK_TRANSFER")).toBe(true);
  });

  it("offers are priced 30–60% above the township reference; producers get ≥ 30% above it and less than the offer", () => {
    const world = testWorld();
    for (const o of world.offers) {
      const premium = o.consumerPriceFen / o.referencePriceFen;
      expect(premium).toBeGreaterThanOrEqual(1.3);
      expect(premium).toBeLessThanOrEqual(1.6);
      expect(o.producerPriceFen).toBeGreaterThanOrEqual(o.referencePriceFen * 1.3);
      expect(o.producerPriceFen).toBeLessThan(o.consumerPriceFen);
    }
    const cycle = byId(world.orderCycles);
    const townshipOf = new Map(world.villages.map((v) => [v.id, v.townshipZh]));
    const marketOf = new Map(
      world.producerGroups.map((g) => [g.id, `${townshipOf.get(g.villageId)}集市`]),
    );
    const reference = new Map(
      world.referencePrices.map((r) => [`${r.market}/${r.variantId}/${r.year}`, r.priceFen]),
    );
    for (const o of world.offers) {
      const year = cycle(o.orderCycleId).code.slice(0, 4);
      const key = `${marketOf.get(o.producerGroupId)}/${o.variantId}/${year}`;
      expect(reference.get(key)).toBe(o.referencePriceFen);
    }
  });

  it("out-of-season produce is never offered: pork only November to February", () => {
    const world = testWorld();
    const cycle = byId(world.orderCycles);
    const pork = new Set(
      world.productVariants.filter((v) => v.code.startsWith("PORK-")).map((v) => v.id),
    );
    const months = new Set(
      world.offers
        .filter((o) => pork.has(o.variantId))
        .map((o) => Number(cycle(o.orderCycleId).code.slice(5))),
    );
    expect([...months].sort((a, b) => a - b)).toEqual([1, 2, 11, 12]);
  });
});
