/** The default suppression threshold k (DESIGN.md, partner privacy). */
export const DEFAULT_SUPPRESSION_K = 5;
/** No partner may be given a threshold below this. */
export const MINIMUM_SUPPRESSION_K = 3;

/**
 * The threshold actually applied: `k` (default {@link DEFAULT_SUPPRESSION_K}), never below
 * {@link MINIMUM_SUPPRESSION_K}. Non-integers are rounded up.
 */
export function effectiveSuppressionK(k?: number | null): number {
  const wanted = k == null || !Number.isFinite(k) ? DEFAULT_SUPPRESSION_K : Math.ceil(k);
  return Math.max(MINIMUM_SUPPRESSION_K, wanted);
}

/** One aggregate cell: its dimension values (same order in every cell) and whom it counts. */
export interface SuppressibleCell {
  /** The cell's values of the grouped dimensions, one per dimension, in a fixed order. */
  readonly key: readonly (string | number | boolean | null)[];
  /** Distinct households the cell's value is drawn from. */
  readonly householdCount: number;
}

function lineKey(key: SuppressibleCell["key"], without: number): string {
  return JSON.stringify(key.filter((_, i) => i !== without));
}

/**
 * The lines of a table of cells: for each dimension, the groups of cells that agree on every
 * other dimension. A line's total is what a query grouped by one dimension fewer returns, so a
 * partner can subtract a line's visible cells from it. Returns arrays of cell indexes.
 */
export function tableLines(cells: readonly SuppressibleCell[]): number[][] {
  const dimensions = cells[0]?.key.length ?? 0;
  const lines: number[][] = [];
  for (let d = 0; d < dimensions; d++) {
    const byRest = new Map<string, number[]>();
    cells.forEach((cell, index) => {
      const rest = lineKey(cell.key, d);
      const line = byRest.get(rest);
      if (line) line.push(index);
      else byRest.set(rest, [index]);
    });
    lines.push(...byRest.values());
  }
  return lines;
}

/**
 * Which cells to withhold (true = suppressed), same order as `cells`:
 * 1. primary: every cell drawn from fewer than `k` households ({@link effectiveSuppressionK});
 * 2. complementary: in every line ({@link tableLines}) of two or more cells holding exactly one
 *    suppressed cell, the visible cell with the fewest households (ties: the first) is suppressed
 *    too, repeated until no line has a lone suppressed cell — so no suppressed value equals a
 *    line total minus the line's visible cells. A line of one cell has the same households as
 *    its total, which is therefore suppressed in the coarser query by the primary rule.
 * Pure and deterministic; cells' keys must all have the same length.
 */
export function suppressCells(cells: readonly SuppressibleCell[], k?: number | null): boolean[] {
  const threshold = effectiveSuppressionK(k);
  const suppressed = cells.map((cell) => cell.householdCount < threshold);
  const lines = tableLines(cells).filter((line) => line.length >= 2);
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const hidden = line.filter((index) => suppressed[index]).length;
      if (hidden !== 1) continue;
      let pick = -1;
      for (const index of line) {
        if (suppressed[index]) continue;
        if (pick < 0 || cells[index]!.householdCount < cells[pick]!.householdCount) pick = index;
      }
      suppressed[pick] = true;
      changed = true;
    }
  }
  return suppressed;
}
