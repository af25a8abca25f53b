/**
 * Base class of every error this package throws on purpose.
 *
 * Each error carries a machine-readable `code` (a string-literal union per module, e.g.
 * `"MONEY_TOO_MANY_DECIMALS"`) and an English `message` that names the offending input, so the
 * API can turn it into an `ErrorResult { errorCode message }` (DESIGN.md, "Expected failures are
 * data") without parsing messages.
 *
 * @typeParam C - the error codes of one module.
 */
export class DomainError<C extends string = string> extends Error {
  /** Machine-readable reason, stable across releases. */
  readonly code: C;

  /**
   * @param code - machine-readable reason.
   * @param message - English explanation naming the input that was refused.
   */
  constructor(code: C, message: string) {
    super(message);
    this.code = code;
    this.name = "DomainError";
  }
}
