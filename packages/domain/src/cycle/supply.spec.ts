import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  declarationQuantityProblem,
  MAX_DECLARED_UNITS,
  offerPlanProblems,
  offerQuantityTotal,
} from "./supply.js";

describe("declared quantities", () => {
  it("accepts whole numbers from 0 (removal) to the maximum", () => {
    expect([0, 1, 40, MAX_DECLARED_UNITS].map(declarationQuantityProblem)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it("refuses fractions, negatives and absurd amounts", () => {
    expect(declarationQuantityProblem(1.5)).toBe("NOT_WHOLE");
    expect(declarationQuantityProblem(-1)).toBe("NEGATIVE");
    expect(declarationQuantityProblem(MAX_DECLARED_UNITS + 1)).toBe("TOO_LARGE");
  });
});

describe("offer plans", () => {
  // 3 households declared 40 + 30 + 20 = 90 jin of eggs; 10 held back → 80 on sale.
  const eggs = { declared: 90, buffer: 10, priceFen: 1600, producerPriceFen: 1200, reserved: 0 };

  it("sells declared units minus the buffer", () => {
    expect(offerQuantityTotal(90, 10)).toBe(80);
    expect(offerPlanProblems(eggs)).toEqual([]);
  });

  it("allows a producer price equal to the consumer price and a buffer of everything", () => {
    expect(offerPlanProblems({ ...eggs, producerPriceFen: 1600, buffer: 90 })).toEqual([]);
  });

  it("refuses a variant nobody declared, bad buffers and bad prices", () => {
    expect(offerPlanProblems({ ...eggs, declared: 0, buffer: 0 })).toEqual([
      { field: "variantId", problem: "NOTHING_DECLARED" },
    ]);
    expect(offerPlanProblems({ ...eggs, buffer: 91 })).toEqual([
      { field: "buffer", problem: "BUFFER_ABOVE_DECLARED" },
    ]);
    expect(offerPlanProblems({ ...eggs, buffer: -1 })).toEqual([
      { field: "buffer", problem: "BUFFER_NEGATIVE" },
    ]);
    expect(offerPlanProblems({ ...eggs, priceFen: 0, producerPriceFen: 0 })).toEqual([
      { field: "priceFen", problem: "PRICE_NOT_POSITIVE" },
    ]);
    expect(offerPlanProblems({ ...eggs, producerPriceFen: 1601 })).toEqual([
      { field: "producerPriceFen", problem: "PRODUCER_ABOVE_CONSUMER" },
    ]);
    expect(offerPlanProblems({ ...eggs, producerPriceFen: -5 })).toEqual([
      { field: "producerPriceFen", problem: "PRODUCER_PRICE_NEGATIVE" },
    ]);
  });

  it("refuses a total below what orders already reserved", () => {
    // 90 − 10 = 80 < 81 reserved; 90 − 9 = 81 is enough.
    expect(offerPlanProblems({ ...eggs, reserved: 81 })).toEqual([
      { field: "buffer", problem: "TOTAL_BELOW_RESERVED" },
    ]);
    expect(offerPlanProblems({ ...eggs, buffer: 9, reserved: 81 })).toEqual([]);
  });

  it("accepts a plan exactly when 0 ≤ reserved ≤ declared − buffer and 0 ≤ producer ≤ consumer (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: -5, max: 10_005 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: -5, max: 100_005 }),
        (declared, buffer, reserved, priceFen, producerPriceFen) => {
          const ok =
            buffer >= 0 &&
            buffer <= declared &&
            declared - buffer >= reserved &&
            producerPriceFen >= 0 &&
            producerPriceFen <= priceFen;
          const plan = { declared, buffer, reserved, priceFen, producerPriceFen };
          expect(offerPlanProblems(plan).length === 0).toBe(ok);
          if (ok) expect(offerQuantityTotal(declared, buffer)).toBeGreaterThanOrEqual(reserved);
        },
      ),
    );
  });
});
