import { atShanghaiTime } from "./calendar";
import type { OrderCycleRecord } from "./cycles";
import type { MarketContext } from "./market-context";
import type { DemoRandom } from "./random";
import { entryOf } from "./trade-supply";
import type {
  OfferRecord,
  OrderLineRecord,
  OrderRecord,
  PaymentMethod,
  PaymentRecord,
} from "./trade-types";

/** Orders of one cycle with their lines and payments. */
export interface PlacedOrders {
  orders: OrderRecord[];
  lines: OrderLineRecord[];
  payments: PaymentRecord[];
}

/**
 * Share of joined consumer households that order in a cycle: 11% in a group's first year,
 * rising 1.6 points a year to at most 23% (not everyone orders every month).
 */
export function orderingShare(ctx: MarketContext, year: number): number {
  return Math.min(0.23, 0.11 + 0.016 * Math.max(0, year - ctx.firstYear));
}

/** How consumers paid in a year: cash and bank before WeChat Pay spread (2014), WeChat after. */
export function paymentMethod(year: number, random: DemoRandom): PaymentMethod {
  const x = random.float();
  if (year <= 2013) return x < 0.6 ? "CASH" : "BANK_TRANSFER";
  if (year <= 2015) return x < 0.5 ? "WECHAT_PAY" : x < 0.8 ? "CASH" : "BANK_TRANSFER";
  return x < 0.85 ? "WECHAT_PAY" : x < 0.92 ? "CASH" : "BANK_TRANSFER";
}

function paymentReference(method: PaymentMethod, random: DemoRandom): string | null {
  if (method === "CASH") return null;
  const digits = Array.from({ length: 4 }, () => String(random.int(0, 9999)).padStart(4, "0")).join(
    "",
  );
  return method === "WECHAT_PAY" ? `WX${digits}` : `BK${digits.slice(0, 12)}`;
}

/**
 * Orders placed between the cycle's opening and `until`: each joined consumer household orders
 * with the year's ordering share (times `share`), choosing 1–3 offers by popularity; a line only
 * takes what the offer still has, so `quantityReserved` never exceeds `quantityOffered`.
 * `past` orders are paid and picked up (a few no-shows); open-cycle orders are PLACED.
 */
export function placeOrders(
  ctx: MarketContext,
  cycle: OrderCycleRecord,
  offers: readonly OfferRecord[],
  until: Date,
  share: number,
  past: boolean,
  random: DemoRandom,
): PlacedOrders {
  const placed: PlacedOrders = { orders: [], lines: [], payments: [] };
  if (offers.length === 0) return placed;
  const year = Number(cycle.code.slice(0, 4));
  const p = orderingShare(ctx, year) * share;
  const from = cycle.opensAt.getTime();
  const span = until.getTime() - from;
  const buyers = ctx.consumers
    .filter((c) => c.joinedAt.getTime() < until.getTime() && random.chance(p))
    .map((c) => ({ consumer: c, at: new Date(from + Math.floor(random.float() * span)) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());

  for (const { consumer, at } of buyers) {
    const wanted = 1 + (random.chance(0.3) ? 1 : 0) + (random.chance(0.08) ? 1 : 0);
    const available = offers.filter((o) => o.quantityReserved < o.quantityOffered);
    const picks: OfferRecord[] = [];
    while (picks.length < wanted && picks.length < available.length) {
      const rest = available.filter((o) => !picks.includes(o));
      picks.push(random.weighted(rest, (o) => entryOf(ctx, o.variantId).spec.popularity));
    }
    const orderId = random.uuid();
    const lines: OrderLineRecord[] = [];
    for (const offer of picks) {
      const entry = entryOf(ctx, offer.variantId);
      const quantity = Math.min(
        random.int(entry.spec.orderQuantity[0], entry.spec.orderQuantity[1]),
        offer.quantityOffered - offer.quantityReserved,
      );
      if (quantity <= 0) continue;
      offer.quantityReserved += quantity;
      lines.push({
        id: random.uuid(),
        producerGroupId: ctx.group.id,
        orderId,
        offerId: offer.id,
        variantId: offer.variantId,
        productNameZh: entry.product.nameZh,
        productNameEn: entry.product.nameEn,
        variantNameZh: entry.variant.nameZh,
        variantNameEn: entry.variant.nameEn,
        unitPriceFen: offer.consumerPriceFen,
        quantity,
        quantityDelivered: past ? quantity : 0,
        lineTotalFen: quantity * offer.consumerPriceFen,
      });
    }
    if (lines.length === 0) continue;
    const totalFen = lines.reduce((sum, l) => sum + l.lineTotalFen, 0);
    const method = paymentMethod(year, random);
    const paidNow = method === "WECHAT_PAY" || (past && method === "BANK_TRANSFER");
    const noShow = past && random.chance(0.03);
    const order: OrderRecord = {
      id: orderId,
      producerGroupId: ctx.group.id,
      orderCycleId: cycle.id,
      consumerHouseholdId: consumer.id,
      pickupPointId: consumer.pickupPointId,
      placedByUserId: consumer.userId,
      idempotencyKey: `seed-${orderId}`,
      code: `${cycle.code}-${ctx.key}-${String(placed.orders.length + 1).padStart(4, "0")}`,
      state: past ? (noShow ? "NO_SHOW" : "PICKED_UP") : "PLACED",
      paymentState: past || paidNow ? "PAID" : "UNPAID",
      totalFen,
      refundedFen: 0,
      placedAt: at,
      pickedUpAt:
        past && !noShow
          ? atShanghaiTime(cycle.deliveryDate, random.int(15, 19), random.int(0, 59))
          : null,
    };
    placed.orders.push(order);
    placed.lines.push(...lines);
    if (past || paidNow) {
      placed.payments.push({
        id: random.uuid(),
        producerGroupId: ctx.group.id,
        orderId,
        method,
        amountFen: totalFen,
        paidAt:
          method === "CASH"
            ? atShanghaiTime(cycle.deliveryDate, 16, random.int(0, 59))
            : new Date(at.getTime() + random.int(1, 30) * 60_000),
        reference: paymentReference(method, random),
        recordedByUserId: method === "WECHAT_PAY" ? consumer.userId : ctx.fieldWorkerUserId,
      });
    }
  }
  return placed;
}
