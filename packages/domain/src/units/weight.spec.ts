import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UnitError, type UnitErrorCode } from "./unit-error.js";
import {
  GRAMS_PER_JIN,
  assertGrams,
  formatGrams,
  gramsToJin,
  jinToGrams,
  splitGramsIntoJin,
} from "./weight.js";

function codeOf(run: () => unknown): UnitErrorCode | "no error" {
  try {
    run();
  } catch (error) {
    if (error instanceof UnitError) return error.code;
    throw error;
  }
  return "no error";
}

describe("jin and grams", () => {
  it("1 jin is 500 g", () => {
    expect(GRAMS_PER_JIN).toBe(500);
  });

  it.each([
    [1, 500],
    [0, 0],
    [0.5, 250],
    [1.1, 550], // 1.1 × 500 is 550.0000000000001 in floating point; still exactly 550 g
    [2.468, 1234],
    [0.002, 1],
    [16, 8000],
  ])("%s jin = %i g", (jin, grams) => {
    expect(jinToGrams(jin)).toBe(grams);
  });

  it.each<[number, UnitErrorCode]>([
    [0.001, "UNIT_NOT_WHOLE_GRAMS"], // 0.5 g
    [0.0031, "UNIT_NOT_WHOLE_GRAMS"],
    [-1, "UNIT_NEGATIVE"],
    [Number.NaN, "UNIT_NOT_A_NUMBER"],
    [Number.POSITIVE_INFINITY, "UNIT_NOT_A_NUMBER"],
    [1e20, "UNIT_TOO_LARGE"],
  ])("refuses %s jin with %s", (jin, code) => {
    expect(codeOf(() => jinToGrams(jin))).toBe(code);
  });

  it.each([
    [500, 1],
    [250, 0.5],
    [1234, 2.468],
    [1, 0.002],
    [0, 0],
  ])("%i g = %s jin", (grams, jin) => {
    expect(gramsToJin(grams)).toBe(jin);
  });

  it("gramsToJin and jinToGrams round-trip every whole gram (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (grams) => {
        expect(jinToGrams(gramsToJin(grams))).toBe(grams);
      }),
    );
  });

  it("splits grams into whole jin and remainder with integers only", () => {
    expect(splitGramsIntoJin(1234)).toEqual({ jin: 2, remainderGrams: 234 });
    expect(splitGramsIntoJin(1000)).toEqual({ jin: 2, remainderGrams: 0 });
    expect(splitGramsIntoJin(499)).toEqual({ jin: 0, remainderGrams: 499 });
  });

  it.each<[unknown, UnitErrorCode]>([
    [1.5, "UNIT_NOT_A_NUMBER"],
    [-1, "UNIT_NEGATIVE"],
    ["500", "UNIT_NOT_A_NUMBER"],
    [Number.MAX_SAFE_INTEGER + 1, "UNIT_NOT_A_NUMBER"],
  ])("assertGrams refuses %s with %s", (grams, code) => {
    expect(codeOf(() => assertGrams(grams))).toBe(code);
  });
});

describe("formatGrams", () => {
  it.each([
    [0, "0 g"],
    [750, "750 g"],
    [999, "999 g"],
    [1000, "1 kg"],
    [1500, "1.5 kg"],
    [2468, "2.468 kg"],
    [1050, "1.05 kg"],
    [1001, "1.001 kg"],
    [25000, "25 kg"],
  ])("%i g → %s", (grams, text) => {
    expect(formatGrams(grams)).toBe(text);
  });

  it("refuses fractional grams", () => {
    expect(codeOf(() => formatGrams(1.5))).toBe("UNIT_NOT_A_NUMBER");
  });
});
