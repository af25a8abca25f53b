import { DomainError } from "../errors/domain-error.js";

/**
 * Why a weight was refused.
 *
 * - `UNIT_NOT_A_NUMBER`: not a finite number (NaN, ±Infinity, not a number), or grams that are not
 *   a whole number.
 * - `UNIT_NEGATIVE`: below zero.
 * - `UNIT_NOT_WHOLE_GRAMS`: a weight in jin that is not a whole number of grams (e.g. 0.001 jin).
 * - `UNIT_TOO_LARGE`: more grams than `Number.MAX_SAFE_INTEGER`.
 */
export type UnitErrorCode =
  "UNIT_NOT_A_NUMBER" | "UNIT_NEGATIVE" | "UNIT_NOT_WHOLE_GRAMS" | "UNIT_TOO_LARGE";

/** A weight that the unit functions refuse; see {@link UnitErrorCode}. */
export class UnitError extends DomainError<UnitErrorCode> {
  /**
   * @param code - why the weight was refused.
   * @param message - English explanation naming the input.
   */
  constructor(code: UnitErrorCode, message: string) {
    super(code, message);
    this.name = "UnitError";
  }
}
