import type { OrderState } from "@nested/domain";
import DataLoader from "dataloader";
import { In } from "typeorm";
import { NotFoundError } from "../../graphql/error-result";
import { byKey, groupByKey } from "../../graphql/loader-registry";
import type { Page } from "../../graphql/pagination";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { PickupPoint } from "../consumer/pickup-point.entity";
import { OrderCycle } from "../cycle/order-cycle.entity";
import type { RejectionReason } from "../intake/quality-check.entity";
import { Adjustment } from "./adjustment.entity";
import { Order } from "./order.entity";
import { OrderLine } from "./order-line.entity";
import { isUuid } from "./order-input";
import { consumerOf } from "./order-transaction";
import { Payment } from "./payment.entity";

/** Which of the caller's orders to list, and which page. */
export interface MyOrdersQuery {
  skip: number;
  take: number;
  orderCycleId?: string | null;
  state?: OrderState | null;
}

/**
 * A page of the caller's own orders, newest first (placed_at, then id, descending: a unique
 * tie-breaker, so paging shows each order once). Empty for a caller who is not a consumer
 * household.
 */
export async function myOrders(ctx: RequestContext, query: MyOrdersQuery): Promise<Page<Order>> {
  const consumer = await consumerOf(ctx);
  if (!consumer) return { items: [], totalItems: 0 };
  if (query.orderCycleId && !isUuid(query.orderCycleId)) return { items: [], totalItems: 0 };
  const [items, totalItems] = await ctx.manager.getRepository(Order).findAndCount({
    where: {
      producerGroupId: consumer.producerGroupId,
      consumerHouseholdId: consumer.consumerHouseholdId,
      ...(query.orderCycleId ? { orderCycleId: query.orderCycleId } : {}),
      ...(query.state ? { state: query.state } : {}),
    },
    order: { placedAt: "DESC", id: "DESC" },
    skip: query.skip,
    take: query.take,
  });
  return { items, totalItems };
}

/**
 * The caller's order with this id. Another household's order and an unknown id get the same
 * NotFoundError, so the answer never tells whether an id exists (DESIGN.md, "Security").
 */
export async function myOrder(ctx: RequestContext, id: string): Promise<Order | NotFoundError> {
  const notFound = new NotFoundError(translatorFor(ctx.locale)("order.notFound"));
  const consumer = await consumerOf(ctx);
  if (!consumer || !isUuid(id)) return notFound;
  const order = await ctx.manager.getRepository(Order).findOne({ where: { id, ...consumer } });
  return order ?? notFound;
}

/** Order cycles by id, one query per request. */
export function cycleById(ctx: RequestContext): DataLoader<string, OrderCycle | null> {
  return ctx.loaders.get(
    "order.cycleById",
    () =>
      new DataLoader<string, OrderCycle | null>(async (ids) => {
        const rows = await ctx.manager.getRepository(OrderCycle).findBy({ id: In([...ids]) });
        return byKey(ids, rows, (r) => r.id);
      }),
  );
}

/** Pickup points by id, deleted ones included (an old order still names its point). */
export function pickupPointById(ctx: RequestContext): DataLoader<string, PickupPoint | null> {
  return ctx.loaders.get(
    "order.pickupPointById",
    () =>
      new DataLoader<string, PickupPoint | null>(async (ids) => {
        const rows = await ctx.manager
          .getRepository(PickupPoint)
          .find({ where: { id: In([...ids]) }, withDeleted: true });
        return byKey(ids, rows, (r) => r.id);
      }),
  );
}

/** The lines of each order, by Chinese product and variant name then id. */
export function linesByOrder(ctx: RequestContext): DataLoader<string, OrderLine[]> {
  return ctx.loaders.get(
    "order.linesByOrder",
    () =>
      new DataLoader<string, OrderLine[]>(async (orderIds) => {
        const rows = await ctx.manager.getRepository(OrderLine).find({
          where: { orderId: In([...orderIds]) },
          order: { productNameZh: "ASC", variantNameZh: "ASC", id: "ASC" },
        });
        return groupByKey(orderIds, rows, (r) => r.orderId);
      }),
  );
}

/** The adjustments of each order, oldest first. */
export function adjustmentsByOrder(ctx: RequestContext): DataLoader<string, Adjustment[]> {
  return ctx.loaders.get(
    "order.adjustmentsByOrder",
    () =>
      new DataLoader<string, Adjustment[]>(async (orderIds) => {
        const rows = await ctx.manager.getRepository(Adjustment).find({
          where: { orderId: In([...orderIds]) },
          order: { createdAt: "ASC", id: "ASC" },
        });
        return groupByKey(orderIds, rows, (r) => r.orderId);
      }),
  );
}

/** The payments of each order, oldest first. */
export function paymentsByOrder(ctx: RequestContext): DataLoader<string, Payment[]> {
  return ctx.loaders.get(
    "order.paymentsByOrder",
    () =>
      new DataLoader<string, Payment[]>(async (orderIds) => {
        const rows = await ctx.manager.getRepository(Payment).find({
          where: { orderId: In([...orderIds]) },
          order: { paidAt: "ASC", id: "ASC" },
        });
        return groupByKey(orderIds, rows, (r) => r.orderId);
      }),
  );
}

/** Where an order line's units came from: one household lot (code and village only). */
export interface Provenance {
  orderLineId: string;
  householdCode: string;
  villageNameZh: string;
  villageNameEn: string;
  quantity: number;
  qualityCheckedOn: string | null;
}

/**
 * The allocations of each order line to households' lots, with the household's pseudonymous
 * code, its village and the day of the lot's latest quality check; empty until allocated. Never
 * a household head's name.
 */
export function provenanceByLine(ctx: RequestContext): DataLoader<string, Provenance[]> {
  return ctx.loaders.get(
    "order.provenanceByLine",
    () =>
      new DataLoader<string, Provenance[]>(async (lineIds) => {
        const rows: {
          order_line_id: string;
          household_code: string;
          village_name_zh: string;
          village_name_en: string;
          quantity: number;
          checked_on: string | null;
        }[] = await ctx.manager.query(
          `SELECT a.order_line_id, h.code AS household_code, v.name_zh AS village_name_zh,
                  v.name_en AS village_name_en, a.quantity, qc.checked_on
             FROM allocations a
             JOIN lots l ON l.id = a.lot_id
             JOIN households h ON h.id = l.household_id
             JOIN villages v ON v.id = h.village_id
             LEFT JOIN LATERAL (
               SELECT q.checked_on::text AS checked_on FROM quality_checks q
                WHERE q.lot_id = l.id ORDER BY q.checked_on DESC, q.created_at DESC LIMIT 1
             ) qc ON true
            WHERE a.order_line_id = ANY($1::uuid[])
            ORDER BY a.rank, h.code, a.id`,
          [lineIds],
        );
        return groupByKey(
          lineIds,
          rows.map((r) => ({
            orderLineId: r.order_line_id,
            householdCode: r.household_code,
            villageNameZh: r.village_name_zh,
            villageNameEn: r.village_name_en,
            quantity: r.quantity,
            qualityCheckedOn: r.checked_on,
          })),
          (r) => r.orderLineId,
        );
      }),
  );
}

/** Why a quality-check adjustment was made, as the shop shows it (not the staff's free text). */
export interface AdjustmentCause {
  /** The quality check's rejection reason (UNDERWEIGHT, …); null if none or not from a check. */
  qualityReason: RejectionReason | null;
  /** Units refused: amountFen ÷ the line's unit price; null without a line or a check. */
  units: number | null;
}

/**
 * The cause of each adjustment (by adjustment id): one query joining the quality check and the
 * order line for the whole batch. Unknown ids give `{ qualityReason: null, units: null }`.
 */
export function causeByAdjustment(ctx: RequestContext): DataLoader<string, AdjustmentCause> {
  return ctx.loaders.get(
    "order.causeByAdjustment",
    () =>
      new DataLoader<string, AdjustmentCause>(async (ids) => {
        const rows: { id: string; reason: RejectionReason | null; units: number | null }[] =
          await ctx.manager.query(
            `SELECT a.id, qc.reason,
                    CASE WHEN qc.id IS NOT NULL AND ol.unit_price_fen > 0
                         THEN (a.amount_fen / ol.unit_price_fen)::int END AS units
               FROM adjustments a
               LEFT JOIN quality_checks qc ON qc.id = a.quality_check_id
               LEFT JOIN order_lines ol ON ol.id = a.order_line_id
              WHERE a.id = ANY($1::uuid[])`,
            [ids],
          );
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => {
          const r = byId.get(id);
          return { qualityReason: r?.reason ?? null, units: r?.units ?? null };
        });
      }),
  );
}
