import { bigIntToFen } from "./fen.js";
import { MoneyError } from "./money-error.js";

/** Options of {@link parseYuanToFen}. */
export interface ParseYuanOptions {
  /** Accept a leading minus sign (refunds, adjustments). Default `false`. */
  readonly allowNegative?: boolean;
}

/**
 * Full-width forms typed by Chinese input methods, mapped to their ASCII equivalents:
 * digits ０–９, full stop ．, comma ，, hyphen-minus －; and U+2212 minus sign.
 */
function toAscii(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\uFF0E/g, ".")
    .replace(/\uFF0C/g, ",")
    .replace(/[\uFF0D\u2212]/g, "-");
}

/**
 * sign, currency sign (¥ U+00A5 or full-width ￥ U+FFE5) and spaces after it, integer part
 * (plain digits, or digits grouped by commas in threes), optional fraction, optional 元.
 */
const AMOUNT = /^(-)?(?:[\u00A5\uFFE5]\s*)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(?:元)?$/;

/** Integer parts longer than this are certainly beyond `Number.MAX_SAFE_INTEGER` fen. */
const MAX_INTEGER_DIGITS = 16;

/**
 * Reads an amount of yuan typed by a person and returns it in integer fen, using only string and
 * integer arithmetic (no floating point, so "0.29" is 29 fen, never 28.999…).
 *
 * Accepted, after trimming whitespace at both ends:
 * - digits with an optional fraction of 1 or 2 digits: `"16"`, `"16.5"`, `"16.50"`, `"016.50"`;
 * - an optional currency sign `¥` or full-width `￥` in front (spaces after it allowed):
 *   `"¥16.50"`, `"￥ 16.50"`; an optional `元` at the end: `"16.5元"`;
 * - thousands separators only when correctly grouped in threes: `"1,234.50"`, `"1,234,567"`
 *   (but `"12,34"` is refused);
 * - full-width digits, full stop, comma and minus from Chinese input methods: `"１６．５０"`;
 * - with `allowNegative`, a leading minus before the currency sign: `"-3.20"`, `"-¥3.20"`
 *   (`"-0"` gives 0, never -0).
 *
 * Refused: a bare `"16."` or `".5"`, exponents (`"1e3"`), `"+16"`, `"NaN"`, `"Infinity"`, letters,
 * and internal spaces between digits.
 *
 * @param input - the text, in yuan.
 * @param opts - {@link ParseYuanOptions}.
 * @returns the amount in fen (a safe integer; ≥ 0 unless `allowNegative`).
 * @throws MoneyError with code `MONEY_EMPTY` (empty or blank text), `MONEY_NOT_A_NUMBER` (not of the
 *   form above, or not a string), `MONEY_TOO_MANY_DECIMALS` (e.g. `"16.505"`, also `"16.500"`:
 *   at most 2 decimal places), `MONEY_NEGATIVE` (a minus sign without `allowNegative`, even
 *   on zero), `MONEY_TOO_LARGE` (more than `Number.MAX_SAFE_INTEGER` fen). The message quotes
 *   the input.
 */
export function parseYuanToFen(input: string, opts: ParseYuanOptions = {}): number {
  if (typeof input !== "string") {
    throw new MoneyError(
      "MONEY_NOT_A_NUMBER",
      `Expected the amount as text, got ${typeof input} ${String(input)}.`,
    );
  }
  const quoted = JSON.stringify(input);
  const text = toAscii(input).trim();
  if (text === "") {
    throw new MoneyError("MONEY_EMPTY", `The amount ${quoted} is empty.`);
  }
  const match = AMOUNT.exec(text);
  if (match === null) {
    throw new MoneyError(
      "MONEY_NOT_A_NUMBER",
      `${quoted} is not an amount in yuan (expected e.g. "16", "16.50" or "¥16.50").`,
    );
  }
  const negative = match[1] !== undefined;
  const integerDigits = (match[2] ?? "").replace(/,/g, "");
  const fractionDigits = match[3] ?? "";
  if (fractionDigits.length > 2) {
    throw new MoneyError(
      "MONEY_TOO_MANY_DECIMALS",
      `${quoted} has ${fractionDigits.length} decimal places; at most 2 are allowed (1 fen = 0.01 yuan).`,
    );
  }
  if (negative && opts.allowNegative !== true) {
    throw new MoneyError(
      "MONEY_NEGATIVE",
      `${quoted} is negative; a negative amount is not allowed here.`,
    );
  }
  const significant = integerDigits.replace(/^0+(?=\d)/, "");
  if (significant.length > MAX_INTEGER_DIGITS) {
    throw new MoneyError(
      "MONEY_TOO_LARGE",
      `${quoted} is beyond the largest safe amount (${Number.MAX_SAFE_INTEGER} fen).`,
    );
  }
  const fen = BigInt(significant) * 100n + BigInt(fractionDigits.padEnd(2, "0"));
  const value = bigIntToFen(negative ? -fen : fen, quoted);
  return value === 0 ? 0 : value;
}
