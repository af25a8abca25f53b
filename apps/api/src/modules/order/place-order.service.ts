import { multiplyFen, sumFen } from "@nested/domain";
import type { TFunction } from "i18next";
import { AuthorizationError } from "type-graphql";
import { NotFoundError } from "../../graphql/error-result";
import type { RequestContext } from "../../graphql/request-context";
import { type Locale, translatorFor } from "../../i18n/translate";
import { offerDisplayName } from "./offer-name";
import { PickupPoint } from "../consumer/pickup-point.entity";
import { Order } from "./order.entity";
import { OrderLine } from "./order-line.entity";
import { checkIdempotencyKey, isUuid, mergeLines, type WantedLine } from "./order-input";
import {
  CycleNotOpenError,
  InsufficientStockError,
  InvalidQuantityError,
  type OrderRefusal,
  PickupPointNotServedError,
} from "./order-results.types";
import {
  cycleStillOpen,
  type LockedCycle,
  lockCycle,
  type OfferForOrder,
  offersForOrder,
  reserveStock,
} from "./order-stock";
import {
  type Consumer,
  consumerOf,
  inOrderTransaction,
  isUniqueViolation,
  refuse,
} from "./order-transaction";

const IDEMPOTENCY_INDEX = "uq_orders_consumer_household_id_idempotency_key";

/** What a consumer asks for when placing an order (the GraphQL input, already typed). */
export interface PlaceOrderRequest {
  orderCycleId: string;
  pickupPointId: string;
  lines: readonly WantedLine[];
  idempotencyKey: string;
}

/**
 * Places an order for the caller's consumer household, or answers why not; on any refusal
 * nothing is stored.
 *
 * In one transaction: the cycle row is locked FOR SHARE and must be OPEN by the database clock;
 * the cycle must be of the household's own producer group (else not found); the pickup point
 * must be the cycle's producer group's and in service; every offer must be of
 * the cycle; lines of one offer are merged and each must stay within the variant's per-order
 * maximum; stock is reserved by atomic conditional updates in ascending offer id order; lines
 * snapshot names and unit price, line total = unit price × quantity (`multiplyFen`), order total
 * = Σ line totals (`sumFen`); the clock is asked again just before commit.
 *
 * Idempotency: the same key from the same household returns the order first placed with it
 * (whatever the new input says). Two racing requests with one key meet at the unique index; the
 * loser's transaction is rolled back and it answers the winner's order.
 *
 * @throws AuthorizationError when the caller is signed in but not a consumer household.
 */
export async function placeOrder(
  ctx: RequestContext,
  request: PlaceOrderRequest,
): Promise<Order | OrderRefusal> {
  const t = translatorFor(ctx.locale);
  const consumer = await consumerOf(ctx);
  if (!consumer) throw new AuthorizationError(t("order.consumersOnly"));
  const { consumerHouseholdId } = consumer;

  const badKey = checkIdempotencyKey(request.idempotencyKey, t);
  if (badKey) return badKey;
  const earlier = await orderByKey(ctx, consumerHouseholdId, request.idempotencyKey);
  if (earlier) return earlier;

  const merged = mergeLines(request.lines, 1, t);
  if (!merged.ok) return merged.refusal;
  if (!isUuid(request.orderCycleId)) return new NotFoundError(t("order.cycleNotFound"));
  if (!isUuid(request.pickupPointId)) return new NotFoundError(t("order.pickupPointNotFound"));
  const unknownOffer = merged.lines.find((line) => !isUuid(line.offerId));
  if (unknownOffer)
    return new NotFoundError(t("order.offerNotFound", { offerId: unknownOffer.offerId }));

  try {
    return await inOrderTransaction(ctx, (tx) =>
      placeInTransaction(tx, t, consumer, request, merged.lines),
    );
  } catch (error) {
    if (!isUniqueViolation(error, IDEMPOTENCY_INDEX)) throw error;
    const winner = await orderByKey(ctx, consumerHouseholdId, request.idempotencyKey);
    if (!winner) throw error;
    return winner;
  }
}

async function placeInTransaction(
  tx: RequestContext,
  t: TFunction,
  { consumerHouseholdId, producerGroupId }: Consumer,
  request: PlaceOrderRequest,
  lines: WantedLine[],
): Promise<Order> {
  const cycle = await lockCycle(tx.manager, request.orderCycleId);
  // A household orders in its own market only; another group's cycle is simply not found.
  if (!cycle || cycle.producerGroupId !== producerGroupId) {
    refuse(new NotFoundError(t("order.cycleNotFound")));
  }
  if (!cycle.open) refuse(cycleNotOpen(t, cycle));

  await checkPickupPoint(tx, t, request.pickupPointId, cycle.producerGroupId);
  const offers = await offersForOrder(
    tx.manager,
    cycle.id,
    lines.map((l) => l.offerId),
  );
  const priced = lines.map((line) => priceLine(t, line, offers.get(line.offerId), tx.locale));

  // The order row first: a racing request with the same key waits here, before touching stock.
  const orders = tx.manager.getRepository(Order);
  const order = orders.create({
    producerGroupId: cycle.producerGroupId,
    orderCycleId: cycle.id,
    consumerHouseholdId,
    pickupPointId: request.pickupPointId,
    totalFen: sumFen(priced.map((p) => p.lineTotalFen)),
    idempotencyKey: request.idempotencyKey,
  });
  await orders.insert(order);

  for (const { line, offer } of priced) {
    const reserved = await reserveStock(tx.manager, line.offerId, line.quantity);
    if (!reserved.ok) refuse(insufficient(t, offer, reserved.available, tx.locale));
  }
  await tx.manager.getRepository(OrderLine).insert(
    priced.map(({ line, offer, lineTotalFen }) => ({
      producerGroupId: cycle.producerGroupId,
      orderId: order.id,
      offerId: offer.offerId,
      variantId: offer.variantId,
      productNameZh: offer.productNameZh,
      productNameEn: offer.productNameEn,
      variantNameZh: offer.variantNameZh,
      variantNameEn: offer.variantNameEn,
      unitPriceFen: offer.priceFen,
      quantity: line.quantity,
      lineTotalFen,
    })),
  );
  if (!(await cycleStillOpen(tx.manager, cycle.id))) refuse(cycleNotOpen(t, cycle));
  return order;
}

/**
 * A line with its offer and total, or a refusal (unknown offer, above the per-order maximum)
 * naming the offer in `locale` ({@link offerDisplayName}).
 */
export function priceLine(
  t: TFunction,
  line: WantedLine,
  offer: OfferForOrder | undefined,
  locale: Locale,
): { line: WantedLine; offer: OfferForOrder; lineTotalFen: number } {
  if (!offer) refuse(new NotFoundError(t("order.offerNotFound", { offerId: line.offerId })));
  if (line.quantity > offer.maxPerOrder) {
    const name = offerDisplayName(offer, locale);
    const message = t("order.quantityTooLarge", {
      name,
      max: offer.maxPerOrder,
      quantity: line.quantity,
    });
    refuse(new InvalidQuantityError(message, offer.offerId, line.quantity, offer.maxPerOrder));
  }
  return { line, offer, lineTotalFen: multiplyFen(offer.priceFen, line.quantity) };
}

async function checkPickupPoint(
  tx: RequestContext,
  t: TFunction,
  pickupPointId: string,
  producerGroupId: string,
): Promise<void> {
  const point = await tx.manager
    .getRepository(PickupPoint)
    .findOne({ where: { id: pickupPointId }, withDeleted: true });
  if (!point) refuse(new NotFoundError(t("order.pickupPointNotFound")));
  if (point.deletedAt || point.producerGroupId !== producerGroupId) {
    refuse(new PickupPointNotServedError(t("order.pickupPointNotServed")));
  }
}

/** The order a household placed with `idempotencyKey`, if any. */
function orderByKey(
  ctx: RequestContext,
  consumerHouseholdId: string,
  idempotencyKey: string,
): Promise<Order | null> {
  return ctx.dataSource.manager
    .getRepository(Order)
    .findOne({ where: { consumerHouseholdId, idempotencyKey } });
}

/** CycleNotOpenError naming the window in the market's zone (Asia/Shanghai). */
export function cycleNotOpen(
  t: TFunction,
  cycle: Pick<LockedCycle, "opensAt" | "closesAt">,
): CycleNotOpenError {
  return new CycleNotOpenError(
    t("order.cycleNotOpen", {
      opensAt: shanghaiMinute(cycle.opensAt),
      closesAt: shanghaiMinute(cycle.closesAt),
    }),
  );
}

/** InsufficientStockError for an offer with `available` units left, named in `locale`. */
export function insufficient(
  t: TFunction,
  offer: OfferForOrder,
  available: number,
  locale: Locale,
): InsufficientStockError {
  const name = offerDisplayName(offer, locale);
  return new InsufficientStockError(
    t("order.insufficientStock", { name, available }),
    offer.offerId,
    available,
  );
}

const SHANGHAI = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** `2011-04-01 00:00 (UTC+8)`: an instant as people in the market read it, whatever TZ we run in. */
function shanghaiMinute(instant: Date): string {
  return `${SHANGHAI.format(instant)} (UTC+8)`;
}
