import { orderCycleMachine, type OrderCycleState } from "@nested/domain";
import {
  type ErrorResult,
  InvalidTransitionError,
  NotFoundError,
} from "../../graphql/error-result";
import { inRefusableTransaction, refuse } from "../../graphql/refusal";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { recordChange } from "../audit/audit.service";
import { findManagedCycle } from "./cycle-scope";
import { OrderCycle } from "./order-cycle.entity";
import { CYCLE_ENTER_EFFECTS } from "./transition-effects";

/**
 * Moves a cycle the caller manages to state `to`, in one transaction:
 * 1. locks the cycle row `FOR UPDATE` (a second transition of the same cycle waits, then sees
 *    the new state; orders being placed hold the row `FOR SHARE`, so closing waits for them);
 * 2. checks `orderCycleMachine`: a refused move answers InvalidTransitionError whose `allowed`
 *    lists the states the cycle may move to now, and changes nothing;
 * 3. runs `CYCLE_ENTER_EFFECTS[to]` (see transition-effects.ts; an effect may refuse, which rolls
 *    back everything and answers its ErrorResult);
 * 4. sets the state and writes `orderCycle.transition` to the audit log (entity `OrderCycle`).
 *
 * @returns the moved cycle, NotFoundError (unknown or another group's), InvalidTransitionError,
 *   or whatever ErrorResult an effect refused with.
 */
export async function transitionCycle(
  ctx: RequestContext,
  id: string,
  to: OrderCycleState,
): Promise<OrderCycle | ErrorResult> {
  const t = translatorFor(ctx.locale);
  return inRefusableTransaction<OrderCycle | ErrorResult>(ctx, async (tx) => {
    const cycle = await findManagedCycle(tx, id, "update");
    if (!cycle) return new NotFoundError(t("cycle.notFound"));
    const check = orderCycleMachine.checkTransition(cycle.state, to);
    if (!check.ok) {
      const allowed = check.allowed.length ? check.allowed.join(", ") : "—";
      refuse(
        new InvalidTransitionError(
          t("cycle.invalidTransition", { from: cycle.state, to, allowed }),
          cycle.state,
          to,
          check.allowed,
        ),
      );
    }
    const effect = CYCLE_ENTER_EFFECTS[to];
    if (effect) await effect(tx, cycle);
    await tx.manager.getRepository(OrderCycle).update({ id }, { state: to });
    await recordChange(tx, {
      action: "orderCycle.transition",
      entityType: "OrderCycle",
      entityId: id,
      before: { state: cycle.state },
      after: { state: to },
    });
    return (await tx.manager.getRepository(OrderCycle).findOneBy({ id }))!;
  });
}
