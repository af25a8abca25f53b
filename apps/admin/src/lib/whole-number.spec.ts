import { describe, expect, it } from "vitest";
import { wholeNumber } from "./whole-number.js";

describe("a whole number typed into a form", () => {
  it("reads digits, half- and full-width, and empty as null", () => {
    expect(wholeNumber(" 500 ")).toBe(500);
    expect(wholeNumber("１２")).toBe(12);
    expect(wholeNumber("")).toBeNull();
  });

  it("refuses decimals, signs and words", () => {
    expect(wholeNumber("2.5")).toBe("invalid");
    expect(wholeNumber("-3")).toBe("invalid");
    expect(wholeNumber("ten")).toBe("invalid");
  });
});
