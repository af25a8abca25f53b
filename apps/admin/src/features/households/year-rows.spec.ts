import { describe, expect, it } from "vitest";
import { yearRows } from "./year-rows.js";

describe("a household's income against the poverty line", () => {
  it("puts each year beside that year's line, newest first", () => {
    const rows = yearRows([
      { year: 2015, povertyStatus: "REGISTERED", perCapitaNetIncomeYuan: 2600 },
      { year: 2019, povertyStatus: "EXITED", perCapitaNetIncomeYuan: 3218 },
      { year: 2024, povertyStatus: "MONITORED", perCapitaNetIncomeYuan: 9000 },
    ]);
    expect(rows.map((r) => r.year)).toEqual([2024, 2019, 2015]);
    // 2024: the reference (2010–2020) has no line, and none is guessed.
    expect(rows[0]).toMatchObject({ lineYuan: null, lineStatus: null, differenceYuan: null });
    // 2019: line 3218 yuan; 3218 − 3218 = 0, on the line (not below it).
    expect(rows[1]).toMatchObject({ lineYuan: 3218, differenceYuan: 0 });
    // 2015: line 2855 yuan; 2600 − 2855 = −255, below.
    expect(rows[2]).toMatchObject({
      lineYuan: 2855,
      differenceYuan: -255,
      lineStatus: "published",
    });
  });
});
