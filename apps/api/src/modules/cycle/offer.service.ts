import DataLoader from "dataloader";
import { containsPattern } from "../../database/like-pattern";
import { groupByKey } from "../../graphql/loader-registry";
import type { Page } from "../../graphql/pagination";
import { SortDirection } from "../../graphql/pagination";
import type { RequestContext } from "../../graphql/request-context";
import type { ProductCategory } from "../catalog/product.entity";
import { SHOP_HIDDEN_CYCLE_STATES } from "./cycle.service";
import { Offer } from "./offer.entity";
import { OfferSortField } from "./offer.types";

/** Which offers of one cycle to list, and in what order. */
export interface OfferQuery {
  orderCycleId: string;
  skip: number;
  take: number;
  category?: ProductCategory | null;
  villageId?: string | null;
  search?: string | null;
  sortField?: OfferSortField;
  direction?: SortDirection;
}

/**
 * A page of a shop-visible cycle's offers (not DRAFT or CANCELLED; variant and product not
 * deleted). Search looks in the Chinese and English names of product and variant with the
 * user's `%`, `_` and `\` taken literally; the village filter keeps offers that a household of
 * that village declared. Sorted by price or by Chinese product then variant name, always ending
 * with the offer id, so paging shows every offer exactly once even when names and prices tie.
 * An unknown cycle gives an empty page. Two queries (rows and count).
 */
export async function listOffers(ctx: RequestContext, query: OfferQuery): Promise<Page<Offer>> {
  const direction = query.direction === SortDirection.DESC ? "DESC" : "ASC";
  const qb = ctx.manager
    .getRepository(Offer)
    .createQueryBuilder("o")
    .innerJoin("order_cycles", "c", "c.id = o.order_cycle_id AND c.state NOT IN (:...hidden)", {
      hidden: SHOP_HIDDEN_CYCLE_STATES,
    })
    .innerJoin("variants", "v", "v.id = o.variant_id AND v.deleted_at IS NULL")
    .innerJoin("products", "p", "p.id = v.product_id AND p.deleted_at IS NULL")
    .where("o.order_cycle_id = :cycleId", { cycleId: query.orderCycleId });
  if (query.category) qb.andWhere("p.category = :category", { category: query.category });
  const search = query.search?.trim();
  if (search) {
    qb.andWhere(
      "(p.name_zh ILIKE :pattern OR p.name_en ILIKE :pattern OR v.name_zh ILIKE :pattern OR v.name_en ILIKE :pattern)",
      { pattern: containsPattern(search) },
    );
  }
  if (query.villageId) {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM supply_declarations d JOIN households h ON h.id = d.household_id
               WHERE d.order_cycle_id = o.order_cycle_id AND d.variant_id = o.variant_id
                 AND h.village_id = :villageId)`,
      { villageId: query.villageId },
    );
  }
  if (query.sortField === OfferSortField.PRICE) {
    qb.orderBy("o.price_fen", direction);
  } else {
    qb.orderBy("p.name_zh", direction).addOrderBy("v.name_zh", direction);
  }
  qb.addOrderBy("o.id", direction);
  const [items, totalItems] = await qb.offset(query.skip).limit(query.take).getManyAndCount();
  return { items, totalItems };
}

/** A grower row as loaded: only columns that may reach consumers, profile already masked. */
interface GrowerRow {
  order_cycle_id: string;
  variant_id: string;
  code: string;
  village_id: string;
  display_name: string | null;
  photo_url: string | null;
  story_zh: string | null;
  story_en: string | null;
}

/** A grower of an offer, shaped for the `Grower` GraphQL type. */
export interface Grower {
  code: string;
  villageId: string;
  displayName: string | null;
  photoUrl: string | null;
  storyZh: string | null;
  storyEn: string | null;
}

/**
 * The households that declared supply of each offer (key: `cycleId:variantId`), by code. Only
 * the pseudonymous code and village are always read; display name, photo and stories are read
 * as NULL unless the household holds a PUBLIC_PROFILE consent granted on or before today and
 * not withdrawn (`withdrawn_on` null or after today; days in Asia/Shanghai). One query per batch.
 */
export function growersByOffer(ctx: RequestContext): DataLoader<string, Grower[]> {
  return ctx.loaders.get(
    "cycle.growersByOffer",
    () =>
      new DataLoader<string, Grower[]>(async (keys) => {
        const pairs = keys.map((key) => key.split(":") as [string, string]);
        const rows: GrowerRow[] = await ctx.manager.query(
          `WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS day)
           SELECT d.order_cycle_id, d.variant_id, h.code, h.village_id,
                  CASE WHEN pc.ok THEN h.display_name END AS display_name,
                  CASE WHEN pc.ok THEN h.photo_url END AS photo_url,
                  CASE WHEN pc.ok THEN h.story_zh END AS story_zh,
                  CASE WHEN pc.ok THEN h.story_en END AS story_en
           FROM supply_declarations d
           JOIN unnest($1::uuid[], $2::uuid[]) AS k(cycle_id, variant_id)
             ON d.order_cycle_id = k.cycle_id AND d.variant_id = k.variant_id
           JOIN households h ON h.id = d.household_id
           CROSS JOIN today
           LEFT JOIN LATERAL (
             SELECT true AS ok FROM consent_records cr
             WHERE cr.household_id = h.id AND cr.kind = 'PUBLIC_PROFILE'
               AND cr.granted_on <= today.day
               AND (cr.withdrawn_on IS NULL OR cr.withdrawn_on > today.day)
             LIMIT 1
           ) pc ON true
           ORDER BY h.code, h.id`,
          [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
        );
        const growers = groupByKey(keys, rows, (r) => `${r.order_cycle_id}:${r.variant_id}`);
        return growers.map((list) =>
          list.map((r) => ({
            code: r.code,
            villageId: r.village_id,
            displayName: r.display_name,
            photoUrl: r.photo_url,
            storyZh: r.story_zh,
            storyEn: r.story_en,
          })),
        );
      }),
  );
}

/** The key of an offer in {@link growersByOffer}. */
export function offerKey(offer: Pick<Offer, "orderCycleId" | "variantId">): string {
  return `${offer.orderCycleId}:${offer.variantId}`;
}
