import type { OrderCycleState } from "@nested/domain";
import type { RequestContext } from "../../graphql/request-context";
import { cancelCycle, closeCycle, enterOpen } from "./cycle-effects";
import { enterSettled, enterSettling } from "../settlement/settlement-effects";
import { allocateOrderCycle } from "../intake/allocation.service";
import { deliverOrderCycle, packOrderCycle } from "../intake/packing.service";
import type { OrderCycle } from "./order-cycle.entity";

/**
 * What happens in the database when an order cycle enters a state, run in the same transaction
 * as the state change (the cycle row is locked `FOR UPDATE` and already checked against the
 * state machine). An effect that cannot proceed calls `refuse(...)` from `graphql/refusal`, which
 * rolls back the change and everything the effect wrote, and answers the refusal. The refusal
 * must be a member of the `OrderCycleResult` union (cycle-admin.types.ts: NotFoundError,
 * InvalidInputError, InvalidTransitionError, InUseError); add a new ErrorResult there first.
 *
 * @param ctx request context whose `manager` is the transaction
 * @param cycle the cycle, still in its previous state (`cycle.state` is the state being left)
 */
export type CycleEnterEffect = (ctx: RequestContext, cycle: OrderCycle) => Promise<void>;

/**
 * The effect of entering each state, one line per state, each implemented in the module that
 * owns the rows it touches (cycle: declarations and offers; order: locking; intake: allocation,
 * lots, packing; settlement: calculation). States without an entry change only the cycle row.
 */
export const CYCLE_ENTER_EFFECTS: Partial<Record<OrderCycleState, CycleEnterEffect>> = {
  OPEN: enterOpen,
  CLOSED: closeCycle,
  CANCELLED: cancelCycle,
  SETTLING: enterSettling,
  SETTLED: enterSettled,
  ALLOCATED: allocateOrderCycle,
  PACKED: packOrderCycle,
  DELIVERED: deliverOrderCycle,
};
