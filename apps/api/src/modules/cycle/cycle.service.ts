import { In } from "typeorm";
import { isUuid } from "../../graphql/ids";
import type { RequestContext } from "../../graphql/request-context";
import { OrderCycle } from "./order-cycle.entity";

/**
 * States in which a cycle is shown in the shop. DRAFT cycles are still being prepared by staff
 * and CANCELLED ones never happened; every other state is public history or present.
 */
export const SHOP_HIDDEN_CYCLE_STATES = ["DRAFT", "CANCELLED"] as const;

/** A producer group's current cycle and the one after it (see {@link currentCycles}). */
export interface MarketCycles {
  producerGroupId: string;
  current: OrderCycle | null;
  next: OrderCycle | null;
}

/**
 * The current and next order cycle of each producer group (or of one), decided by the
 * database's `now()` so that every API instance and the ordering code agree:
 * - current = the OPEN cycle with `opens_at ≤ now() < closes_at`; when there is none, the
 *   DECLARING or OPEN cycle that opens next (`opens_at > now()`);
 * - next = the DECLARING or OPEN cycle that opens after `current`.
 * Ties on `opens_at` are broken by id. Two queries whatever the number of groups.
 */
export async function currentCycles(
  ctx: RequestContext,
  producerGroupId?: string | null,
): Promise<MarketCycles[]> {
  if (producerGroupId && !isUuid(producerGroupId)) return [];
  const rows: { id: string; producer_group_id: string; rn: string }[] = await ctx.manager.query(
    `SELECT id, producer_group_id, rn FROM (
       SELECT c.id, c.producer_group_id,
              row_number() OVER (
                PARTITION BY c.producer_group_id
                ORDER BY (c.state = 'OPEN' AND c.opens_at <= now()) DESC, c.opens_at, c.id
              ) AS rn
       FROM order_cycles c
       WHERE c.state IN ('DECLARING', 'OPEN')
         AND c.closes_at > now()
         AND ((c.state = 'OPEN' AND c.opens_at <= now()) OR c.opens_at > now())
         AND ($1::uuid IS NULL OR c.producer_group_id = $1::uuid)
     ) ranked
     WHERE rn <= 2
     ORDER BY producer_group_id, rn`,
    [producerGroupId ?? null],
  );
  if (rows.length === 0) return [];
  const cycles = await ctx.manager
    .getRepository(OrderCycle)
    .findBy({ id: In(rows.map((r) => r.id)) });
  const byId = new Map(cycles.map((c) => [c.id, c]));
  const groups = new Map<string, MarketCycles>();
  for (const row of rows) {
    const entry = groups.get(row.producer_group_id) ?? {
      producerGroupId: row.producer_group_id,
      current: null,
      next: null,
    };
    const cycle = byId.get(row.id) ?? null;
    if (Number(row.rn) === 1) entry.current = cycle;
    else entry.next = cycle;
    groups.set(row.producer_group_id, entry);
  }
  return [...groups.values()];
}

/** A cycle shown in the shop (not DRAFT or CANCELLED), or null for any other or unknown id. */
export async function shopCycleById(ctx: RequestContext, id: string): Promise<OrderCycle | null> {
  if (!isUuid(id)) return null;
  const cycle = await ctx.manager.getRepository(OrderCycle).findOneBy({ id });
  if (!cycle || (SHOP_HIDDEN_CYCLE_STATES as readonly string[]).includes(cycle.state)) return null;
  return cycle;
}
