import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  determinedCells,
  effectiveSuppressionK,
  marginGroups,
  suppressCells,
  tableLines,
} from "./suppression.js";

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

  it("hides one more cell when row and column totals together give a cell away", () => {
    // Households (k = 5); '·' = no such cell. Values (fen) in brackets.
    //        c1        c2        c3         c4
    //  r1  3 [100]   4 [200]   2 [300]   30 [400]
    //  r2  3 [500]   3 [600]  20 [700]    ·
    //  r3   ·         ·        4 [800]    4 [900]
    //  r4   ·         ·        3 [1000]   4 [1100]
    // Every cell under 5 is hidden and every row and column then holds 0 or ≥ 2 hidden cells,
    // so step 2 adds nothing. But r1 + r2 − c1 − c2 = r1c3 + r1c4 + r2c3:
    // (100+200+300+400) + (500+600+700) − (100+500) − (200+600) = 2800 − 1400 = 1400,
    // and 1400 − 400 − 700 = 300 = r1c3 (2 households). So the visible cell next to r1c3 with
    // the fewest households, r2c3 (20, against r1c4's 30), is hidden too.
    const at = (r: number, c: number, householdCount: number) => ({
      key: [`r${r}`, `c${c}`],
      householdCount,
    });
    const cells = [
      at(1, 1, 3), at(1, 2, 4), at(1, 3, 2), at(1, 4, 30),
      at(2, 1, 3), at(2, 2, 3), at(2, 3, 20),
      at(3, 3, 4), at(3, 4, 4),
      at(4, 3, 3), at(4, 4, 4),
    ]; // prettier-ignore
    const primary = cells.map((cell) => cell.householdCount < 5);
    // The old rule (lines only) leaves r1c3 to the attacker:
    expect(determinedCells(marginGroups(cells), primary)).toEqual([2]);
    const hidden = suppressCells(cells, 5);
    expect(hidden).toEqual(cells.map((_, i) => i !== 3)); // all but r1c4
    // Now r1 + r2 − c1 − c2 = r1c3 + r1c4 + r2c3 has two unknowns: nothing is determined.
    expect(determinedCells(marginGroups(cells), hidden)).toEqual([]);
  });

  it("lists the margins of a table: grand total, then each proper subset of dimensions", () => {
    const cells = [
      { key: [2019, "a"], householdCount: 1 },
      { key: [2019, "b"], householdCount: 1 },
      { key: [2020, "a"], householdCount: 1 },
    ];
    // {} → all three; {year} → 2019: 0, 1; 2020: 2; {village} → a: 0, 2; b: 1.
    expect(marginGroups(cells)).toEqual([[0, 1, 2], [0, 1], [2], [0, 2], [1]]);
    expect(marginGroups([{ key: [], householdCount: 1 }])).toEqual([]);
  });

  /** Rank of an integer matrix, exactly (fraction-free elimination in BigInt). */
  function rank(matrix: bigint[][]): number {
    const m = matrix.map((row) => [...row]);
    let r = 0;
    for (let c = 0; c < (m[0]?.length ?? 0) && r < m.length; c++) {
      const p = m.findIndex((row, i) => i >= r && row[c] !== 0n);
      if (p < 0) continue;
      [m[r], m[p]] = [m[p]!, m[r]!];
      for (let i = r + 1; i < m.length; i++) {
        const f = m[i]![c]!;
        const g = m[r]![c]!;
        m[i] = m[i]!.map((x, j) => x * g - m[r]![j]! * f);
      }
      r++;
    }
    return r;
  }

  it("leaves no cell under k to any sum of totals and visible cells (property)", () => {
    // Independent of determinedCells: a hidden cell i can be worked out from the known totals
    // exactly when adding the equation "x_i = …" does not raise the rank of the system over
    // the hidden cells. Totals of a group of one cell under k are themselves suppressed.
    fc.assert(
      fc.property(tables, ({ cells, k }) => {
        const threshold = Math.max(3, k);
        const hidden = suppressCells(cells, k);
        const columns = cells.flatMap((_, i) => (hidden[i] ? [i] : []));
        const known = marginGroups(cells).filter(
          (g) => g.length > 1 || cells[g[0]!]!.householdCount >= threshold,
        );
        const system = known.map((g) => columns.map((i) => (g.includes(i) ? 1n : 0n)));
        const base = rank(system);
        for (const [column, i] of columns.entries()) {
          if (cells[i]!.householdCount >= threshold) continue;
          const unit = columns.map((_, c) => (c === column ? 1n : 0n));
          const exposed = rank([...system, unit]) === base;
          // A cell under k may stay exposed only when no total it is part of has a visible
          // cell left to hide.
          if (exposed) {
            const around = known.filter((g) => g.includes(i)).flat();
            expect(around.filter((j) => !hidden[j])).toEqual([]);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
