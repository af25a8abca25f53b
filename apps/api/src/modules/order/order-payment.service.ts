import { paymentMachine, type OrderState, type PaymentState } from "@nested/domain";
import {
  InvalidInputError,
  InvalidTransitionError,
  NotFoundError,
} from "../../graphql/error-result";
import { isUuid } from "../../graphql/ids";
import type { Page } from "../../graphql/pagination";
import { inRefusableTransaction, refuse } from "../../graphql/refusal";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { actorOf, recordChange } from "../audit/audit.service";
import { managesGroup } from "../household/household.service";
import { type OrderDue, cycleOrderDues, orderDuesById } from "./order-dues";
import { Order } from "./order.entity";
import { Payment, type PaymentMethod } from "./payment.entity";

/** The largest single payment staff may record: ¥100,000.00. */
export const MAX_PAYMENT_FEN = 10_000_000;

/** An order as the admin side lists it, with its money worked out from the recorded rows. */
export interface AdminOrder {
  order: Order;
  due: OrderDue;
}

async function scopedOrder(ctx: RequestContext, orderId: string, lock: boolean) {
  if (!isUuid(orderId)) return null;
  const order = await ctx.manager.getRepository(Order).findOne({
    where: { id: orderId },
    ...(lock ? { lock: { mode: "pessimistic_write" as const } } : {}),
  });
  return order && managesGroup(ctx, order.producerGroupId) ? order : null;
}

/**
 * Records money received for an order (`payment:record`). Partial payments are allowed: the
 * order stays UNPAID until Σ payments ≥ what it owes (then PAID); on a BALANCE_DUE order the
 * payment that clears the balance makes it SETTLED; a PAID order that the consumer enlarged
 * while ordering was open takes the difference and stays PAID. A payment may never exceed what is still
 * owed (due − paid), so an order is never overpaid by a payment; overpayment only arises when
 * intake lowers what is due (then CREDIT_OWED at SETTLING). Refused (InvalidInputError, nothing
 * written): amount not a whole number of fen in 1…{@link MAX_PAYMENT_FEN}, more than still owed,
 * a reference over 100 characters, a `paidAt` still to come, or a payment with the same reference
 * (transfer or receipt number), amount and method as one already on this order — a form sent
 * twice records the money once (part payments differ in amount or reference). Unknown
 * order or one of another group → NotFoundError.
 */
export async function recordPayment(
  ctx: RequestContext,
  input: {
    orderId: string;
    amountFen: number;
    method: PaymentMethod;
    reference?: string | null;
    paidAt?: Date | null;
  },
): Promise<Payment | NotFoundError | InvalidInputError> {
  const t = translatorFor(ctx.locale);
  const problems = [];
  if (
    !Number.isSafeInteger(input.amountFen) ||
    input.amountFen <= 0 ||
    input.amountFen > MAX_PAYMENT_FEN
  )
    problems.push({
      field: "amountFen",
      message: t("payment.amountRange", { max: MAX_PAYMENT_FEN }),
    });
  const reference = input.reference?.trim() || null;
  if (reference && reference.length > 100)
    problems.push({ field: "reference", message: t("payment.referenceLength") });
  // A minute of grace for the clock of the device that typed it.
  if (input.paidAt && input.paidAt.getTime() > Date.now() + 60_000)
    problems.push({ field: "paidAt", message: t("payment.paidInFuture") });
  if (problems.length) return new InvalidInputError(t("payment.inputRefused"), problems);
  return inRefusableTransaction(ctx, async (tx) => {
    const order = await scopedOrder(tx, input.orderId, true);
    if (!order) return new NotFoundError(t("payment.orderNotFound"));
    // Money cannot arrive for an order before it was placed (a mistyped year, 1900 or 2106).
    if (input.paidAt && input.paidAt.getTime() < order.placedAt.getTime() - 60_000)
      refuse(
        new InvalidInputError(t("payment.inputRefused"), [
          { field: "paidAt", message: t("payment.paidBeforeOrder") },
        ]),
      );
    // The same reference (letter case and spaces aside), amount and method again on one order
    // is the same form sent twice; checked under the order's row lock, so two copies arriving
    // together cannot both pass.
    const [{ copies }] = (await tx.manager.query(
      `SELECT count(*)::int AS copies FROM payments
        WHERE order_id = $1 AND amount_fen = $2 AND method = $3
          AND upper(regexp_replace(reference, '\\s', '', 'g')) = upper(regexp_replace($4, '\\s', '', 'g'))`,
      [order.id, input.amountFen, input.method, reference ?? ""],
    )) as [{ copies: number }];
    if (reference && copies > 0)
      refuse(
        new InvalidInputError(t("payment.inputRefused"), [
          { field: "reference", message: t("payment.referenceRecorded", { reference }) },
        ]),
      );
    const due = (await orderDuesById(tx, [order.id])).get(order.id)!;
    const owed = due.dueFen - due.paidFen;
    // PAID too: a paid order the consumer enlarged (changeOrder) owes the difference now.
    const open: PaymentState[] = ["UNPAID", "BALANCE_DUE", "PAID"];
    if (!open.includes(order.paymentState) || input.amountFen > owed) {
      refuse(
        new InvalidInputError(t("payment.inputRefused"), [
          { field: "amountFen", message: t("payment.moreThanOwed", { owed: Math.max(0, owed) }) },
        ]),
      );
    }
    const payment = await tx.manager.getRepository(Payment).save({
      producerGroupId: order.producerGroupId,
      orderId: order.id,
      amountFen: input.amountFen,
      method: input.method,
      reference,
      paidAt: input.paidAt ?? new Date(),
      recordedByUserId: actorOf(tx)!,
    });
    if (input.amountFen === owed && order.paymentState !== "PAID") {
      const to: PaymentState = order.paymentState === "UNPAID" ? "PAID" : "SETTLED";
      await tx.manager.getRepository(Order).update({ id: order.id }, { paymentState: to });
    }
    return payment;
  });
}

/**
 * Records that the credit owed on an order was paid back (`payment:record`): CREDIT_OWED →
 * REFUNDED. The amount is what was owed (Σ paid − due); method and reference go to the audit log
 * (`order.refund`). Another payment state → InvalidTransitionError listing the allowed states.
 */
export async function recordRefund(
  ctx: RequestContext,
  orderId: string,
  method: PaymentMethod,
  reference: string | null,
): Promise<AdminOrder | NotFoundError | InvalidTransitionError | InvalidInputError> {
  const t = translatorFor(ctx.locale);
  const ref = reference?.trim() || null;
  if (ref && ref.length > 100)
    return new InvalidInputError(t("payment.inputRefused"), [
      { field: "reference", message: t("payment.referenceLength") },
    ]);
  return inRefusableTransaction(ctx, async (tx) => {
    const order = await scopedOrder(tx, orderId, true);
    if (!order) return new NotFoundError(t("payment.orderNotFound"));
    const check = paymentMachine.checkTransition(order.paymentState, "REFUNDED");
    if (!check.ok) return paymentTransitionError(t, check.from, check.to, check.allowed);
    const due = (await orderDuesById(tx, [order.id])).get(order.id)!;
    await tx.manager.getRepository(Order).update({ id: order.id }, { paymentState: "REFUNDED" });
    due.paymentState = "REFUNDED";
    const after = (await tx.manager.getRepository(Order).findOneBy({ id: order.id }))!;
    await recordChange(tx, {
      action: "order.refund",
      entityType: "Order",
      entityId: order.id,
      before: { paymentState: order.paymentState },
      after: {
        paymentState: "REFUNDED",
        refundFen: due.paidFen - due.dueFen,
        method,
        reference: ref,
      },
    });
    return { order: after, due };
  });
}

function paymentTransitionError(
  t: ReturnType<typeof translatorFor>,
  from: PaymentState,
  to: PaymentState,
  allowed: readonly PaymentState[],
): InvalidTransitionError {
  return new InvalidTransitionError(
    t("payment.invalidTransition", { from, to, allowed: allowed.join(", ") || "—" }),
    from,
    to,
    allowed,
  );
}

/** One order with its payments (oldest first) and money, or NotFoundError outside the caller's groups. */
export async function orderPayments(
  ctx: RequestContext,
  orderId: string,
): Promise<{ order: AdminOrder; payments: Payment[] } | NotFoundError> {
  const order = await scopedOrder(ctx, orderId, false);
  if (!order) return new NotFoundError(translatorFor(ctx.locale)("payment.orderNotFound"));
  const payments = await ctx.manager
    .getRepository(Payment)
    .find({ where: { orderId: order.id }, order: { paidAt: "ASC", id: "ASC" } });
  const due = (await orderDuesById(ctx, [order.id])).get(order.id)!;
  return { order: { order, due }, payments };
}

/**
 * A page of a cycle's orders for staff (`payment:record`), optionally by payment state and
 * fulfilment state, oldest placed first (ties by id). A cycle outside the caller's groups gives
 * an empty page.
 */
export async function listCycleOrders(
  ctx: RequestContext,
  query: {
    orderCycleId: string;
    paymentState?: PaymentState | null;
    state?: OrderState | null;
    skip: number;
    take: number;
  },
): Promise<Page<AdminOrder>> {
  if (!isUuid(query.orderCycleId)) return { items: [], totalItems: 0 };
  const qb = ctx.manager
    .getRepository(Order)
    .createQueryBuilder("o")
    .where("o.order_cycle_id = :cycle", { cycle: query.orderCycleId });
  if (ctx.principal.kind !== "user" || ctx.principal.role !== "ADMIN")
    qb.andWhere("o.producer_group_id = ANY(:groups)", {
      groups: ctx.principal.kind === "anonymous" ? [] : [...ctx.principal.producerGroupIds],
    });
  if (query.paymentState) qb.andWhere("o.payment_state = :ps", { ps: query.paymentState });
  if (query.state) qb.andWhere("o.state = :st", { st: query.state });
  const [orders, totalItems] = await qb
    .orderBy("o.placed_at", "ASC")
    .addOrderBy("o.id", "ASC")
    .skip(query.skip)
    .take(query.take)
    .getManyAndCount();
  const dues = await orderDuesById(
    ctx,
    orders.map((o) => o.id),
  );
  return { items: orders.map((order) => ({ order, due: dues.get(order.id)! })), totalItems };
}

/**
 * The payment state each order of a cycle takes once intake has fixed what it owes (run when
 * the cycle enters SETTLING): an UNPAID order paid in full becomes PAID first; then a PAID order
 * becomes CREDIT_OWED when paid > due (shortfall refunds, cancelled after payment), SETTLED when
 * paid = due, BALANCE_DUE when paid < due. Orders in other states are left alone (an UNPAID
 * order with a part payment stays UNPAID; its balance shows in the reconciliation).
 */
export function paymentStateAtSettling(due: OrderDue): PaymentState {
  let state = due.paymentState;
  if (state === "UNPAID" && due.paidFen > 0 && due.paidFen >= due.dueFen) state = "PAID";
  if (state !== "PAID") return state;
  if (due.paidFen > due.dueFen) return "CREDIT_OWED";
  return due.paidFen === due.dueFen ? "SETTLED" : "BALANCE_DUE";
}

/** Applies {@link paymentStateAtSettling} to every order of a cycle, in the caller's transaction. */
export async function settleCyclePaymentStates(
  ctx: RequestContext,
  orderCycleId: string,
): Promise<void> {
  for (const due of await cycleOrderDues(ctx, orderCycleId)) {
    const next = paymentStateAtSettling(due);
    if (next !== due.paymentState)
      await ctx.manager.getRepository(Order).update({ id: due.orderId }, { paymentState: next });
  }
}
