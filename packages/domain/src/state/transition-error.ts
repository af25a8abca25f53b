import { DomainError } from "../errors/domain-error.js";

/**
 * A refused state transition, carrying what would have been allowed so the caller can say so
 * (the API returns it as an "invalid transition" `ErrorResult`).
 *
 * Code: always `"INVALID_TRANSITION"`.
 */
export class TransitionError extends DomainError<"INVALID_TRANSITION"> {
  /** The entity whose state machine refused, e.g. `"order"`. */
  readonly entity: string;
  /** The current state. */
  readonly from: string;
  /** The requested state. */
  readonly to: string;
  /** The states `from` may move to (empty when `from` is final or unknown). */
  readonly allowed: readonly string[];

  /**
   * @param entity - the entity, e.g. `"order"`.
   * @param from - the current state.
   * @param to - the refused target state.
   * @param allowed - the states `from` may move to.
   */
  constructor(entity: string, from: string, to: string, allowed: readonly string[]) {
    const options = allowed.length === 0 ? `none (${from} is final)` : allowed.join(", ");
    super(
      "INVALID_TRANSITION",
      `Cannot move ${entity} from ${from} to ${to}; allowed next states: ${options}.`,
    );
    this.name = "TransitionError";
    this.entity = entity;
    this.from = from;
    this.to = to;
    this.allowed = Object.freeze([...allowed]);
  }
}
