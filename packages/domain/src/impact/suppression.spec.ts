import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { effectiveSuppressionK, suppressCells, tableLines } from "./suppression.js";

describe("effectiveSuppressionK", () => {
  it("defaults to 5 and never goes below 3", () => {
    expect(effectiveSuppressionK()).toBe(5);
    expect(effectiveSuppressionK(null)).toBe(5);
    expect(effectiveSuppressionK(2)).toBe(3);
    expect(effectiveSuppressionK(7)).toBe(7);
  });
});

describe("suppressCells", () => {
  it("suppresses cells under k and nothing else when no line has a lone suppressed cell", () => {
    // One dimension (village): counts 10, 2, 1 → 2 and 1 are under 5; two hidden in the line.
    const cells = [10, 2, 1].map((n, i) => ({ key: [`v${i}`], householdCount: n }));
    expect(suppressCells(cells, 5)).toEqual([false, true, true]);
  });

  it("suppresses the next smallest cell when one alone is hidden in a line", () => {
    // Counts 9, 4, 6, 20: only 4 < 5; the total minus 9, 6, 20 would give it away, so the next
    // smallest (6) goes too.
    const cells = [9, 4, 6, 20].map((n, i) => ({ key: [i], householdCount: n }));
    expect(suppressCells(cells, 5)).toEqual([false, true, true, false]);
  });

  it("works across rows and columns until every line is safe", () => {
    // 2 × 2 table (year × village):   a=2  b=8
    //                                  c=7  d=9
    // a is primary; row 2017 then hides b (its only other cell), column a hides c, and row 2018
    // now has c alone, so d goes too.
    const cells = [
      { key: [2017, "a"], householdCount: 2 },
      { key: [2017, "b"], householdCount: 8 },
      { key: [2018, "a"], householdCount: 7 },
      { key: [2018, "b"], householdCount: 9 },
    ];
    expect(suppressCells(cells, 5)).toEqual([true, true, true, true]);
  });

  it("leaves a single cell to the primary rule and tolerates no cells", () => {
    expect(suppressCells([{ key: [], householdCount: 4 }], 3)).toEqual([false]);
    expect(suppressCells([{ key: [], householdCount: 2 }], 3)).toEqual([true]);
    expect(suppressCells([], 5)).toEqual([]);
  });

  const tables = fc
    .record({
      rows: fc.integer({ min: 1, max: 5 }),
      columns: fc.integer({ min: 1, max: 5 }),
      layers: fc.integer({ min: 1, max: 3 }),
      k: fc.integer({ min: 0, max: 9 }),
      seed: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 75, maxLength: 75 }),
      holes: fc.array(fc.boolean(), { minLength: 75, maxLength: 75 }),
    })
    .map(({ rows, columns, layers, k, seed, holes }) => {
      const cells: { key: number[]; householdCount: number; value: number }[] = [];
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < columns; c++)
          for (let l = 0; l < layers; l++) {
            const i = (r * 5 + c) * 3 + l;
            if (holes[i] && cells.length > 0) continue; // absent combinations
            cells.push({ key: [r, c, l], householdCount: seed[i]!, value: seed[i]! * 100 + i });
          }
      return { cells, k };
    });

  it("hides every cell under k (property)", () => {
    fc.assert(
      fc.property(tables, ({ cells, k }) => {
        const hidden = suppressCells(cells, k);
        const threshold = Math.max(3, k);
        cells.forEach((cell, i) => {
          if (cell.householdCount < threshold) expect(hidden[i]).toBe(true);
        });
      }),
    );
  });

  it("no suppressed value is a line total minus the line's visible cells (property)", () => {
    fc.assert(
      fc.property(tables, ({ cells, k }) => {
        const hidden = suppressCells(cells, k);
        for (const line of tableLines(cells)) {
          if (line.length < 2) continue;
          // The attacker knows the total and the visible cells: what is left is the sum of the
          // hidden ones. It reveals a value only when exactly one cell is hidden.
          const hiddenInLine = line.filter((i) => hidden[i]);
          expect(hiddenInLine.length).not.toBe(1);
          const total = line.reduce((sum, i) => sum + cells[i]!.value, 0);
          const visible = line.filter((i) => !hidden[i]).reduce((s, i) => s + cells[i]!.value, 0);
          for (const i of hiddenInLine) {
            if (hiddenInLine.length > 1) continue;
            expect(total - visible).not.toBe(cells[i]!.value);
          }
        }
      }),
    );
  });
});
