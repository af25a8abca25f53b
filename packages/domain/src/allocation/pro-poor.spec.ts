import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AllocationError } from "./allocation-error.js";
import { describeAllocationReason, parseAllocationReason } from "./allocation-reason.js";
import { allocateVariant, type DemandLine, type SupplyLot } from "./pro-poor.js";

const LINE_2011 = 2536; // official rural poverty line 2011, yuan/person/year

function lot(
  id: string,
  registeredPoor: boolean,
  income: number | null,
  quantityDeclared = 5,
): SupplyLot {
  return {
    lotId: `lot-${id}`,
    householdId: `hh-${id}`,
    quantityDeclared,
    registeredPoor,
    perCapitaNetIncomeYuan: income,
    povertyLineYuan: income === null ? null : LINE_2011,
  };
}

function line(id: string, placedAtMs: number, quantity: number): DemandLine {
  return { orderLineId: `line-${id}`, orderId: `order-${id}`, placedAtMs, quantity };
}

// A, B registered poor (incomes 1200 and 2000); C, D not poor (3000 and 3100); E no income.
// Ratios to 2536: A 0.473 (band ⌊4800/2536⌋ = 1), B 0.789 (⌊8000/2536⌋ = 3),
// C 1.183 (⌊12000/2536⌋ = 4), D 1.222 (⌊12400/2536⌋ = 4): C and D share band 4.
const LOTS = [
  lot("A", true, 1200),
  lot("B", true, 2000),
  lot("C", false, 3000),
  lot("D", false, 3100),
  lot("E", false, null),
];
// Demand 4 + 3 + 6 = 13 units < 25 declared.
const LINES = [line("1", 1000, 4), line("2", 2000, 3), line("3", 3000, 6)];

describe("allocateVariant (hand-worked)", () => {
  it("serves registered poor first, then by income band, and rotates within a band", () => {
    const plan = allocateVariant({ lots: LOTS, lines: LINES, cycleSequence: 0 });
    // cycle 0: band-4 group base order C (lower ratio), D; offset 0 mod 2 = 0 → C first.
    expect(plan.rankings.map((r) => [r.lotId, r.rank, r.quantityAllocated])).toEqual([
      ["lot-A", 1, 5],
      ["lot-B", 2, 5],
      ["lot-C", 3, 3],
      ["lot-D", 4, 0],
      ["lot-E", 5, 0],
    ]);
    // A (5): line 1 takes 4, line 2 takes 1; B (5): line 2 takes 2, line 3 takes 3; C: line 3 the last 3.
    expect(plan.allocations.map((a) => [a.lotId, a.orderLineId, a.quantity])).toEqual([
      ["lot-A", "line-1", 4],
      ["lot-A", "line-2", 1],
      ["lot-B", "line-2", 2],
      ["lot-B", "line-3", 3],
      ["lot-C", "line-3", 3],
    ]);
    expect(Object.fromEntries(plan.allocatedByLine)).toEqual({
      "line-1": 4,
      "line-2": 3,
      "line-3": 6,
    });
    // 1200 × 10000 / 2536 = 4731.86 → 4732 bp
    expect(plan.rankings[0]!.reasonText).toBe(
      "rank=1;tier=REGISTERED_POOR;ratio=4732;band=1;rotation=1/1;cycle=0",
    );
    // 3000 × 10000 / 2536 = 11829.65 → 11830 bp
    expect(plan.rankings[2]!.reasonText).toBe(
      "rank=3;tier=BY_INCOME;ratio=11830;band=4;rotation=1/2;cycle=0",
    );
    expect(plan.rankings[4]!.reasonText).toBe(
      "rank=5;tier=INCOME_UNKNOWN;ratio=-;band=-;rotation=1/1;cycle=0",
    );
  });

  it("in the next cycle the band-4 pair swaps: D gets the 3 units C got", () => {
    const plan = allocateVariant({ lots: LOTS, lines: LINES, cycleSequence: 1 });
    // offset 1 mod 2 = 1 → D first, then C
    expect(plan.rankings.map((r) => [r.lotId, r.quantityAllocated])).toEqual([
      ["lot-A", 5],
      ["lot-B", 5],
      ["lot-D", 3],
      ["lot-C", 0],
      ["lot-E", 0],
    ]);
    expect(plan.rankings[2]!.reasonText).toBe(
      "rank=3;tier=BY_INCOME;ratio=12224;band=4;rotation=1/2;cycle=1",
    );
  });

  it("when demand exceeds supply every lot is emptied and the last-placed line gets less", () => {
    const plan = allocateVariant({
      lots: [lot("A", true, 1200, 2), lot("C", false, 3000, 3)],
      lines: [line("2", 2000, 4), line("1", 1000, 4)],
      cycleSequence: 7,
    });
    // line 1 (placed first): 2 from A + 2 from C = 4; line 2: the last 1 unit of C
    expect(Object.fromEntries(plan.allocatedByLine)).toEqual({ "line-1": 4, "line-2": 1 });
  });

  it("a registered-poor household without income comes after the poor with one, before the rest", () => {
    const plan = allocateVariant({
      lots: [lot("X", false, 100), lot("P", true, null), lot("Q", true, 2500)],
      lines: [line("1", 1, 1)],
      cycleSequence: 0,
    });
    expect(plan.rankings.map((r) => r.lotId)).toEqual(["lot-Q", "lot-P", "lot-X"]);
  });

  it("refuses malformed input", () => {
    expect(() =>
      allocateVariant({ lots: [lot("A", true, 1, 0)], lines: [], cycleSequence: 0 }),
    ).toThrow(AllocationError);
    expect(() =>
      allocateVariant({
        lots: [lot("A", true, 1), lot("A", true, 1)],
        lines: [],
        cycleSequence: 0,
      }),
    ).toThrow(AllocationError);
    expect(() =>
      allocateVariant({ lots: [], lines: [line("1", 1, 1.5)], cycleSequence: 0 }),
    ).toThrow(AllocationError);
    expect(() => allocateVariant({ lots: [], lines: [], cycleSequence: -1 })).toThrow(
      AllocationError,
    );
  });

  it("the stored text reads back and explains itself in both languages", () => {
    const parsed = parseAllocationReason(
      "rank=3;tier=BY_INCOME;ratio=11830;band=4;rotation=1/2;cycle=0",
    );
    expect(parsed).toEqual({
      rank: 3,
      reason: {
        tier: "BY_INCOME",
        ratioBasisPoints: 11830,
        band: 4,
        rotationPosition: 1,
        groupSize: 2,
        cycleSequence: 0,
      },
    });
    expect(describeAllocationReason(parsed!.rank, parsed!.reason, "en")).toBe(
      "Rank 3: not registered poor, per-capita net income 118% of the poverty line (band 5, 100%–125%); 2 in this band take turns by cycle, position 1 this cycle.",
    );
    expect(describeAllocationReason(parsed!.rank, parsed!.reason, "zh-CN")).toBe(
      "第 3 位：非建档立卡户，人均纯收入为贫困线的 118%（第 5 档，100%–125%）；同档 2 户按周期轮换，本周期排第 1。",
    );
    expect(parseAllocationReason("nonsense")).toBeNull();
  });
});

describe("allocateVariant (properties)", () => {
  const lotArb = fc.record({
    registeredPoor: fc.boolean(),
    income: fc.option(fc.integer({ min: 0, max: 12_000 }), { nil: null }),
    line: fc.constantFrom(2300, 2536, 4000),
    quantityDeclared: fc.integer({ min: 1, max: 30 }),
  });
  const lineArb = fc.record({
    placedAtMs: fc.integer({ min: 0, max: 50 }),
    quantity: fc.integer({ min: 1, max: 20 }),
  });
  const inputArb = fc
    .record({
      lots: fc.array(lotArb, { maxLength: 12 }),
      lines: fc.array(lineArb, { maxLength: 15 }),
      cycleSequence: fc.integer({ min: 0, max: 1000 }),
    })
    .map(({ lots, lines, cycleSequence }) => ({
      cycleSequence,
      lots: lots.map((l, i): SupplyLot => ({
        lotId: `lot-${i}`,
        householdId: `hh-${(i * 7) % 13}-${i}`,
        quantityDeclared: l.quantityDeclared,
        registeredPoor: l.registeredPoor,
        perCapitaNetIncomeYuan: l.income,
        povertyLineYuan: l.income === null ? null : l.line,
      })),
      lines: lines.map((l, i): DemandLine => ({
        orderLineId: `line-${i}`,
        orderId: `order-${i % 5}`,
        ...l,
      })),
    }));

  it("never gives more than a lot declared or a line ordered, and fills all demand when it can", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = allocateVariant(input);
        const byLot = new Map<string, number>();
        for (const a of plan.allocations) {
          expect(a.quantity).toBeGreaterThan(0);
          byLot.set(a.lotId, (byLot.get(a.lotId) ?? 0) + a.quantity);
        }
        for (const l of input.lots)
          expect(byLot.get(l.lotId) ?? 0).toBeLessThanOrEqual(l.quantityDeclared);
        for (const l of input.lines)
          expect(plan.allocatedByLine.get(l.orderLineId)).toBeLessThanOrEqual(l.quantity);
        const declared = input.lots.reduce((s, l) => s + l.quantityDeclared, 0);
        const demand = input.lines.reduce((s, l) => s + l.quantity, 0);
        const given = plan.allocations.reduce((s, a) => s + a.quantity, 0);
        expect(given).toBe(Math.min(declared, demand));
        if (declared >= demand)
          for (const l of input.lines)
            expect(plan.allocatedByLine.get(l.orderLineId)).toBe(l.quantity);
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic and blind to the order of its input", () => {
    fc.assert(
      fc.property(
        inputArb.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray(input.lots, { minLength: input.lots.length }),
            fc.shuffledSubarray(input.lines, { minLength: input.lines.length }),
          ),
        ),
        ([input, lots, lines]) => {
          const plan = allocateVariant(input);
          expect(allocateVariant(input)).toEqual(plan);
          expect(allocateVariant({ ...input, lots, lines })).toEqual(plan);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("ranks every registered-poor lot before every other, and rotates the last place of a band", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = allocateVariant(input);
        const poor = plan.rankings
          .filter((r) => r.reason.tier === "REGISTERED_POOR")
          .map((r) => r.rank);
        const rest = plan.rankings
          .filter((r) => r.reason.tier !== "REGISTERED_POOR")
          .map((r) => r.rank);
        if (poor.length && rest.length) expect(Math.max(...poor)).toBeLessThan(Math.min(...rest));
        // The household last in its group this cycle is not last in the next one (groups ≥ 2).
        const next = allocateVariant({ ...input, cycleSequence: input.cycleSequence + 1 });
        for (const r of plan.rankings) {
          if (r.reason.groupSize < 2 || r.reason.rotationPosition !== r.reason.groupSize) continue;
          const after = next.rankings.find((n) => n.lotId === r.lotId)!;
          // it moves up one place: base index (s−1) mod n is at position n − 1 in cycle s + 1
          expect(after.reason.rotationPosition).toBe(r.reason.groupSize - 1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
