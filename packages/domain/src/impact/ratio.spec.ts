import { describe, expect, it } from "vitest";
import { RatioError, ratioInBasisPoints } from "./ratio.js";

describe("ratioInBasisPoints", () => {
  it("gives exact ratios in basis points", () => {
    // ¥12.00 of a ¥16.00 price reaches the household: 1200 / 1600 = 0.75 = 7500 bp.
    expect(ratioInBasisPoints(1200, 1600)).toBe(7500);
    // Premium of ¥12.00 over a ¥8.00 market price: (1200 − 800) / 800 = 0.5 = 5000 bp.
    expect(ratioInBasisPoints(400, 800)).toBe(5000);
  });

  it("rounds to the nearest basis point, halves away from zero", () => {
    expect(ratioInBasisPoints(1, 3)).toBe(3333); // 3333.33…
    expect(ratioInBasisPoints(2, 3)).toBe(6667); // 6666.66…
    expect(ratioInBasisPoints(1, 20_000)).toBe(1); // 0.5 → 1
    expect(ratioInBasisPoints(-1, 20_000)).toBe(-1); // −0.5 → −1
    expect(ratioInBasisPoints(-100, 800)).toBe(-1250);
    expect(ratioInBasisPoints(0, 7)).toBe(0);
  });

  it("stays exact for large amounts", () => {
    expect(ratioInBasisPoints(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)).toBe(10_000);
  });

  it("refuses a zero or negative denominator and non-integers", () => {
    expect(() => ratioInBasisPoints(1, 0)).toThrow(RatioError);
    expect(() => ratioInBasisPoints(1, -5)).toThrow(RatioError);
    expect(() => ratioInBasisPoints(1.5, 3)).toThrow(RatioError);
  });
});
