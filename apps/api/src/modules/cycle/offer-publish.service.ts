import { offerPlanProblems, offerQuantityTotal, type OfferPlanProblem } from "@nested/domain";
import { type FieldProblem, InvalidInputError, NotFoundError } from "../../graphql/error-result";
import { isUuid } from "../../graphql/ids";
import { inTransaction, type RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { cycleInputRefused, findManagedCycle, type Translate } from "./cycle-scope";
import type { CycleOfferType, OfferPlanInput } from "./supply.types";

/** The most offers one call may publish. */
export const MAX_OFFER_PLANS = 200;

const PLAN_MESSAGE: Record<OfferPlanProblem["problem"], string> = {
  NOTHING_DECLARED: "cycle.nothingDeclared",
  BUFFER_NEGATIVE: "cycle.bufferNegative",
  BUFFER_ABOVE_DECLARED: "cycle.bufferAboveDeclared",
  TOTAL_BELOW_RESERVED: "cycle.totalBelowReserved",
  PRICE_NOT_POSITIVE: "cycle.priceNotPositive",
  PRODUCER_PRICE_NEGATIVE: "cycle.producerPriceNegative",
  PRODUCER_ABOVE_CONSUMER: "cycle.producerAboveConsumer",
};

interface CycleOfferRow {
  id: string;
  order_cycle_id: string;
  variant_id: string;
  price_fen: number;
  producer_price_fen: number;
  quantity_declared: number;
  buffer: number;
  quantity_total: number;
  quantity_reserved: number;
  product_name_zh: string;
  product_name_en: string;
  variant_name_zh: string;
  variant_name_en: string;
  unit: CycleOfferType["unit"];
}

/**
 * The offers of a cycle the caller manages, with the units declared of each variant now, by
 * product and variant name then id; none for an unknown cycle or another group's. One statement.
 */
export async function listCycleOffers(
  ctx: RequestContext,
  orderCycleId: string,
): Promise<CycleOfferType[]> {
  const cycle = await findManagedCycle(ctx, orderCycleId);
  if (!cycle) return [];
  const rows: CycleOfferRow[] = await ctx.manager.query(
    `SELECT o.id, o.order_cycle_id, o.variant_id, o.price_fen, o.producer_price_fen, o.buffer,
            o.quantity_total, o.quantity_reserved, v.unit,
            COALESCE((SELECT sum(d.quantity) FROM supply_declarations d
                       WHERE d.order_cycle_id = o.order_cycle_id AND d.variant_id = o.variant_id), 0)::int
              AS quantity_declared,
            p.name_zh AS product_name_zh, p.name_en AS product_name_en,
            v.name_zh AS variant_name_zh, v.name_en AS variant_name_en
       FROM offers o
       JOIN variants v ON v.id = o.variant_id
       JOIN products p ON p.id = v.product_id
      WHERE o.producer_group_id = $1 AND o.order_cycle_id = $2
      ORDER BY p.name_zh, v.name_zh, o.id`,
    [cycle.producerGroupId, cycle.id],
  );
  return rows.map((r) => ({
    id: r.id,
    orderCycleId: r.order_cycle_id,
    variantId: r.variant_id,
    priceFen: r.price_fen,
    producerPriceFen: r.producer_price_fen,
    quantityDeclared: r.quantity_declared,
    buffer: r.buffer,
    quantityTotal: r.quantity_total,
    quantityReserved: r.quantity_reserved,
    productNameZh: r.product_name_zh,
    productNameEn: r.product_name_en,
    variantNameZh: r.variant_name_zh,
    variantNameEn: r.variant_name_en,
    unit: r.unit,
  }));
}

/** What the database knows of each planned variant: declared units and the offer, if any. */
interface VariantStock {
  variant_id: string;
  declared: number;
  offer_id: string | null;
  price_fen: number | null;
  producer_price_fen: number | null;
  quantity_total: number | null;
  quantity_reserved: number | null;
}

/** Problems of OPEN-cycle top-ups: only existing offers, same prices, no fewer units. */
function topUpProblems(
  t: Translate,
  i: number,
  plan: OfferPlanInput,
  stock: VariantStock | undefined,
): FieldProblem[] {
  if (!stock?.offer_id)
    return [{ field: `offers.${i}.variantId`, message: t("cycle.openNewOffer") }];
  const problems: FieldProblem[] = [];
  if (plan.priceFen !== stock.price_fen || plan.producerPriceFen !== stock.producer_price_fen)
    problems.push({ field: `offers.${i}.priceFen`, message: t("cycle.openPriceChange") });
  if (offerQuantityTotal(stock.declared, plan.buffer) < stock.quantity_total!)
    problems.push({ field: `offers.${i}.buffer`, message: t("cycle.openQuantityLowered") });
  return problems;
}

/**
 * Publishes offers of a cycle the caller manages, all or nothing. While the cycle is DECLARING
 * each plan creates or replaces the cycle's offer of its variant (upsert on cycle and variant)
 * with `quantityTotal` = units declared of the variant − `buffer`. While OPEN only top-ups are
 * allowed: an existing offer, the same two prices, a total no lower than now (a smaller buffer).
 * Refused per plan (field `offers.<index>.<field>`, rules of `offerPlanProblems` in
 * @nested/domain): nothing declared, buffer below 0 or above the declared units, consumer price
 * ≤ 0, producer price below 0 or above the consumer price, a total below the units already
 * reserved; also an unknown variant or one given twice. Offer rows are locked while checked, so
 * orders placed meanwhile cannot slip under the new total.
 *
 * @returns the cycle's offers now; NotFoundError for an unknown cycle or another group's;
 *   InvalidInputError (nothing written) for bad plans or a cycle in another state (`state`).
 */
export async function publishOffers(
  ctx: RequestContext,
  orderCycleId: string,
  plans: readonly OfferPlanInput[],
): Promise<{ offers: CycleOfferType[] } | NotFoundError | InvalidInputError> {
  const t = translatorFor(ctx.locale);
  if (plans.length > MAX_OFFER_PLANS)
    return cycleInputRefused(t, [
      { field: "offers", message: t("cycle.tooManyEntries", { max: MAX_OFFER_PLANS }) },
    ]);
  return inTransaction(ctx, async (tx) => {
    const cycle = await findManagedCycle(tx, orderCycleId, "share");
    if (!cycle) return new NotFoundError(t("cycle.notFound"));
    if (cycle.state !== "DECLARING" && cycle.state !== "OPEN")
      return cycleInputRefused(t, [
        { field: "state", message: t("cycle.offersClosed", { state: cycle.state }) },
      ]);
    const variantIds = [...new Set(plans.map((p) => p.variantId).filter(isUuid))];
    await tx.manager.query(
      `SELECT id FROM offers WHERE order_cycle_id = $1 AND variant_id = ANY($2::uuid[])
        ORDER BY id FOR UPDATE`,
      [cycle.id, variantIds],
    );
    const stock: VariantStock[] = await tx.manager.query(
      `SELECT v.id AS variant_id,
              COALESCE((SELECT sum(d.quantity) FROM supply_declarations d
                         WHERE d.order_cycle_id = $1 AND d.variant_id = v.id), 0)::int AS declared,
              o.id AS offer_id, o.price_fen, o.producer_price_fen, o.quantity_total,
              o.quantity_reserved
         FROM variants v
         JOIN products p ON p.id = v.product_id AND p.deleted_at IS NULL
         LEFT JOIN offers o ON o.order_cycle_id = $1 AND o.variant_id = v.id
        WHERE v.id = ANY($2::uuid[]) AND v.deleted_at IS NULL`,
      [cycle.id, variantIds],
    );
    const byVariant = new Map(stock.map((s) => [s.variant_id, s]));
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    plans.forEach((plan, i) => {
      const s = byVariant.get(plan.variantId);
      if (seen.has(plan.variantId))
        problems.push({ field: `offers.${i}.variantId`, message: t("cycle.duplicateOffer") });
      seen.add(plan.variantId);
      if (!s) {
        problems.push({ field: `offers.${i}.variantId`, message: t("cycle.variantNotFound") });
        return;
      }
      for (const p of offerPlanProblems({
        ...plan,
        declared: s.declared,
        reserved: s.quantity_reserved ?? 0,
      }))
        problems.push({
          field: `offers.${i}.${p.field}`,
          message: t(PLAN_MESSAGE[p.problem], {
            declared: s.declared,
            reserved: s.quantity_reserved ?? 0,
          }),
        });
      if (cycle.state === "OPEN") problems.push(...topUpProblems(t, i, plan, s));
    });
    if (problems.length) return cycleInputRefused(t, problems);
    await tx.manager.query(
      `INSERT INTO offers (producer_group_id, order_cycle_id, variant_id, price_fen,
                           producer_price_fen, buffer, quantity_total)
       SELECT $1::uuid, $2::uuid, k.variant_id, k.price_fen, k.producer_price_fen, k.buffer, k.total
         FROM unnest($3::uuid[], $4::int[], $5::int[], $6::int[], $7::int[])
              AS k(variant_id, price_fen, producer_price_fen, buffer, total)
       ON CONFLICT (order_cycle_id, variant_id) DO UPDATE
          SET price_fen = EXCLUDED.price_fen, producer_price_fen = EXCLUDED.producer_price_fen,
              buffer = EXCLUDED.buffer, quantity_total = EXCLUDED.quantity_total,
              updated_at = now()`,
      [
        cycle.producerGroupId,
        cycle.id,
        plans.map((p) => p.variantId),
        plans.map((p) => p.priceFen),
        plans.map((p) => p.producerPriceFen),
        plans.map((p) => p.buffer),
        plans.map((p) => offerQuantityTotal(byVariant.get(p.variantId)!.declared, p.buffer)),
      ],
    );
    return { offers: await listCycleOffers(tx, cycle.id) };
  });
}
