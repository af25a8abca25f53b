import { describe, expect, it } from "vitest";
import { formatFen } from "./format.js";
import { MoneyError } from "./money-error.js";

describe("formatFen", () => {
  it.each([
    [1650, "¥16.50"],
    [1600, "¥16.00"],
    [0, "¥0.00"],
    [-0, "¥0.00"],
    [1, "¥0.01"],
    [10, "¥0.10"],
    [99, "¥0.99"],
    [123450, "¥1234.50"], // no thousands separators, by decision
    [-320, "-¥3.20"],
    [-5, "-¥0.05"],
    [Number.MAX_SAFE_INTEGER, "¥90071992547409.91"],
    [-Number.MAX_SAFE_INTEGER, "-¥90071992547409.91"],
  ])("formats %i fen as %s", (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it.each([16.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])(
    "refuses %s",
    (fen) => {
      expect(() => formatFen(fen)).toThrow(MoneyError);
      try {
        formatFen(fen);
      } catch (error) {
        expect((error as MoneyError).code).toBe("MONEY_NOT_AN_INTEGER");
      }
    },
  );
});
