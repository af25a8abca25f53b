import { DomainError } from "../errors/domain-error.js";

/**
 * Why a poverty-line question could not be answered.
 *
 * - `NO_POVERTY_LINE_FOR_YEAR`: the reference data has no line for that year (before 2010, after
 *   2020, or not a whole year). The answer is never guessed or extrapolated.
 * - `POVERTY_INVALID_INCOME`: the per-capita net income is not a finite number.
 */
export type PovertyLineErrorCode = "NO_POVERTY_LINE_FOR_YEAR" | "POVERTY_INVALID_INCOME";

/** A poverty-line lookup that cannot be answered; see {@link PovertyLineErrorCode}. */
export class PovertyLineError extends DomainError<PovertyLineErrorCode> {
  /**
   * @param code - why the lookup failed.
   * @param message - English explanation naming the year or income.
   */
  constructor(code: PovertyLineErrorCode, message: string) {
    super(code, message);
    this.name = "PovertyLineError";
  }
}
