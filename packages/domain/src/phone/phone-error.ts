import { DomainError } from "../errors/domain-error.js";

/**
 * Why a phone number was refused.
 *
 * - `PHONE_EMPTY`: empty, blank, or no digits at all.
 * - `PHONE_INVALID_CHARACTERS`: a character other than digits, a leading `+`, spaces, dashes,
 *   dots or parentheses (full-width forms included), or a `+` that is not at the start.
 * - `PHONE_NOT_MAINLAND_CHINA`: an international prefix (`+`, `00`) with a country code other
 *   than 86 (e.g. Hong Kong +852).
 * - `PHONE_MISSING_AREA_CODE`: a landline local number without its area code (e.g. `12345678`).
 * - `PHONE_WRONG_LENGTH`: too few or too many digits for a mobile or landline number.
 * - `PHONE_UNKNOWN_PREFIX`: a mobile prefix not in use for phones, an area code that does not
 *   exist, or a local number starting with 0.
 */
export type PhoneErrorCode =
  | "PHONE_EMPTY"
  | "PHONE_INVALID_CHARACTERS"
  | "PHONE_NOT_MAINLAND_CHINA"
  | "PHONE_MISSING_AREA_CODE"
  | "PHONE_WRONG_LENGTH"
  | "PHONE_UNKNOWN_PREFIX";

/** A phone number that {@link normalizeChinaPhone} refuses; see {@link PhoneErrorCode}. */
export class PhoneError extends DomainError<PhoneErrorCode> {
  /**
   * @param code - why the number was refused.
   * @param message - English explanation quoting the input.
   */
  constructor(code: PhoneErrorCode, message: string) {
    super(code, message);
    this.name = "PhoneError";
  }
}
