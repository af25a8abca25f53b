import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatFen } from "./format.js";
import { MoneyError, type MoneyErrorCode } from "./money-error.js";
import { parseYuanToFen } from "./parse.js";

function codeOf(run: () => unknown): MoneyErrorCode | "no error" {
  try {
    run();
  } catch (error) {
    if (error instanceof MoneyError) return error.code;
    throw error;
  }
  return "no error";
}

describe("parseYuanToFen", () => {
  it.each([
    ["16", 1600],
    ["16.5", 1650],
    ["16.50", 1650],
    ["¥16.50", 1650],
    ["￥16.50", 1650],
    [" 16.50 ", 1650],
    ["¥ 16.50", 1650],
    ["16.5元", 1650],
    ["1,234.50", 123450],
    ["1,234,567", 123456700],
    ["0", 0],
    ["0.01", 1],
    ["0.29", 29], // 0.29 * 100 is 28.999999999999996 in floating point; string arithmetic gives 29
    ["1.1", 110],
    ["016.50", 1650],
    ["１６．５０", 1650],
    ["90071992547409.91", Number.MAX_SAFE_INTEGER],
  ])("reads %j as %i fen", (input, fen) => {
    expect(parseYuanToFen(input)).toBe(fen);
  });

  it.each([
    ["-3.20", -320],
    ["-¥3.20", -320],
    ["－3.2", -320],
    ["-0", 0],
  ])("reads %j as %i fen when negatives are allowed", (input, fen) => {
    expect(parseYuanToFen(input, { allowNegative: true })).toBe(fen);
  });

  it("never returns -0", () => {
    expect(Object.is(parseYuanToFen("-0.00", { allowNegative: true }), 0)).toBe(true);
  });

  it.each<[string, MoneyErrorCode]>([
    ["", "MONEY_EMPTY"],
    ["   ", "MONEY_EMPTY"],
    ["abc", "MONEY_NOT_A_NUMBER"],
    ["1e3", "MONEY_NOT_A_NUMBER"],
    ["NaN", "MONEY_NOT_A_NUMBER"],
    ["Infinity", "MONEY_NOT_A_NUMBER"],
    ["+16", "MONEY_NOT_A_NUMBER"],
    ["16.", "MONEY_NOT_A_NUMBER"],
    [".5", "MONEY_NOT_A_NUMBER"],
    ["1 6", "MONEY_NOT_A_NUMBER"],
    ["12,34", "MONEY_NOT_A_NUMBER"],
    ["1,2345", "MONEY_NOT_A_NUMBER"],
    ["¥-3", "MONEY_NOT_A_NUMBER"],
    ["16.5.0", "MONEY_NOT_A_NUMBER"],
    ["0x10", "MONEY_NOT_A_NUMBER"],
    ["16.505", "MONEY_TOO_MANY_DECIMALS"],
    ["16.500", "MONEY_TOO_MANY_DECIMALS"],
    ["-3.20", "MONEY_NEGATIVE"],
    ["-0", "MONEY_NEGATIVE"],
    ["90071992547409.92", "MONEY_TOO_LARGE"], // MAX_SAFE_INTEGER + 1 fen
    ["99999999999999999999", "MONEY_TOO_LARGE"],
  ])("refuses %j with %s", (input, code) => {
    expect(codeOf(() => parseYuanToFen(input))).toBe(code);
  });

  it("refuses values beyond the safe range even when negatives are allowed", () => {
    expect(codeOf(() => parseYuanToFen("-90071992547409.92", { allowNegative: true }))).toBe(
      "MONEY_TOO_LARGE",
    );
  });

  it("names the input in the message", () => {
    expect(() => parseYuanToFen("16.505")).toThrow(/"16\.505"/);
    expect(() => parseYuanToFen("abc")).toThrow(/"abc"/);
  });

  it("refuses a value that is not text", () => {
    expect(codeOf(() => parseYuanToFen(16 as unknown as string))).toBe("MONEY_NOT_A_NUMBER");
  });

  it("round-trips every safe amount through formatFen (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        (fen) => {
          expect(parseYuanToFen(formatFen(fen), { allowNegative: true })).toBe(fen);
        },
      ),
    );
  });

  it("agrees with exact decimal arithmetic for any yuan.jiaofen text (property)", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 10_000_000 }),
        fc.nat({ max: 99 }),
        fc.boolean(),
        (yuan, cents, withSign) => {
          const text = `${withSign ? "¥" : ""}${yuan}.${String(cents).padStart(2, "0")}`;
          expect(parseYuanToFen(text)).toBe(yuan * 100 + cents);
        },
      ),
    );
  });
});
