import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PovertyLineError, type PovertyLineErrorCode } from "./poverty-error.js";
import { POVERTY_LINE_YEARS, isBelowPovertyLine, povertyLine } from "./poverty-line.js";
import { POVERTY_LINES } from "./poverty-lines.data.js";

function codeOf(run: () => unknown): PovertyLineErrorCode | "no error" {
  try {
    run();
  } catch (error) {
    if (error instanceof PovertyLineError) return error.code;
    throw error;
  }
  return "no error";
}

/**
 * The reference CSV lives in `shared/reference/` beside the repository checkout (in CI and in
 * the project's worktrees): from this file, src/poverty → packages/domain → repo root → its parent.
 */
const CSV_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "../../../../../shared/reference/poverty-lines.csv",
);

/** A small RFC 4180 reader: commas, double-quoted fields with "" escapes, CRLF or LF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
    } else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += ch;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell !== ""));
}

describe("poverty line reference data", () => {
  const csvPresent = existsSync(CSV_PATH);

  it.skipIf(!csvPresent)(
    `equals shared/reference/poverty-lines.csv row by row${csvPresent ? "" : ` (SKIPPED: ${CSV_PATH} not found)`}`,
    () => {
      const [header, ...rows] = parseCsv(readFileSync(CSV_PATH, "utf8"));
      expect(header).toEqual(["year", "line_yuan_per_person_per_year", "status", "source"]);
      const fromCsv = rows.map(([year, line, status, source]) => ({
        year: Number(year),
        yuanPerPersonPerYear: Number(line),
        status,
        source,
      }));
      expect(POVERTY_LINES.map((l) => ({ ...l }))).toEqual(fromCsv);
    },
  );

  it("covers every year 2010–2020 once, ascending", () => {
    expect(POVERTY_LINE_YEARS).toEqual([
      2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020,
    ]);
  });
});

describe("povertyLine", () => {
  it("returns the row for a year, with status and source", () => {
    expect(povertyLine(2010)).toEqual({
      year: 2010,
      yuanPerPersonPerYear: 2300,
      status: "base (2010 constant prices)",
      source: "National Bureau of Statistics rural poverty standard; provincial yearbook note",
    });
    expect(povertyLine(2014).yuanPerPersonPerYear).toBe(2800);
    expect(povertyLine(2017).status).toMatch(/^unconfirmed/);
    expect(povertyLine(2020)).toMatchObject({
      yuanPerPersonPerYear: 4000,
      status: 'approximate ("about 4000")',
    });
  });

  it.each([2009, 2021, 2026, 2015.5, Number.NaN])(
    "has no line for %s and never guesses",
    (year) => {
      expect(codeOf(() => povertyLine(year))).toBe("NO_POVERTY_LINE_FOR_YEAR");
    },
  );

  it("names the year in the message", () => {
    expect(() => povertyLine(2021)).toThrow(/2021/);
  });

  it("returns frozen data", () => {
    expect(Object.isFrozen(povertyLine(2011))).toBe(true);
    expect(Object.isFrozen(POVERTY_LINES)).toBe(true);
  });
});

describe("isBelowPovertyLine", () => {
  it("is strictly below the line (2014 line: 2800 yuan/person/year)", () => {
    expect(isBelowPovertyLine(2799.99, 2014)).toBe(true);
    expect(isBelowPovertyLine(2800, 2014)).toBe(false);
    expect(isBelowPovertyLine(2800.01, 2014)).toBe(false);
    expect(isBelowPovertyLine(-100, 2014)).toBe(true);
  });

  it("uses each year's own line", () => {
    // 2900 is above 2014's 2800 but below 2016's 2952
    expect(isBelowPovertyLine(2900, 2014)).toBe(false);
    expect(isBelowPovertyLine(2900, 2016)).toBe(true);
  });

  it("refuses a year without a line and an income that is not a number", () => {
    expect(codeOf(() => isBelowPovertyLine(3000, 2021))).toBe("NO_POVERTY_LINE_FOR_YEAR");
    expect(codeOf(() => isBelowPovertyLine(Number.NaN, 2014))).toBe("POVERTY_INVALID_INCOME");
  });
});
