import { orderCycleMachine, orderMachine, type OrderState } from "@nested/domain";
import {
  InvalidInputError,
  InvalidTransitionError,
  NotFoundError,
} from "../../graphql/error-result";
import { isUuid } from "../../graphql/ids";
import { inRefusableTransaction, refuse } from "../../graphql/refusal";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import type { OrderCycle } from "../cycle/order-cycle.entity";
import { managesGroup } from "../household/household.service";
import { Order } from "../order/order.entity";

/**
 * The PACKED effect of an order cycle (run by the cycle transition, in its transaction).
 * Refused with an InvalidTransitionError (the cycle's union answers it) whose message lists every
 * lot still ALLOCATED — household code and variant — until all have a quality check; the intake
 * screen lists the same lots with `lots(orderCycleId, state: ALLOCATED)`. Then lots ACCEPTED or PARTIAL → PACKED (REJECTED lots stay REJECTED);
 * ALLOCATED orders with at least one accepted unit → READY, and those whose every line came to
 * 0 units → CANCELLED. The payment state is left as it is: a paid order cancelled here keeps
 * PAID, and its refunds are the Adjustments written at the quality checks.
 */
export async function packOrderCycle(ctx: RequestContext, cycle: OrderCycle): Promise<void> {
  const unchecked = (await ctx.manager.query(
    `SELECT l.id, h.code, v.name_zh, v.name_en
       FROM lots l JOIN households h ON h.id = l.household_id JOIN variants v ON v.id = l.variant_id
      WHERE l.order_cycle_id = $1 AND l.state = 'ALLOCATED'
      ORDER BY h.code, v.name_zh, l.id`,
    [cycle.id],
  )) as { id: string; code: string; name_zh: string; name_en: string }[];
  if (unchecked.length > 0) {
    const t = translatorFor(ctx.locale);
    const names = unchecked.map(
      (row) => `${row.code} ${ctx.locale === "en" ? row.name_en : row.name_zh}`,
    );
    refuse(
      new InvalidTransitionError(
        t("intake.lotsUnchecked", { count: names.length, lots: names.join(", ") }),
        cycle.state,
        "PACKED",
        orderCycleMachine.nextStates(cycle.state),
      ),
    );
  }
  await ctx.manager.query(
    `UPDATE lots SET state = 'PACKED', updated_at = now()
      WHERE order_cycle_id = $1 AND state IN ('ACCEPTED', 'PARTIAL')`,
    [cycle.id],
  );
  await ctx.manager.query(
    `UPDATE orders o
        SET state = CASE WHEN EXISTS (SELECT 1 FROM order_lines l
                                       WHERE l.order_id = o.id AND l.quantity_accepted > 0)
                         THEN 'READY' ELSE 'CANCELLED' END,
            updated_at = now()
      WHERE o.order_cycle_id = $1 AND o.state = 'ALLOCATED'`,
    [cycle.id],
  );
}

/** The DELIVERED effect of an order cycle: its READY orders → DELIVERED (at the pickup points). */
export async function deliverOrderCycle(ctx: RequestContext, cycle: OrderCycle): Promise<void> {
  await ctx.manager.query(
    `UPDATE orders SET state = 'DELIVERED', updated_at = now()
      WHERE order_cycle_id = $1 AND state = 'READY'`,
    [cycle.id],
  );
}

type PickupRefusal = InvalidInputError | NotFoundError | InvalidTransitionError;

/**
 * The most orders one pickup or no-show call may mark: the largest pickup point of the demo serves
 * under 100 orders a cycle, so 500 covers any real list while bounding one transaction's locks.
 */
export const MAX_ORDERS_MARKED = 500;

/**
 * Moves orders from DELIVERED to `to` (PICKED_UP or NO_SHOW), all or none, locking them first.
 * NotFoundError names the first id that is unknown or outside the caller's producer groups;
 * InvalidTransitionError the first order not DELIVERED (with its allowed next states).
 */
async function markOrders(
  ctx: RequestContext,
  orderIds: readonly string[],
  to: Extract<OrderState, "PICKED_UP" | "NO_SHOW">,
): Promise<Order[] | PickupRefusal> {
  const t = translatorFor(ctx.locale);
  const ids = [...new Set(orderIds)];
  if (ids.length === 0)
    return new InvalidInputError(t("intake.inputRefused"), [
      { field: "orderIds", message: t("intake.noOrders") },
    ]);
  if (ids.length > MAX_ORDERS_MARKED)
    return new InvalidInputError(t("intake.inputRefused"), [
      { field: "orderIds", message: t("intake.tooManyOrders", { max: MAX_ORDERS_MARKED }) },
    ]);
  const malformed = ids.find((id) => !isUuid(id));
  if (malformed) return new NotFoundError(t("intake.orderNotFound", { orderId: malformed }));
  return inRefusableTransaction<Order[] | PickupRefusal>(ctx, async (tx) => {
    const repo = tx.manager.getRepository(Order);
    const orders = await repo
      .createQueryBuilder("o")
      .where("o.id = ANY(:ids)", { ids })
      .orderBy("o.id")
      .setLock("pessimistic_write")
      .getMany();
    const found = new Map(
      orders.filter((o) => managesGroup(tx, o.producerGroupId)).map((o) => [o.id, o]),
    );
    const missing = ids.find((id) => !found.has(id));
    if (missing) return new NotFoundError(t("intake.orderNotFound", { orderId: missing }));
    for (const order of found.values()) {
      const check = orderMachine.checkTransition(order.state, to);
      if (!check.ok)
        return new InvalidTransitionError(
          t("intake.orderWrongState", { orderId: order.id, from: order.state, to }),
          order.state,
          to,
          check.allowed,
        );
    }
    await repo
      .createQueryBuilder()
      .update()
      .set({ state: to })
      .where("id = ANY(:ids)", { ids })
      .execute();
    return repo
      .createQueryBuilder("o")
      .where("o.id = ANY(:ids)", { ids })
      .orderBy("o.id")
      .getMany();
  });
}

/** Marks DELIVERED orders as picked up (permission `intake:record`); all or none. */
export function markOrdersPickedUp(
  ctx: RequestContext,
  orderIds: readonly string[],
): Promise<Order[] | PickupRefusal> {
  return markOrders(ctx, orderIds, "PICKED_UP");
}

/** Marks one DELIVERED order as not collected (NO_SHOW; permission `intake:record`). */
export async function markOrderNoShow(
  ctx: RequestContext,
  orderId: string,
): Promise<Order | PickupRefusal> {
  const result = await markOrders(ctx, [orderId], "NO_SHOW");
  return Array.isArray(result) ? result[0]! : result;
}
