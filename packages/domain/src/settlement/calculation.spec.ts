import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculateSettlements, percentOfFen, type FeeRuleTerms } from "./calculation.js";

const transport: FeeRuleTerms = {
  id: "transport",
  kind: "TRANSPORT",
  basis: "PER_UNIT",
  rateBasisPoints: 0,
  perUnitFen: 20,
};
const groupFund: FeeRuleTerms = {
  id: "fund",
  kind: "GROUP_FUND",
  basis: "PERCENT_OF_GROSS",
  rateBasisPoints: 250,
  perUnitFen: 0,
};

describe("percentOfFen", () => {
  it("rounds half up, exactly", () => {
    // 12345 × 2.5 % = 308.625 → 309; 1 × 50 % = 0.5 → 1; 1 × 49.99 % = 0.4999 → 0
    expect(percentOfFen(12345, 250)).toBe(309);
    expect(percentOfFen(1, 5000)).toBe(1);
    expect(percentOfFen(1, 4999)).toBe(0);
    expect(percentOfFen(24900, 250)).toBe(623);
  });
});

describe("calculateSettlements", () => {
  it("works out gross, per-unit and percent deductions and net for three households", () => {
    const result = calculateSettlements(
      [
        {
          householdId: "A",
          lots: [
            // eggs: 10 allocated, 10 accepted at ¥12.00 → 12000; walnuts: 4 allocated, 3 accepted at ¥27.00 → 8100
            { allocatedUnits: 10, acceptedUnits: 10, producerPriceFen: 1200 },
            { allocatedUnits: 4, acceptedUnits: 3, producerPriceFen: 2700 },
          ],
        },
        // partial: 6 allocated, 4 accepted
        {
          householdId: "B",
          lots: [{ allocatedUnits: 6, acceptedUnits: 4, producerPriceFen: 1200 }],
        },
        // rejected lot: nothing accepted
        {
          householdId: "C",
          lots: [{ allocatedUnits: 5, acceptedUnits: 0, producerPriceFen: 1200 }],
        },
      ],
      [transport, groupFund],
    );
    // gross: A 12000 + 8100 = 20100 (13 units); B 4 × 1200 = 4800; C 0. Σ = 24900
    // transport 20 fen/unit: A 13 × 20 = 260, B 4 × 20 = 80, C 0 → 340
    // fund 2.5 % of 24900 = 622.5 → 623, split by gross 20100 : 4800 : 0
    //   exact 502.879… and 120.120… → floors 502 + 120 = 622; the 1 fen left goes to A (.879 > .120)
    //   → A 503, B 120, C 0
    // net: A 20100 − 260 − 503 = 19337; B 4800 − 80 − 120 = 4600; C 0
    expect(result.households).toEqual([
      {
        householdId: "A",
        acceptedUnits: 13,
        grossFen: 20100,
        deductions: [
          { feeRuleId: "transport", kind: "TRANSPORT", amountFen: 260 },
          { feeRuleId: "fund", kind: "GROUP_FUND", amountFen: 503 },
        ],
        deductionsFen: 763,
        netFen: 19337,
      },
      {
        householdId: "B",
        acceptedUnits: 4,
        grossFen: 4800,
        deductions: [
          { feeRuleId: "transport", kind: "TRANSPORT", amountFen: 80 },
          { feeRuleId: "fund", kind: "GROUP_FUND", amountFen: 120 },
        ],
        deductionsFen: 200,
        netFen: 4600,
      },
      {
        householdId: "C",
        acceptedUnits: 0,
        grossFen: 0,
        deductions: [
          { feeRuleId: "transport", kind: "TRANSPORT", amountFen: 0 },
          { feeRuleId: "fund", kind: "GROUP_FUND", amountFen: 0 },
        ],
        deductionsFen: 0,
        netFen: 0,
      },
    ]);
    expect(result.rules).toEqual([
      { feeRuleId: "transport", kind: "TRANSPORT", totalFen: 340, chargedFen: 340, waivedFen: 0 },
      { feeRuleId: "fund", kind: "GROUP_FUND", totalFen: 623, chargedFen: 623, waivedFen: 0 },
    ]);
  });

  it("pays only accepted units that were allocated: a surplus accepted is not sold", () => {
    // 8 accepted of 6 allocated → 6 × 1200 = 7200
    const [h] = calculateSettlements(
      [
        {
          householdId: "B",
          lots: [{ allocatedUnits: 6, acceptedUnits: 8, producerPriceFen: 1200 }],
        },
      ],
      [],
    ).households;
    expect(h?.grossFen).toBe(7200);
  });

  it("caps deductions at gross so net is never negative; the rest is waived", () => {
    const result = calculateSettlements(
      [
        {
          householdId: "A",
          lots: [{ allocatedUnits: 1, acceptedUnits: 1, producerPriceFen: 100 }],
        },
      ],
      [
        { ...transport, perUnitFen: 80 },
        { ...groupFund, rateBasisPoints: 5000 },
      ],
    );
    // gross 100; transport 80 → 20 left; fund 50 % of 100 = 50, capped at 20 → 30 waived; net 0
    expect(result.households[0]?.deductions.map((d) => d.amountFen)).toEqual([80, 20]);
    expect(result.households[0]?.netFen).toBe(0);
    expect(result.rules[1]).toMatchObject({ totalFen: 50, chargedFen: 20, waivedFen: 30 });
  });

  it("splits one percent rule so the households' parts sum to the group total (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 10000 }),
        (grosses, rate) => {
          const result = calculateSettlements(
            grosses.map((g, i) => ({
              householdId: String(i),
              lots: [{ allocatedUnits: 1, acceptedUnits: 1, producerPriceFen: g }],
            })),
            [{ ...groupFund, rateBasisPoints: rate }],
          );
          const parts = result.households.map((h) => h.deductionsFen);
          const total = grosses.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(
            Math.floor((2 * total * rate + 10000) / 20000),
          );
          expect(result.rules[0]?.waivedFen).toBe(0);
          result.households.forEach((h) => expect(h.netFen).toBeGreaterThanOrEqual(0));
        },
      ),
    );
  });
});
