import { describe, expect, it } from "vitest";
import {
  cellKey,
  changedEntries,
  columnTotals,
  problemsByCell,
  unitsOf,
} from "./declaration-sheet.js";

const H = ["h1", "h2", "h3"];
const V = ["eggs", "millet"];

describe("the declaration sheet", () => {
  it("reads cells as whole units, anything else as -1 for the API to refuse", () => {
    expect(unitsOf("")).toBe(0);
    expect(unitsOf(" 12 ")).toBe(12);
    expect(unitsOf("1.5")).toBe(-1);
    expect(unitsOf("-3")).toBe(-1);
    expect(unitsOf("abc")).toBe(-1);
  });

  it("sends only changed cells, in sheet order, a cleared cell as 0", () => {
    const typed = new Map([
      [cellKey("h2", "millet"), "4"],
      [cellKey("h1", "eggs"), "10"],
      [cellKey("h3", "eggs"), ""],
      [cellKey("h2", "eggs"), "5"],
    ]);
    // Saved: h1 eggs 10 (unchanged), h3 eggs 6 (cleared → 0), h2 eggs 3 (→ 5).
    const saved = new Map([
      [cellKey("h1", "eggs"), 10],
      [cellKey("h3", "eggs"), 6],
      [cellKey("h2", "eggs"), 3],
    ]);
    expect(changedEntries(H, V, typed, saved)).toEqual([
      { householdId: "h2", variantId: "eggs", quantity: 5 },
      { householdId: "h2", variantId: "millet", quantity: 4 },
      { householdId: "h3", variantId: "eggs", quantity: 0 },
    ]);
  });

  it("puts problems on the cells of the entries they name", () => {
    const entries = [
      { householdId: "h2", variantId: "eggs", quantity: 5 },
      { householdId: "h3", variantId: "millet", quantity: 20000 },
    ];
    const byCell = problemsByCell(entries, [
      { field: "entries.1.quantity", message: "too many" },
      { field: "entries[0].householdId", message: "not a member" },
      { field: "orderCycleId", message: "closed" },
    ]);
    expect(byCell.get(cellKey("h3", "millet"))).toEqual(["too many"]);
    expect(byCell.get(cellKey("h2", "eggs"))).toEqual(["not a member"]);
    expect(byCell.get("")).toEqual(["closed"]);
  });

  it("totals each column as typed", () => {
    const typed = new Map([
      [cellKey("h1", "eggs"), "10"],
      [cellKey("h2", "eggs"), "5"],
      [cellKey("h3", "eggs"), "x"],
      [cellKey("h1", "millet"), "2"],
    ]);
    // eggs 10 + 5 + 0 (not a number) = 15; millet 2
    expect(columnTotals(H, V, typed)).toEqual(
      new Map([
        ["eggs", 15],
        ["millet", 2],
      ]),
    );
  });
});
