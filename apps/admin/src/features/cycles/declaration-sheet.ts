/**
 * The declaration sheet's arithmetic: one row per household, one column per variant, cells of
 * typed text. Pure, so the page stays thin and the rules are tested on their own.
 */

/** A cell's key: household id and variant id. */
export function cellKey(householdId: string, variantId: string): string {
  return `${householdId}/${variantId}`;
}

/** One entry of `recordSupplyDeclarations` (units of the variant; 0 removes a declaration). */
export interface DeclarationEntry {
  householdId: string;
  variantId: string;
  quantity: number;
}

/**
 * A cell's text as whole units: "" → 0, "12" → 12; anything else (decimals, letters, signs) is
 * passed on as NaN-free -1 so that the API refuses it by index and the cell shows why.
 */
export function unitsOf(text: string): number {
  const trimmed = text.trim();
  if (trimmed === "") return 0;
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : -1;
}

/**
 * The entries to save: every cell of the sheet whose units differ from what is saved (`saved`:
 * cell key → units), in sheet order (households, then variants). A cleared cell with a saved
 * declaration becomes quantity 0 (removed).
 */
export function changedEntries(
  householdIds: readonly string[],
  variantIds: readonly string[],
  typed: ReadonlyMap<string, string>,
  saved: ReadonlyMap<string, number>,
): DeclarationEntry[] {
  const entries: DeclarationEntry[] = [];
  for (const householdId of householdIds) {
    for (const variantId of variantIds) {
      const key = cellKey(householdId, variantId);
      const text = typed.get(key);
      if (text === undefined) continue;
      const quantity = unitsOf(text);
      if (quantity !== (saved.get(key) ?? 0)) entries.push({ householdId, variantId, quantity });
    }
  }
  return entries;
}

/**
 * Puts the API's problems back on the cells they concern: a problem's field is
 * `entries.<index>.<field>` (or `entries[<index>]…`) of the list sent; problems of no entry are
 * returned under the key "".
 */
export function problemsByCell(
  entries: readonly DeclarationEntry[],
  problems: readonly { field: string; message: string }[],
): Map<string, string[]> {
  const byCell = new Map<string, string[]>();
  for (const problem of problems) {
    const m = /^entries[.[](\d+)/.exec(problem.field);
    const entry = m ? entries[Number(m[1])] : undefined;
    const key = entry ? cellKey(entry.householdId, entry.variantId) : "";
    byCell.set(key, [...(byCell.get(key) ?? []), problem.message]);
  }
  return byCell;
}

/** Units per variant over the sheet as typed (cells that are not whole numbers count 0). */
export function columnTotals(
  householdIds: readonly string[],
  variantIds: readonly string[],
  typed: ReadonlyMap<string, string>,
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const variantId of variantIds) {
    let sum = 0;
    for (const householdId of householdIds) {
      sum += Math.max(0, unitsOf(typed.get(cellKey(householdId, variantId)) ?? ""));
    }
    totals.set(variantId, sum);
  }
  return totals;
}
