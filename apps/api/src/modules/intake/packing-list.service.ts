import type { OrderState } from "@nested/domain";
import { isUuid } from "../../graphql/ids";
import type { RequestContext } from "../../graphql/request-context";
import { managesGroup } from "../household/household.service";

/** One line to pack: the product and variant (snapshots of the order line) and units accepted. */
export interface PackingLine {
  variantId: string;
  productNameZh: string;
  productNameEn: string;
  variantNameZh: string;
  variantNameEn: string;
  units: number;
}

/** One order to pack, with who collects it (staff call them at pickup). */
export interface PackingOrder {
  orderId: string;
  /** The first 8 hex digits of the order id, upper case: what is written on the bag. */
  shortCode: string;
  /** The order's state now: ALLOCATED or READY before delivery, then DELIVERED, PICKED_UP, NO_SHOW. */
  state: OrderState;
  consumerName: string;
  phone: string | null;
  lines: PackingLine[];
}

/** Units of one variant to bring to a pickup point (same shape as a line). */
export type PackingTotal = PackingLine;

/** Everything going to one pickup point. */
export interface PackingPoint {
  pickupPointId: string;
  nameZh: string;
  nameEn: string;
  address: string;
  orders: PackingOrder[];
  totals: PackingTotal[];
}

/** The packing list of a cycle, per pickup point (by Chinese name, then id). */
export interface PackingList {
  orderCycleId: string;
  orderCycleCode: string;
  pickupPoints: PackingPoint[];
}

/** Order states whose goods are (to be) packed. */
const PACKED_ORDER_STATES = ["ALLOCATED", "READY", "DELIVERED", "PICKED_UP", "NO_SHOW", "CLOSED"];

interface Row {
  pickup_point_id: string;
  point_zh: string;
  point_en: string;
  address: string;
  order_id: string;
  order_state: OrderState;
  consumer_name: string;
  phone: string | null;
  variant_id: string;
  product_zh: string;
  product_en: string;
  variant_zh: string;
  variant_en: string;
  units: number;
}

/**
 * The packing list of a cycle (permission `intake:record`): per pickup point its orders (those
 * ALLOCATED or later, not CANCELLED, with their state, for marking pickups) with the consumer household's display name and the phone
 * of its account, and each line's units accepted (lines at 0 left out; before the quality
 * checks these are the provisional allocated units), orders by short code, lines by product and
 * variant name; plus the units per variant. "cycle-not-found" when the cycle is unknown (or its
 * id malformed) or outside the caller's producer groups; "pickup-point-not-found" when
 * `pickupPointId` is given and is not a pickup point of the cycle's group (or is malformed).
 */
export async function packingList(
  ctx: RequestContext,
  orderCycleId: string,
  pickupPointId?: string | null,
): Promise<PackingList | "cycle-not-found" | "pickup-point-not-found"> {
  if (!isUuid(orderCycleId)) return "cycle-not-found";
  const [cycle] = (await ctx.manager.query(
    "SELECT id, code, producer_group_id FROM order_cycles WHERE id = $1",
    [orderCycleId],
  )) as { id: string; code: string; producer_group_id: string }[];
  if (!cycle || !managesGroup(ctx, cycle.producer_group_id)) return "cycle-not-found";
  if (pickupPointId != null) {
    if (!isUuid(pickupPointId)) return "pickup-point-not-found";
    const [point] = (await ctx.manager.query(
      "SELECT 1 FROM pickup_points WHERE id = $1 AND producer_group_id = $2",
      [pickupPointId, cycle.producer_group_id],
    )) as unknown[];
    if (!point) return "pickup-point-not-found";
  }
  const rows = (await ctx.manager.query(
    `SELECT pp.id AS pickup_point_id, pp.name_zh AS point_zh, pp.name_en AS point_en, pp.address,
            o.id AS order_id, o.state AS order_state, ch.display_name AS consumer_name, u.phone,
            l.variant_id, l.product_name_zh AS product_zh, l.product_name_en AS product_en,
            l.variant_name_zh AS variant_zh, l.variant_name_en AS variant_en,
            l.quantity_accepted AS units
       FROM orders o
       JOIN pickup_points pp ON pp.id = o.pickup_point_id
       JOIN consumer_households ch ON ch.id = o.consumer_household_id
       JOIN users u ON u.id = ch.user_id
       JOIN order_lines l ON l.order_id = o.id
      WHERE o.order_cycle_id = $1 AND o.state = ANY($2) AND l.quantity_accepted > 0
        AND ($3::uuid IS NULL OR o.pickup_point_id = $3)
      ORDER BY pp.name_zh, pp.id, upper(left(o.id::text, 8)), o.id,
               l.product_name_zh, l.variant_name_zh, l.id`,
    [cycle.id, PACKED_ORDER_STATES, pickupPointId ?? null],
  )) as Row[];
  return { orderCycleId: cycle.id, orderCycleCode: cycle.code, pickupPoints: groupRows(rows) };
}

function groupRows(rows: Row[]): PackingPoint[] {
  const points = new Map<string, PackingPoint>();
  for (const row of rows) {
    let point = points.get(row.pickup_point_id);
    if (!point) {
      point = {
        pickupPointId: row.pickup_point_id,
        nameZh: row.point_zh,
        nameEn: row.point_en,
        address: row.address,
        orders: [],
        totals: [],
      };
      points.set(row.pickup_point_id, point);
    }
    let order = point.orders[point.orders.length - 1];
    if (order?.orderId !== row.order_id) {
      order = {
        orderId: row.order_id,
        shortCode: row.order_id.slice(0, 8).toUpperCase(),
        state: row.order_state,
        consumerName: row.consumer_name,
        phone: row.phone,
        lines: [],
      };
      point.orders.push(order);
    }
    const names = {
      variantId: row.variant_id,
      productNameZh: row.product_zh,
      productNameEn: row.product_en,
      variantNameZh: row.variant_zh,
      variantNameEn: row.variant_en,
    };
    order.lines.push({ ...names, units: row.units });
    const total = point.totals.find((t) => t.variantId === row.variant_id);
    if (total) total.units += row.units;
    else point.totals.push({ ...names, units: row.units });
  }
  for (const point of points.values())
    point.totals.sort(
      (a, b) =>
        a.productNameZh.localeCompare(b.productNameZh, "zh-CN") ||
        a.variantNameZh.localeCompare(b.variantNameZh, "zh-CN") ||
        (a.variantId < b.variantId ? -1 : 1),
    );
  return [...points.values()];
}
