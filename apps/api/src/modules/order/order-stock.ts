import type { EntityManager } from "typeorm";

/** An order cycle row locked FOR SHARE, and whether it takes orders by the database clock. */
export interface LockedCycle {
  id: string;
  producerGroupId: string;
  opensAt: Date;
  closesAt: Date;
  open: boolean;
}

/**
 * Locks the cycle row FOR SHARE (staff cannot close or move it until this transaction ends) and
 * asks the DATABASE clock whether it takes orders: state OPEN and opens_at ≤ now < closes_at, so
 * an order at the closing instant is refused. `clock_timestamp()` rather than `now()`, because
 * `now()` is frozen at the start of the transaction. Null when there is no such cycle.
 */
export async function lockCycle(
  manager: EntityManager,
  orderCycleId: string,
): Promise<LockedCycle | null> {
  const rows: {
    id: string;
    producer_group_id: string;
    opens_at: Date;
    closes_at: Date;
    open: boolean;
  }[] = await manager.query(
    `SELECT id, producer_group_id, opens_at, closes_at,
            (state = 'OPEN' AND opens_at <= clock_timestamp() AND clock_timestamp() < closes_at) AS open
       FROM order_cycles WHERE id = $1 FOR SHARE`,
    [orderCycleId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    producerGroupId: row.producer_group_id,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    open: row.open,
  };
}

/**
 * Asks the database clock once more, as the last statement before commit, whether the (locked)
 * cycle still takes orders: a transaction that started before the closing instant but reaches
 * its end after it is refused.
 */
export async function cycleStillOpen(
  manager: EntityManager,
  orderCycleId: string,
): Promise<boolean> {
  const rows: { open: boolean }[] = await manager.query(
    `SELECT (state = 'OPEN' AND clock_timestamp() < closes_at) AS open
       FROM order_cycles WHERE id = $1`,
    [orderCycleId],
  );
  return rows[0]?.open === true;
}

/** An offer of a cycle as an order line needs it: price, per-order maximum and names to snapshot. */
export interface OfferForOrder {
  offerId: string;
  producerGroupId: string;
  variantId: string;
  priceFen: number;
  maxPerOrder: number;
  productNameZh: string;
  productNameEn: string;
  variantNameZh: string;
  variantNameEn: string;
}

/**
 * The offers among `offerIds` that belong to `orderCycleId` and whose product and variant are
 * not deleted, keyed by offer id. Ids of other cycles are simply absent (answered "not found").
 */
export async function offersForOrder(
  manager: EntityManager,
  orderCycleId: string,
  offerIds: readonly string[],
): Promise<Map<string, OfferForOrder>> {
  const rows: {
    id: string;
    producer_group_id: string;
    variant_id: string;
    price_fen: number;
    max_per_order: number;
    product_name_zh: string;
    product_name_en: string;
    variant_name_zh: string;
    variant_name_en: string;
  }[] = await manager.query(
    `SELECT o.id, o.producer_group_id, o.variant_id, o.price_fen, v.max_per_order,
            p.name_zh AS product_name_zh, p.name_en AS product_name_en,
            v.name_zh AS variant_name_zh, v.name_en AS variant_name_en
       FROM offers o
       JOIN variants v ON v.id = o.variant_id AND v.deleted_at IS NULL
       JOIN products p ON p.id = v.product_id AND p.deleted_at IS NULL
      WHERE o.order_cycle_id = $1 AND o.id = ANY($2::uuid[])`,
    [orderCycleId, offerIds],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        offerId: r.id,
        producerGroupId: r.producer_group_id,
        variantId: r.variant_id,
        priceFen: r.price_fen,
        maxPerOrder: r.max_per_order,
        productNameZh: r.product_name_zh,
        productNameEn: r.product_name_en,
        variantNameZh: r.variant_name_zh,
        variantNameEn: r.variant_name_en,
      },
    ]),
  );
}

/**
 * Reserves `quantity` units of an offer with one atomic conditional update: it succeeds only if
 * that many are still available, so concurrent orders can never take the offer below zero (the
 * CHECK on offers is the second guard). Callers reserve in ascending offer id order.
 *
 * @returns `{ ok: true }`, or `{ ok: false, available }` with the units left when refused.
 */
export async function reserveStock(
  manager: EntityManager,
  offerId: string,
  quantity: number,
): Promise<{ ok: true } | { ok: false; available: number }> {
  const updated: unknown[] = await manager.query(
    // Wrapped in WITH so the driver answers rows (a bare UPDATE answers [rows, count]).
    `WITH reserved AS (
       UPDATE offers SET quantity_reserved = quantity_reserved + $2, updated_at = now()
        WHERE id = $1 AND quantity_total - quantity_reserved >= $2
        RETURNING id)
     SELECT id FROM reserved`,
    [offerId, quantity],
  );
  if (updated.length > 0) return { ok: true };
  const rows: { available: number }[] = await manager.query(
    "SELECT quantity_total - quantity_reserved AS available FROM offers WHERE id = $1",
    [offerId],
  );
  return { ok: false, available: Math.max(0, rows[0]?.available ?? 0) };
}

/** Gives `quantity` reserved units of an offer back (an order line lowered, removed or cancelled). */
export async function releaseStock(
  manager: EntityManager,
  offerId: string,
  quantity: number,
): Promise<void> {
  await manager.query(
    `UPDATE offers SET quantity_reserved = quantity_reserved - $2, updated_at = now()
      WHERE id = $1`,
    [offerId, quantity],
  );
}
