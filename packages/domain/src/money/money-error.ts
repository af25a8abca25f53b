import { DomainError } from "../errors/domain-error.js";

/**
 * Why an amount of money was refused.
 *
 * - `MONEY_EMPTY`: the text was empty or only whitespace.
 * - `MONEY_NOT_A_NUMBER`: the text is not a plain decimal amount (letters, exponent, stray signs…).
 * - `MONEY_TOO_MANY_DECIMALS`: more than 2 decimal places; the fen (0.01 yuan) is the smallest unit.
 * - `MONEY_NEGATIVE`: a negative amount where none is allowed.
 * - `MONEY_TOO_LARGE`: more than `Number.MAX_SAFE_INTEGER` fen, or a result that would be.
 * - `MONEY_NOT_AN_INTEGER`: a number of fen (or a quantity) that is not a safe integer.
 * - `MONEY_INVALID_WEIGHTS`: weights for a split that are missing, negative, fractional or all zero.
 */
export type MoneyErrorCode =
  | "MONEY_EMPTY"
  | "MONEY_NOT_A_NUMBER"
  | "MONEY_TOO_MANY_DECIMALS"
  | "MONEY_NEGATIVE"
  | "MONEY_TOO_LARGE"
  | "MONEY_NOT_AN_INTEGER"
  | "MONEY_INVALID_WEIGHTS";

/** An amount of money (text or fen) that the money functions refuse; see {@link MoneyErrorCode}. */
export class MoneyError extends DomainError<MoneyErrorCode> {
  /**
   * @param code - why the amount was refused.
   * @param message - English explanation naming the input.
   */
  constructor(code: MoneyErrorCode, message: string) {
    super(code, message);
    this.name = "MoneyError";
  }
}
