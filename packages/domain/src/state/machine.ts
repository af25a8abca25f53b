import { TransitionError } from "./transition-error.js";

/**
 * A transition table: for every state, the states it may move to directly.
 * A state with an empty list is final.
 *
 * @typeParam S - the state names (a string-literal union).
 */
export type TransitionTable<S extends string> = { readonly [K in S]: readonly S[] };

/**
 * The result of {@link StateMachine.checkTransition}: `{ ok: true }`, or the refusal with the
 * states that `from` may move to.
 */
export type TransitionCheck<S extends string> =
  | { readonly ok: true }
  | { readonly ok: false; readonly from: S; readonly to: S; readonly allowed: readonly S[] };

/**
 * A finite state machine over the states `S`, built by {@link defineStateMachine}.
 * All methods are pure; unknown states (e.g. unvalidated strings from a client) have no next
 * states.
 */
export interface StateMachine<S extends string> {
  /** The entity this machine governs, e.g. `"order"`; used in error messages. */
  readonly entity: string;
  /** Every state, in table order. */
  readonly states: readonly S[];
  /** The frozen transition table. */
  readonly table: TransitionTable<S>;
  /** Whether `value` is one of this machine's states. */
  isState(value: unknown): value is S;
  /** The states `state` may move to directly, in table order (empty when final or unknown). */
  nextStates(state: S): readonly S[];
  /** Whether `from` may move directly to `to`. Staying in the same state is not a transition. */
  canTransition(from: S, to: S): boolean;
  /** `{ ok: true }`, or `{ ok: false, from, to, allowed }` with the allowed next states of `from`. */
  checkTransition(from: S, to: S): TransitionCheck<S>;
  /**
   * Throws unless `from` may move to `to`.
   *
   * @throws TransitionError carrying `entity`, `from`, `to` and `allowed`.
   */
  assertTransition(from: S, to: S): void;
  /** Whether `state` has no next states (final). */
  isTerminal(state: S): boolean;
}

/** Options of {@link defineStateMachine}. */
export interface StateMachineOptions {
  /** The entity the machine governs, e.g. `"order cycle"`; used in error messages. */
  readonly entity: string;
}

/**
 * Builds a state machine from a transition table.
 *
 * @param table - for each state, the states it may move to; the keys are the machine's states
 *   (their order is kept).
 * @param options - {@link StateMachineOptions}.
 * @returns the machine (frozen).
 * @throws Error when the table is malformed: a target that is not a state, a state listed twice
 *   as a target, or a state that targets itself (a programming error, thrown at definition time).
 */
export function defineStateMachine<S extends string>(
  table: TransitionTable<S>,
  options: StateMachineOptions,
): StateMachine<S> {
  const states = Object.freeze(Object.keys(table) as S[]);
  const known = new Set<string>(states);
  const frozen = {} as { [K in S]: readonly S[] };
  for (const state of states) {
    const targets = table[state];
    const seen = new Set<string>();
    for (const target of targets) {
      if (!known.has(target)) {
        throw new Error(`${options.entity}: ${state} → ${target}: ${target} is not a state.`);
      }
      if (target === state) {
        throw new Error(`${options.entity}: ${state} may not target itself.`);
      }
      if (seen.has(target)) {
        throw new Error(`${options.entity}: ${state} lists ${target} twice.`);
      }
      seen.add(target);
    }
    frozen[state] = Object.freeze([...targets]);
  }
  const frozenTable: TransitionTable<S> = Object.freeze(frozen);

  const isState = (value: unknown): value is S => typeof value === "string" && known.has(value);
  const nextStates = (state: S): readonly S[] => (isState(state) ? frozenTable[state] : []);
  const canTransition = (from: S, to: S): boolean => nextStates(from).includes(to);

  return Object.freeze({
    entity: options.entity,
    states,
    table: frozenTable,
    isState,
    nextStates,
    canTransition,
    checkTransition(from: S, to: S): TransitionCheck<S> {
      return canTransition(from, to)
        ? { ok: true }
        : { ok: false, from, to, allowed: nextStates(from) };
    },
    assertTransition(from: S, to: S): void {
      if (!canTransition(from, to)) {
        throw new TransitionError(options.entity, from, to, nextStates(from));
      }
    },
    isTerminal: (state: S): boolean => nextStates(state).length === 0,
  });
}
