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
 * The margin groups of a table: for every proper subset of its dimensions (the empty one = the
 * grand total), the groups of cells that agree on that subset. Each group's total is what a
 * query grouped by those dimensions only returns, so a partner knows it and can subtract the
 * visible cells from it. Returns arrays of cell indexes; a table without dimensions has none.
 */
export function marginGroups(cells: readonly SuppressibleCell[]): number[][] {
  const dimensions = cells[0]?.key.length ?? 0;
  const groups: number[][] = [];
  for (let subset = 0; subset < 2 ** dimensions - 1; subset++) {
    const byKept = new Map<string, number[]>();
    cells.forEach((cell, index) => {
      const kept = JSON.stringify(cell.key.filter((_, d) => (subset >> d) & 1));
      const group = byKept.get(kept);
      if (group) group.push(index);
      else byKept.set(kept, [index]);
    });
    groups.push(...byKept.values());
  }
  return groups;
}

const EPSILON = 1e-9;

/**
 * The hidden cells whose value a partner can work out exactly from the known group totals
 * (`groups`, cell indexes) and the visible cells: those fixed by the linear equations
 * "Σ hidden cells of a group = its total − its visible cells". Gaussian elimination to reduced
 * row echelon form over the hidden cells: a hidden cell is determined when its pivot row holds
 * no free (non-pivot) column. Entries start as 0/1; pivoting picks the largest entry.
 */
export function determinedCells(groups: readonly number[][], hidden: readonly boolean[]): number[] {
  const columns = hidden.flatMap((isHidden, index) => (isHidden ? [index] : []));
  const columnOf = new Map(columns.map((cell, column) => [cell, column]));
  const rows: Float64Array[] = [];
  for (const group of groups) {
    const row = new Float64Array(columns.length);
    let any = false;
    for (const cell of group) {
      const column = columnOf.get(cell);
      if (column === undefined) continue;
      row[column] = 1;
      any = true;
    }
    if (any) rows.push(row);
  }
  const pivotRowOf = new Map<number, Float64Array>();
  let next = 0;
  for (let column = 0; column < columns.length && next < rows.length; column++) {
    let best = next;
    for (let r = next + 1; r < rows.length; r++)
      if (Math.abs(rows[r]![column]!) > Math.abs(rows[best]![column]!)) best = r;
    if (Math.abs(rows[best]![column]!) < EPSILON) continue;
    [rows[next], rows[best]] = [rows[best]!, rows[next]!];
    const pivot = rows[next]!;
    const scale = pivot[column]!;
    for (let c = column; c < columns.length; c++) pivot[c] = pivot[c]! / scale;
    for (let r = 0; r < rows.length; r++) {
      const factor = rows[r]![column]!;
      if (r === next || Math.abs(factor) < EPSILON) continue;
      const row = rows[r]!;
      for (let c = column; c < columns.length; c++) row[c] = row[c]! - factor * pivot[c]!;
    }
    pivotRowOf.set(column, pivot);
    next++;
  }
  const determined: number[] = [];
  for (const [column, row] of pivotRowOf) {
    let free = false;
    for (let c = 0; c < columns.length && !free; c++)
      free = c !== column && !pivotRowOf.has(c) && Math.abs(row[c]!) > EPSILON;
    if (!free) determined.push(columns[column]!);
  }
  return determined.sort((a, b) => a - b);
}

/** The visible cell with the fewest households among `candidates` (ties: the first), or -1. */
function smallestVisible(
  cells: readonly SuppressibleCell[],
  suppressed: readonly boolean[],
  candidates: Iterable<number>,
): number {
  let pick = -1;
  for (const index of candidates) {
    if (suppressed[index]) continue;
    if (pick < 0 || cells[index]!.householdCount < cells[pick]!.householdCount) pick = index;
  }
  return pick;
}

/** Step 2 of {@link suppressCells}: until no line of two or more cells has one hidden cell. */
function protectLines(
  cells: readonly SuppressibleCell[],
  lines: readonly number[][],
  suppressed: boolean[],
): boolean {
  let any = false;
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (line.filter((index) => suppressed[index]).length !== 1) continue;
      suppressed[smallestVisible(cells, suppressed, line)] = true;
      changed = any = true;
    }
  }
  return any;
}

/**
 * Step 3 of {@link suppressCells}: for each primary cell the margin totals still determine,
 * hides the visible cell with the fewest households sharing a line with it (else a margin
 * group). Returns whether anything was hidden.
 */
function protectCombinations(
  cells: readonly SuppressibleCell[],
  threshold: number,
  lines: readonly number[][],
  suppressed: boolean[],
): boolean {
  // A group of one primary cell has that cell's households (< k): its total is suppressed too.
  const known = marginGroups(cells).filter(
    (group) => group.length > 1 || cells[group[0]!]!.householdCount >= threshold,
  );
  let any = false;
  for (const cell of determinedCells(known, suppressed)) {
    if (cells[cell]!.householdCount >= threshold) continue; // complementary: no secret of its own
    const near = lines.filter((line) => line.includes(cell)).flat();
    let pick = smallestVisible(cells, suppressed, near);
    if (pick < 0)
      pick = smallestVisible(cells, suppressed, known.filter((g) => g.includes(cell)).flat());
    if (pick < 0) continue; // nothing visible left around it
    suppressed[pick] = true;
    any = true;
  }
  return any;
}

/**
 * Which cells to withhold (true = suppressed), same order as `cells`:
 * 1. primary: every cell drawn from fewer than `k` households ({@link effectiveSuppressionK});
 * 2. complementary by line: in every line ({@link tableLines}) of two or more cells holding
 *    exactly one suppressed cell, the visible cell with the fewest households (ties: the first)
 *    is suppressed too — so no suppressed value equals a line total minus the line's visible
 *    cells. A line of one cell has the same households as its total, which is therefore
 *    suppressed in the coarser query by the primary rule;
 * 3. complementary by combination: every total of the table's margins ({@link marginGroups}:
 *    row and column totals, the grand total, in any number of dimensions) is taken as known,
 *    and while some primary cell can still be worked out from them and the visible cells by
 *    adding and subtracting ({@link determinedCells}), a visible cell next to it is suppressed,
 *    then step 2 again.
 * Pure and deterministic; cells' keys must all have the same length.
 */
export function suppressCells(cells: readonly SuppressibleCell[], k?: number | null): boolean[] {
  const threshold = effectiveSuppressionK(k);
  const suppressed = cells.map((cell) => cell.householdCount < threshold);
  const lines = tableLines(cells).filter((line) => line.length >= 2);
  protectLines(cells, lines, suppressed);
  while (protectCombinations(cells, threshold, lines, suppressed))
    protectLines(cells, lines, suppressed);
  return suppressed;
}
