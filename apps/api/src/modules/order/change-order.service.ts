import { multiplyFen, orderMachine, sumFen } from "@nested/domain";
import type { TFunction } from "i18next";
import { AuthorizationError } from "type-graphql";
import { NotFoundError } from "../../graphql/error-result";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { Order } from "./order.entity";
import { OrderLine } from "./order-line.entity";
import { inputRefused, isUuid, mergeLines, type WantedLine } from "./order-input";
import { OrderNotEditableError, type OrderRefusal } from "./order-results.types";
import {
  cycleStillOpen,
  type LockedCycle,
  lockCycle,
  offersForOrder,
  releaseStock,
  reserveStock,
} from "./order-stock";
import { type Consumer, consumerOf, inOrderTransaction, refuse } from "./order-transaction";
import { cycleNotOpen, insufficient, priceLine } from "./place-order.service";

/**
 * Sets new quantities on lines of the caller's order while its cycle is OPEN (database clock) and
 * the order is PLACED. Each listed offer gets the quantity given (0 removes its line; an offer of
 * the cycle not yet in the order adds a line at today's price); unlisted lines stay. Existing
 * lines keep the unit price they were ordered at. Stock moves by the difference only: increases
 * are reserved by the atomic conditional update, decreases released, in ascending offer id order.
 *
 * @returns the changed order; NotFoundError for an unknown order id or one of another household
 *   (the same answer); CycleNotOpenError after close; OrderNotEditableError past PLACED;
 *   InvalidQuantityError, InsufficientStockError, or InvalidInputError when no line would be left.
 * @throws AuthorizationError when the caller is not a consumer household.
 */
export async function changeOrder(
  ctx: RequestContext,
  orderId: string,
  lines: readonly WantedLine[],
): Promise<Order | OrderRefusal> {
  const t = translatorFor(ctx.locale);
  const consumer = await consumerOf(ctx);
  if (!consumer) throw new AuthorizationError(t("order.consumersOnly"));
  const merged = mergeLines(lines, 0, t);
  if (!merged.ok) return merged.refusal;
  if (!isUuid(orderId)) return new NotFoundError(t("order.notFound"));
  const unknownOffer = merged.lines.find((line) => !isUuid(line.offerId));
  if (unknownOffer)
    return new NotFoundError(t("order.offerNotFound", { offerId: unknownOffer.offerId }));

  return inOrderTransaction(ctx, async (tx) => {
    const { order, cycle } = await lockEditableOrder(tx, t, consumer, orderId);
    const lineRepo = tx.manager.getRepository(OrderLine);
    const current = new Map(
      (await lineRepo.find({ where: { orderId } })).map((line) => [line.offerId, line]),
    );
    const offers = await offersForOrder(
      tx.manager,
      cycle.id,
      merged.lines.map((l) => l.offerId),
    );
    const remaining = new Set(current.keys());
    for (const wanted of merged.lines) {
      if (wanted.quantity === 0) remaining.delete(wanted.offerId);
      else remaining.add(wanted.offerId);
    }
    if (remaining.size === 0) refuse(inputRefused(t, "lines", t("order.noLinesLeft")));

    for (const wanted of merged.lines) {
      const existing = current.get(wanted.offerId);
      const offer = offers.get(wanted.offerId);
      if (wanted.quantity === 0 && existing) {
        await releaseStock(tx.manager, wanted.offerId, existing.quantity);
        await lineRepo.delete({ id: existing.id });
        current.delete(wanted.offerId);
        continue;
      }
      if (wanted.quantity === 0) continue; // removing a line that is not there changes nothing
      const priced = priceLine(t, wanted, offer, tx.locale);
      const delta = wanted.quantity - (existing?.quantity ?? 0);
      if (delta > 0) {
        const reserved = await reserveStock(tx.manager, wanted.offerId, delta);
        if (!reserved.ok) refuse(insufficient(t, priced.offer, reserved.available, tx.locale));
      } else if (delta < 0) {
        await releaseStock(tx.manager, wanted.offerId, -delta);
      }
      if (existing) {
        existing.quantity = wanted.quantity;
        existing.lineTotalFen = multiplyFen(existing.unitPriceFen, wanted.quantity);
        await lineRepo.update(
          { id: existing.id },
          { quantity: existing.quantity, lineTotalFen: existing.lineTotalFen },
        );
      } else {
        const line = lineRepo.create({
          producerGroupId: order.producerGroupId,
          orderId,
          offerId: priced.offer.offerId,
          variantId: priced.offer.variantId,
          productNameZh: priced.offer.productNameZh,
          productNameEn: priced.offer.productNameEn,
          variantNameZh: priced.offer.variantNameZh,
          variantNameEn: priced.offer.variantNameEn,
          unitPriceFen: priced.offer.priceFen,
          quantity: wanted.quantity,
          lineTotalFen: priced.lineTotalFen,
        });
        await lineRepo.insert(line);
        current.set(wanted.offerId, line);
      }
    }
    order.totalFen = sumFen([...current.values()].map((line) => line.lineTotalFen));
    await tx.manager.getRepository(Order).update({ id: orderId }, { totalFen: order.totalFen });
    if (!(await cycleStillOpen(tx.manager, cycle.id))) refuse(cycleNotOpen(t, cycle));
    return reload(tx, orderId);
  });
}

/**
 * Cancels the caller's order while its cycle is OPEN and the order PLACED (`orderMachine`:
 * PLACED → CANCELLED) and gives every reserved unit back to its offer. Lines are kept as history.
 *
 * @returns the cancelled order, or NotFoundError / CycleNotOpenError / OrderNotEditableError as
 *   for {@link changeOrder}.
 * @throws AuthorizationError when the caller is not a consumer household.
 */
export async function cancelOrder(
  ctx: RequestContext,
  orderId: string,
): Promise<Order | OrderRefusal> {
  const t = translatorFor(ctx.locale);
  const consumer = await consumerOf(ctx);
  if (!consumer) throw new AuthorizationError(t("order.consumersOnly"));
  if (!isUuid(orderId)) return new NotFoundError(t("order.notFound"));

  return inOrderTransaction(ctx, async (tx) => {
    const { order, cycle } = await lockEditableOrder(tx, t, consumer, orderId);
    orderMachine.assertTransition(order.state, "CANCELLED");
    const lines = await tx.manager.getRepository(OrderLine).find({
      where: { orderId },
      order: { offerId: "ASC" },
    });
    for (const line of lines) await releaseStock(tx.manager, line.offerId, line.quantity);
    await tx.manager.getRepository(Order).update({ id: orderId }, { state: "CANCELLED" });
    if (!(await cycleStillOpen(tx.manager, cycle.id))) refuse(cycleNotOpen(t, cycle));
    return reload(tx, orderId);
  });
}

/**
 * Locks the caller's order FOR UPDATE (then its cycle FOR SHARE, the same order placeOrder takes
 * them after) and checks that the consumer may still change it.
 */
async function lockEditableOrder(
  tx: RequestContext,
  t: TFunction,
  { consumerHouseholdId, producerGroupId }: Consumer,
  orderId: string,
): Promise<{ order: Order; cycle: LockedCycle }> {
  const order = await tx.manager.getRepository(Order).findOne({
    where: { id: orderId, producerGroupId, consumerHouseholdId },
    lock: { mode: "pessimistic_write" },
  });
  if (!order) refuse(new NotFoundError(t("order.notFound")));
  if (order.state !== "PLACED") {
    const state = order.state;
    refuse(new OrderNotEditableError(t("order.notEditable", { state }), state));
  }
  const cycle = await lockCycle(tx.manager, order.orderCycleId);
  if (!cycle) throw new Error(`order ${orderId} points at a missing cycle`);
  if (!cycle.open) refuse(cycleNotOpen(t, cycle));
  return { order, cycle };
}

function reload(tx: RequestContext, orderId: string): Promise<Order> {
  return tx.manager.getRepository(Order).findOneOrFail({ where: { id: orderId } });
}
