import { assertIntegerFen } from "./fen.js";

/**
 * Formats an amount of fen for display in yuan with the currency sign and exactly two decimals,
 * without thousands separators (DESIGN.md, "Data conventions": display `¥16.00`):
 * `1650` → `"¥16.50"`, `0` → `"¥0.00"`, `123450` → `"¥1234.50"`, `-320` → `"-¥3.20"`.
 * Uses integer arithmetic only. The result parses back to the same fen with
 * `parseYuanToFen(text, { allowNegative: true })`.
 *
 * @param fen - amount in fen (a safe integer of either sign).
 * @returns the text, e.g. `"¥16.50"`.
 * @throws MoneyError `MONEY_NOT_AN_INTEGER` when `fen` is not a safe integer (e.g. 16.5 or NaN).
 */
export function formatFen(fen: number): string {
  assertIntegerFen(fen, "amount");
  const abs = Math.abs(fen);
  const cents = abs % 100;
  const yuan = (abs - cents) / 100;
  const sign = fen < 0 ? "-" : "";
  return `${sign}¥${yuan}.${String(cents).padStart(2, "0")}`;
}
