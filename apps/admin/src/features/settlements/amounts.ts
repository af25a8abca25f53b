import { MoneyError, parseYuanToFen } from "@nested/domain";
import { shanghaiDay } from "../../lib/shanghai-time.js";

/** What a typed amount turned into: the integer, or the key of the problem (strings.ts `input.*`). */
export type Parsed = { ok: true; value: number } | { ok: false; problem: string };

/** The `input.*` string key of a MoneyError's code (empty, not a number, too many decimals…). */
function problemOf(error: unknown): Parsed {
  if (!(error instanceof MoneyError)) throw error;
  const keys: Record<string, string> = {
    MONEY_EMPTY: "input.empty",
    MONEY_TOO_MANY_DECIMALS: "input.tooManyDecimals",
    MONEY_NEGATIVE: "input.negative",
    MONEY_TOO_LARGE: "input.tooLarge",
  };
  return { ok: false, problem: keys[error.code] ?? "input.notANumber" };
}

/**
 * Yuan typed by a person ("0.10", "¥1.5", "１．５０") → integer fen, exactly (string arithmetic
 * of `parseYuanToFen`, never floating point). `allowNegative` for corrections that take money back.
 */
export function yuanToFen(text: string, allowNegative = false): Parsed {
  try {
    return { ok: true, value: parseYuanToFen(text, { allowNegative }) };
  } catch (error) {
    return problemOf(error);
  }
}

/**
 * A percentage typed by a person ("2.5", "3.33 %", "５％") → basis points (1 % = 100 bp), exactly:
 * at most two decimals, as a percentage of gross has the same shape as yuan with fen. A currency
 * sign or 元 is refused (it is not an amount).
 */
export function percentToBasisPoints(text: string): Parsed {
  const trimmed = text.trim().replace(/\s*[%％]$/, "");
  if (/[¥￥元]/.test(trimmed)) return { ok: false, problem: "input.notANumber" };
  try {
    return { ok: true, value: parseYuanToFen(trimmed) };
  } catch (error) {
    return problemOf(error);
  }
}

/** True when business day `day` ("YYYY-MM-DD") is after today in Shanghai: no payout then yet. */
export function isFutureDay(day: string, now: Date = new Date()): boolean {
  return day > shanghaiDay(now);
}
