import { orderCycleMachine } from "@nested/domain";
import { InvalidTransitionError } from "../../graphql/error-result";
import { refuse } from "../../graphql/refusal";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import type { OrderCycle } from "../cycle/order-cycle.entity";
import { settleCyclePaymentStates } from "../order/order-payment.service";
import { reconcileCycle } from "./reconciliation.service";
import { calculateCycleSettlements } from "./settlement-calculation.service";

/**
 * Entering SETTLING: every household with allocations gets its settlement calculated
 * ({@link calculateCycleSettlements}), and every order its payment state after intake
 * (paid > due → CREDIT_OWED, = → SETTLED, < → BALANCE_DUE; see `paymentStateAtSettling`).
 */
export async function enterSettling(ctx: RequestContext, cycle: OrderCycle): Promise<void> {
  await calculateCycleSettlements(ctx, cycle);
  await settleCyclePaymentStates(ctx, cycle.id);
}

/**
 * Entering SETTLED: refused (InvalidTransitionError whose message gives the counts; nothing
 * changes; the message names only the conditions that fail) unless every settlement of the cycle
 * — corrections booked in it included — is PAID, ACKNOWLEDGED or ADJUSTED after its payout (a
 * dispute closed without changing it), no order is still DELIVERED, and the reconciliation
 * difference is 0. Then the orders PICKED_UP or NO_SHOW are CLOSED.
 */
export async function enterSettled(ctx: RequestContext, cycle: OrderCycle): Promise<void> {
  const [{ unpaid, delivered }] = (await ctx.manager.query(
    `SELECT
       (SELECT COUNT(*) FROM settlements s WHERE s.order_cycle_id = $1
          AND s.state NOT IN ('PAID', 'ACKNOWLEDGED')
          AND NOT (s.state = 'ADJUSTED' AND s.paid_on IS NOT NULL))::int AS unpaid,
       (SELECT COUNT(*) FROM orders o WHERE o.order_cycle_id = $1 AND o.state = 'DELIVERED')::int AS delivered`,
    [cycle.id],
  )) as [{ unpaid: number; delivered: number }];
  const { differenceFen } = await reconcileCycle(ctx, cycle.id);
  if (unpaid > 0 || delivered > 0 || differenceFen !== 0) {
    const t = translatorFor(ctx.locale);
    // Only the conditions that fail are named ("1 settlement not paid…; 2 orders still DELIVERED").
    const reasons = [
      unpaid > 0 ? t("settlement.settleBlockers.unpaid", { count: unpaid }) : null,
      delivered > 0 ? t("settlement.settleBlockers.delivered", { count: delivered }) : null,
      differenceFen !== 0
        ? t("settlement.settleBlockers.difference", { difference: differenceFen })
        : null,
    ].filter((reason): reason is string => reason !== null);
    refuse(
      new InvalidTransitionError(
        t("settlement.cannotSettle", {
          reasons: reasons.join(t("settlement.settleBlockers.separator")),
        }),
        cycle.state,
        "SETTLED",
        orderCycleMachine.nextStates(cycle.state).filter((s) => s !== "SETTLED"),
      ),
    );
  }
  await ctx.manager.query(
    `UPDATE orders SET state = 'CLOSED', updated_at = now()
     WHERE order_cycle_id = $1 AND state IN ('PICKED_UP', 'NO_SHOW')`,
    [cycle.id],
  );
}
