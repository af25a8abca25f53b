import { orderCycleMachine } from "@nested/domain";
import { InvalidInputError, InvalidTransitionError } from "../../graphql/error-result";
import { refuse } from "../../graphql/refusal";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import type { OrderCycle } from "./order-cycle.entity";

/**
 * Entering OPEN: refused while another cycle of the same producer group is OPEN
 * ({@link requireNoOtherOpenCycle}) or while the cycle has no offer ({@link requireOffers}).
 */
export async function enterOpen(ctx: RequestContext, cycle: OrderCycle): Promise<void> {
  await requireNoOtherOpenCycle(ctx, cycle);
  await requireOffers(ctx, cycle);
}

/**
 * A producer group runs one OPEN cycle at a time. Locks the group's row `FOR UPDATE`, so two
 * cycles of one group being opened at once take turns and the second sees the first OPEN; then
 * refuses (InvalidTransitionError naming the other cycle's code) if another cycle of the group is
 * OPEN. The partial unique index `uq_order_cycles_one_open_per_group` backs this up.
 */
export async function requireNoOtherOpenCycle(
  ctx: RequestContext,
  cycle: OrderCycle,
): Promise<void> {
  await ctx.manager.query("SELECT 1 FROM producer_groups WHERE id = $1 FOR UPDATE", [
    cycle.producerGroupId,
  ]);
  const [other] = (await ctx.manager.query(
    `SELECT code FROM order_cycles
      WHERE producer_group_id = $1 AND state = 'OPEN' AND id <> $2
      ORDER BY code LIMIT 1`,
    [cycle.producerGroupId, cycle.id],
  )) as { code: string }[];
  if (other) {
    const t = translatorFor(ctx.locale);
    refuse(
      new InvalidTransitionError(
        t("cycle.anotherOpen", { code: other.code }),
        cycle.state,
        "OPEN",
        orderCycleMachine.nextStates(cycle.state).filter((s) => s !== "OPEN"),
      ),
    );
  }
}

/**
 * Entering OPEN: refused (InvalidInputError on `to`) while the cycle has no offer, since the shop
 * would show an empty market, and while an offer's `quantityTotal` is above the units now
 * declared of its variant (declarations lowered or removed after publishing, while DECLARING):
 * the shop would sell units no household will bring. The message names each such offer with
 * its units on offer and declared; publishing again fixes it.
 */
export async function requireOffers(ctx: RequestContext, cycle: OrderCycle): Promise<void> {
  const offers: StaleOfferRow[] = await ctx.manager.query(
    `SELECT o.quantity_total AS total, p.name_zh, p.name_en, v.name_zh AS variant_zh,
            v.name_en AS variant_en,
            COALESCE((SELECT sum(d.quantity) FROM supply_declarations d
                       WHERE d.order_cycle_id = o.order_cycle_id AND d.variant_id = o.variant_id),
                     0)::int AS declared
       FROM offers o JOIN variants v ON v.id = o.variant_id JOIN products p ON p.id = v.product_id
      WHERE o.producer_group_id = $1 AND o.order_cycle_id = $2
      ORDER BY p.name_zh, v.name_zh, o.id`,
    [cycle.producerGroupId, cycle.id],
  );
  const t = translatorFor(ctx.locale);
  const refuseOpening = (message: string) =>
    refuse(new InvalidInputError(t("cycle.inputRefused"), [{ field: "to", message }]));
  if (offers.length === 0) refuseOpening(t("cycle.noOffers"));
  const stale = offers.filter((o) => o.total > o.declared);
  if (stale.length > 0) {
    const en = ctx.locale === "en";
    const names = stale.map((o) =>
      t("cycle.staleOffer", {
        product: en ? o.name_en : o.name_zh,
        variant: en ? o.variant_en : o.variant_zh,
        total: o.total,
        declared: o.declared,
      }),
    );
    refuseOpening(t("cycle.staleOffers", { offers: names.join(en ? "; " : "；") }));
  }
}

interface StaleOfferRow {
  total: number;
  declared: number;
  name_zh: string;
  name_en: string;
  variant_zh: string;
  variant_en: string;
}

/**
 * Entering CLOSED: ordering ends.
 * - Every PLACED order of the cycle becomes LOCKED (consumers can no longer change or cancel it;
 *   `orderMachine` PLACED → LOCKED). Reservations stay: they are the units ordered.
 * - One lot per supply declaration of the cycle is created in state DECLARED, with
 *   `quantityDeclared` = the declared quantity and the declaration's group, household and variant;
 *   allocation (entering ALLOCATED) serves the locked orders' lines from these lots. The unique
 *   index on `lots.supply_declaration_id` and the cycle's row lock make this happen once.
 * Two statements whatever the number of orders and declarations.
 */
export async function closeCycle(ctx: RequestContext, cycle: OrderCycle): Promise<void> {
  await ctx.manager.query(
    `UPDATE orders SET state = 'LOCKED', updated_at = now()
      WHERE producer_group_id = $1 AND order_cycle_id = $2 AND state = 'PLACED'`,
    [cycle.producerGroupId, cycle.id],
  );
  await ctx.manager.query(
    `INSERT INTO lots (producer_group_id, order_cycle_id, household_id, variant_id,
                       supply_declaration_id, state, quantity_declared)
     SELECT d.producer_group_id, d.order_cycle_id, d.household_id, d.variant_id, d.id,
            'DECLARED', d.quantity
       FROM supply_declarations d
      WHERE d.producer_group_id = $1 AND d.order_cycle_id = $2
     ON CONFLICT (supply_declaration_id) DO NOTHING`,
    [cycle.producerGroupId, cycle.id],
  );
}

/**
 * Entering CANCELLED (only from DRAFT, DECLARING or OPEN, so no lot, allocation or settlement
 * exists yet): every order of the cycle that is not already CANCELLED becomes CANCELLED, and the
 * units its lines reserved are given back to their offers. Every order of the cycle that is PAID
 * or has money received (Σ payments > 0) — paid in full, paid in part, or cancelled by its
 * consumer after paying — moves to payment state CREDIT_OWED (`paymentMachine` PAID → CREDIT_OWED; a part-paid
 * UNPAID order passes through PAID, as at SETTLING): a cancelled order owes 0, so the market owes
 * the consumer all of it, which finance refunds (→ REFUNDED) or sets against a later order
 * (→ SETTLED). Orders with nothing paid stay UNPAID. Lines are kept as history. Two statements.
 */
export async function cancelCycle(ctx: RequestContext, cycle: OrderCycle): Promise<void> {
  await ctx.manager.query(
    `WITH cancelled AS (
       UPDATE orders
          SET state = 'CANCELLED', updated_at = now()
        WHERE producer_group_id = $1 AND order_cycle_id = $2 AND state <> 'CANCELLED'
        RETURNING id),
     released AS (
       SELECT l.offer_id, sum(l.quantity)::int AS quantity
         FROM order_lines l JOIN cancelled c ON c.id = l.order_id
        GROUP BY l.offer_id)
     UPDATE offers o
        SET quantity_reserved = o.quantity_reserved - r.quantity, updated_at = now()
       FROM released r
      WHERE o.id = r.offer_id`,
    [cycle.producerGroupId, cycle.id],
  );
  await ctx.manager.query(
    `UPDATE orders o SET payment_state = 'CREDIT_OWED', updated_at = now()
      WHERE o.producer_group_id = $1 AND o.order_cycle_id = $2
        AND (o.payment_state = 'PAID'
             OR (o.payment_state = 'UNPAID'
                 AND EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.amount_fen > 0)))`,
    [cycle.producerGroupId, cycle.id],
  );
}
