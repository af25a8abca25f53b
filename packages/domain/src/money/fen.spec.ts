import { describe, expect, it } from "vitest";
import { assertFen, isFen, multiplyFen, sumFen } from "./fen.js";
import { MoneyError, type MoneyErrorCode } from "./money-error.js";

function codeOf(run: () => unknown): MoneyErrorCode | "no error" {
  try {
    run();
  } catch (error) {
    if (error instanceof MoneyError) return error.code;
    throw error;
  }
  return "no error";
}

describe("assertFen / isFen", () => {
  it.each([0, 1, 1650, Number.MAX_SAFE_INTEGER])("accepts %s", (value) => {
    expect(() => assertFen(value)).not.toThrow();
    expect(isFen(value)).toBe(true);
  });

  it.each<[unknown, MoneyErrorCode]>([
    [-1, "MONEY_NEGATIVE"],
    [1.5, "MONEY_NOT_AN_INTEGER"],
    [Number.NaN, "MONEY_NOT_AN_INTEGER"],
    [Number.POSITIVE_INFINITY, "MONEY_NOT_AN_INTEGER"],
    [Number.MAX_SAFE_INTEGER + 1, "MONEY_NOT_AN_INTEGER"],
    ["100", "MONEY_NOT_AN_INTEGER"],
  ])("refuses %s with %s", (value, code) => {
    expect(codeOf(() => assertFen(value))).toBe(code);
    expect(isFen(value)).toBe(false);
  });

  it("names the label in the message", () => {
    expect(() => assertFen(-5, "refund")).toThrow("The refund -5 fen is negative.");
  });
});

describe("multiplyFen", () => {
  it("multiplies exactly", () => {
    // 16 yuan per jin egg price × 3 jin = 48 yuan
    expect(multiplyFen(1600, 3)).toBe(4800);
    expect(multiplyFen(-250, 4)).toBe(-1000);
    expect(multiplyFen(1650, 0)).toBe(0);
    expect(Object.is(multiplyFen(-250, 0), 0)).toBe(true);
  });

  it("refuses a product beyond the safe range instead of rounding it", () => {
    // 2^53 - 1 = 9007199254740991 fen; 4503599627370496 × 2 = 2^53 is one too many
    expect(multiplyFen(4503599627370495, 2)).toBe(9007199254740990);
    expect(codeOf(() => multiplyFen(4503599627370496, 2))).toBe("MONEY_TOO_LARGE");
    expect(codeOf(() => multiplyFen(-4503599627370496, 2))).toBe("MONEY_TOO_LARGE");
  });

  it.each<[number, number, MoneyErrorCode]>([
    [16.5, 2, "MONEY_NOT_AN_INTEGER"],
    [1650, 1.5, "MONEY_NOT_AN_INTEGER"],
    [1650, -1, "MONEY_NEGATIVE"],
    [Number.NaN, 1, "MONEY_NOT_AN_INTEGER"],
  ])("refuses %s × %s with %s", (unit, quantity, code) => {
    expect(codeOf(() => multiplyFen(unit, quantity))).toBe(code);
  });
});

describe("sumFen", () => {
  it("sums exactly, including an empty list", () => {
    expect(sumFen([])).toBe(0);
    expect(sumFen([1650, -320, 5])).toBe(1335);
  });

  it("refuses an overflowing sum and fractional parts", () => {
    expect(codeOf(() => sumFen([Number.MAX_SAFE_INTEGER, 1]))).toBe("MONEY_TOO_LARGE");
    expect(codeOf(() => sumFen([1, 0.5]))).toBe("MONEY_NOT_AN_INTEGER");
  });
});
