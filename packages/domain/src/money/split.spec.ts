import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MoneyError, type MoneyErrorCode } from "./money-error.js";
import { splitByWeights } from "./split.js";

function codeOf(run: () => unknown): MoneyErrorCode | "no error" {
  try {
    run();
  } catch (error) {
    if (error instanceof MoneyError) return error.code;
    throw error;
  }
  return "no error";
}

describe("splitByWeights (hand-worked cases)", () => {
  it("1000 by [1,1,1] → [334,333,333]", () => {
    // floors 333 each (999), 1 fen left; remainders tie (1 each) → lowest index gets it
    expect(splitByWeights(1000, [1, 1, 1])).toEqual([334, 333, 333]);
  });

  it("100 by [1,2] → [33,67]", () => {
    // exact 33.33… and 66.66…; floors 33 + 66 = 99; remainders 100 mod 3 = 1, 200 mod 3 = 2
    // → the second part (larger remainder) gets the last fen
    expect(splitByWeights(100, [1, 2])).toEqual([33, 67]);
  });

  it("1 by [1,1,1] → [1,0,0]: one fen goes to the lowest index on a tie", () => {
    expect(splitByWeights(1, [1, 1, 1])).toEqual([1, 0, 0]);
  });

  it("2 by [1,1,1] → [1,1,0]", () => {
    expect(splitByWeights(2, [1, 1, 1])).toEqual([1, 1, 0]);
  });

  it("a tie loses to a larger remainder regardless of index: 10 by [3,3,4]", () => {
    // exact 3, 3, 4 → no remainder at all
    expect(splitByWeights(10, [3, 3, 4])).toEqual([3, 3, 4]);
    // 7 by [2,2,3]: exact 2, 2, 3 → [2,2,3]
    expect(splitByWeights(7, [2, 2, 3])).toEqual([2, 2, 3]);
    // 5 by [3,3,4] (W=10): 15/10=1 r5, 15/10=1 r5, 20/10=2 r0 → floors 4, 1 left → index 0
    expect(splitByWeights(5, [3, 3, 4])).toEqual([2, 1, 2]);
  });

  it("a transport fee of ¥12.00 split by grams accepted [2500, 1500, 1000]", () => {
    // W = 5000; 1200×2500/5000 = 600, 1200×1500/5000 = 360, 1200×1000/5000 = 240 exactly
    expect(splitByWeights(1200, [2500, 1500, 1000])).toEqual([600, 360, 240]);
  });

  it("a refund of ¥10.01 by [1,1] → [501,500]", () => {
    expect(splitByWeights(1001, [1, 1])).toEqual([501, 500]);
  });

  it("zero weights get nothing: 100 by [0,1,0,1] → [0,50,0,50]", () => {
    expect(splitByWeights(100, [0, 1, 0, 1])).toEqual([0, 50, 0, 50]);
  });

  it("a negative total splits like its absolute value, negated", () => {
    expect(splitByWeights(-1000, [1, 1, 1])).toEqual([-334, -333, -333]);
    expect(splitByWeights(-100, [1, 2])).toEqual([-33, -67]);
  });

  it("0 by any weights, even all zero, → zeros", () => {
    expect(splitByWeights(0, [1, 2, 3])).toEqual([0, 0, 0]);
    expect(splitByWeights(0, [0, 0])).toEqual([0, 0]);
  });

  it("exact for huge values where floating point would drift", () => {
    // MAX_SAFE_INTEGER = 9007199254740991 = 3 × 3002399751580330 + 1
    expect(splitByWeights(Number.MAX_SAFE_INTEGER, [1, 1, 1])).toEqual([
      3002399751580331, 3002399751580330, 3002399751580330,
    ]);
    const big = Number.MAX_SAFE_INTEGER;
    expect(splitByWeights(100, [big, big])).toEqual([50, 50]);
  });

  it.each<[number, number[], MoneyErrorCode]>([
    [100, [], "MONEY_INVALID_WEIGHTS"],
    [100, [0, 0], "MONEY_INVALID_WEIGHTS"],
    [100, [1, -1], "MONEY_INVALID_WEIGHTS"],
    [100, [1, 0.5], "MONEY_INVALID_WEIGHTS"],
    [100, [1, Number.NaN], "MONEY_INVALID_WEIGHTS"],
    [100, [1, Number.POSITIVE_INFINITY], "MONEY_INVALID_WEIGHTS"],
    [10.5, [1, 1], "MONEY_NOT_AN_INTEGER"],
    [Number.NaN, [1], "MONEY_NOT_AN_INTEGER"],
  ])("refuses %s by %j with %s", (total, weights, code) => {
    expect(codeOf(() => splitByWeights(total, weights))).toBe(code);
  });
});

describe("splitByWeights (properties)", () => {
  const totals = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
  const smallTotals = fc.integer({ min: 0, max: 10_000_000 });
  const weightLists = fc
    .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 })
    .filter((weights) => weights.some((w) => w > 0));

  /** |part − total·w/W| < 1 checked exactly: |part·W − total·w| < W. */
  function withinOneFen(part: number, total: number, weight: number, weightSum: bigint): boolean {
    const diff = BigInt(part) * weightSum - BigInt(total) * BigInt(weight);
    return (diff < 0n ? -diff : diff) < weightSum;
  }

  it("parts sum exactly to the total, are never negative and within 1 fen of the exact share", () => {
    fc.assert(
      fc.property(fc.oneof(totals, smallTotals), weightLists, (total, weights) => {
        const parts = splitByWeights(total, weights);
        const weightSum = weights.reduce((s, w) => s + BigInt(w), 0n);
        expect(parts).toHaveLength(weights.length);
        expect(parts.reduce((s, p) => s + BigInt(p), 0n)).toBe(BigInt(total));
        parts.forEach((part, i) => {
          expect(Number.isSafeInteger(part)).toBe(true);
          expect(part).toBeGreaterThanOrEqual(0);
          expect(withinOneFen(part, total, weights[i] ?? 0, weightSum)).toBe(true);
          if (weights[i] === 0) expect(part).toBe(0);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("negative totals mirror positive ones", () => {
    fc.assert(
      fc.property(smallTotals, weightLists, (total, weights) => {
        const positive = splitByWeights(total, weights);
        const negative = splitByWeights(-total, weights);
        expect(negative).toEqual(positive.map((p) => (p === 0 ? 0 : -p)));
      }),
    );
  });

  it("is deterministic and monotone in weight for equal totals", () => {
    fc.assert(
      fc.property(smallTotals, weightLists, (total, weights) => {
        const parts = splitByWeights(total, weights);
        expect(splitByWeights(total, weights)).toEqual(parts);
        // a strictly larger weight never gets less than a smaller one
        weights.forEach((wi, i) =>
          weights.forEach((wj, j) => {
            if (wi > wj) expect(parts[i] ?? 0).toBeGreaterThanOrEqual(parts[j] ?? 0);
          }),
        );
      }),
      { numRuns: 200 },
    );
  });
});
