import { graphql } from "../../gql/index.js";

// The order-cycle operations the cycle board, the collection point (intake, packing, pickups)
// and the settlements page share: one document each, so every page asks for and moves a cycle
// the same way. An ErrorResult answer carries `...RefusalFields` (lib/documents/refusal.ts).

/**
 * An order cycle as lists and pages show it: code, state, producer group, ordering window
 * (DateTimeISO) and delivery day (LocalDate, Asia/Shanghai).
 */
export const CycleFields = graphql(`
  fragment CycleFields on AdminOrderCycle {
    id
    producerGroupId
    code
    state
    opensAt
    closesAt
    deliveryOn
  }
`);

/**
 * One order cycle with the states it may move to now (`nextStates`); times are DateTimeISO,
 * `deliveryOn` / `declarationOpensOn` business days (LocalDate, Asia/Shanghai). Answers an
 * ErrorResult (NOT_FOUND, also for another group's cycle).
 */
export const CycleQuery = graphql(`
  query Cycle($id: ID!) {
    orderCycle(id: $id) {
      __typename
      ... on AdminOrderCycle {
        ...CycleFields
        declarationOpensOn
        nextStates
      }
      ...RefusalFields
    }
  }
`);

/**
 * Moves a cycle to state `to` (cycle:manage). Answers the cycle's new state and next states, or
 * a refusal: InvalidTransitionError (with `from`, `to` and the moves `allowed` now), an effect's
 * InvalidInputError, or another ErrorResult (e.g. unpaid settlements before SETTLED).
 */
export const TransitionCycleMutation = graphql(`
  mutation TransitionCycle($id: ID!, $to: OrderCycleState!) {
    transitionOrderCycle(id: $id, to: $to) {
      __typename
      ... on AdminOrderCycle {
        id
        state
        nextStates
      }
      ... on InvalidTransitionError {
        from
        to
        allowed
      }
      ...RefusalFields
    }
  }
`);
