import DataLoader from "dataloader";
import { containsPattern } from "../../database/like-pattern";
import { groupByKey } from "../../graphql/loader-registry";
import type { Page } from "../../graphql/pagination";
import { SortDirection } from "../../graphql/pagination";
import type { RequestContext } from "../../graphql/request-context";
import type { ProductCategory } from "../catalog/product.entity";
import { SHOP_HIDDEN_CYCLE_STATES } from "./cycle.service";
import type { VillageType } from "../household/village.types";
import { type GrowerType, OfferSortField, type OfferType } from "./offer.types";
import { SHOP_OFFER_COLUMNS, type ShopOfferRow, toShopOffer } from "./shop-offer";

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
 * deleted), shaped for the `Offer` GraphQL type (see `toShopOffer`). Search looks in the Chinese
 * and English names of product and variant with the user's `%`, `_` and `\` taken literally; the
 * village filter keeps offers that a household of that village declared. Sorted by price or by
 * Chinese product then variant name, always ending with the offer id, so paging shows every
 * offer exactly once even when names and prices tie. An unknown cycle gives an empty page. One
 * statement (the total is a window count), and a second only for a page past the last offer.
 */
export async function listOffers(ctx: RequestContext, query: OfferQuery): Promise<Page<OfferType>> {
  const params: unknown[] = [query.orderCycleId, SHOP_HIDDEN_CYCLE_STATES];
  const param = (value: unknown) => `$${params.push(value)}`;
  let where = "o.order_cycle_id = $1";
  if (query.category) where += ` AND p.category = ${param(query.category)}`;
  const search = query.search?.trim();
  if (search) {
    const pattern = param(containsPattern(search));
    where += ` AND (p.name_zh ILIKE ${pattern} OR p.name_en ILIKE ${pattern}
                    OR v.name_zh ILIKE ${pattern} OR v.name_en ILIKE ${pattern})`;
  }
  if (query.villageId) {
    where += ` AND EXISTS (SELECT 1 FROM supply_declarations d JOIN households h ON h.id = d.household_id
                  WHERE d.order_cycle_id = o.order_cycle_id AND d.variant_id = o.variant_id
                    AND h.village_id = ${param(query.villageId)})`;
  }
  const from = `FROM offers o
    JOIN order_cycles c ON c.id = o.order_cycle_id AND NOT (c.state = ANY($2))
    JOIN variants v ON v.id = o.variant_id AND v.deleted_at IS NULL
    JOIN products p ON p.id = v.product_id AND p.deleted_at IS NULL
    WHERE ${where}`;
  const direction = query.direction === SortDirection.DESC ? "DESC" : "ASC";
  const order =
    query.sortField === OfferSortField.PRICE
      ? `o.price_fen ${direction}`
      : `p.name_zh ${direction}, v.name_zh ${direction}`;
  const page = `LIMIT ${param(query.take)} OFFSET ${param(query.skip)}`;
  const rows: (ShopOfferRow & { total_items: number })[] = await ctx.manager.query(
    `SELECT ${SHOP_OFFER_COLUMNS}, count(*) OVER ()::int AS total_items ${from}
     ORDER BY ${order}, o.id ${direction} ${page}`,
    params,
  );
  const first = rows[0];
  if (first) return { items: rows.map(toShopOffer), totalItems: first.total_items };
  if (query.skip === 0) return { items: [], totalItems: 0 };
  const [count]: { total_items: number }[] = await ctx.manager.query(
    `SELECT count(*)::int AS total_items ${from}`,
    params.slice(0, -2),
  );
  return { items: [], totalItems: count?.total_items ?? 0 };
}

/** A grower row as loaded: only columns that may reach consumers, profile already masked. */
interface GrowerRow {
  order_cycle_id: string;
  variant_id: string;
  code: string;
  display_name: string | null;
  photo_url: string | null;
  story_zh: string | null;
  story_en: string | null;
  village_id: string;
  village_name_zh: string;
  village_name_en: string;
  township: string;
  county: string;
  province: string;
}

/**
 * The households that declared supply of each offer (key: `cycleId:variantId`), by code. Only
 * the pseudonymous code and village are always read; display name, photo and stories are read
 * as NULL unless the household holds a PUBLIC_PROFILE consent granted on or before today and
 * not withdrawn (`withdrawn_on` null or after today; days in Asia/Shanghai). Each grower comes
 * with its village (one object per village and batch). One query per batch.
 */
export function growersByOffer(ctx: RequestContext): DataLoader<string, GrowerType[]> {
  return ctx.loaders.get(
    "cycle.growersByOffer",
    () =>
      new DataLoader<string, GrowerType[]>(async (keys) => {
        const pairs = keys.map((key) => key.split(":") as [string, string]);
        const rows: GrowerRow[] = await ctx.manager.query(
          `WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS day)
           SELECT d.order_cycle_id, d.variant_id, h.code, h.village_id,
                  vi.name_zh AS village_name_zh, vi.name_en AS village_name_en,
                  vi.township, vi.county, vi.province,
                  CASE WHEN pc.ok THEN h.display_name END AS display_name,
                  CASE WHEN pc.ok THEN h.photo_url END AS photo_url,
                  CASE WHEN pc.ok THEN h.story_zh END AS story_zh,
                  CASE WHEN pc.ok THEN h.story_en END AS story_en
           FROM supply_declarations d
           JOIN unnest($1::uuid[], $2::uuid[]) AS k(cycle_id, variant_id)
             ON d.order_cycle_id = k.cycle_id AND d.variant_id = k.variant_id
           JOIN households h ON h.id = d.household_id
           JOIN villages vi ON vi.id = h.village_id
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
        const villages = new Map<string, VillageType>();
        const villageOf = (r: GrowerRow): VillageType => {
          let village = villages.get(r.village_id);
          if (!village) {
            village = {
              id: r.village_id,
              nameZh: r.village_name_zh,
              nameEn: r.village_name_en,
              township: r.township,
              county: r.county,
              province: r.province,
            };
            villages.set(r.village_id, village);
          }
          return village;
        };
        const growers = groupByKey(keys, rows, (r) => `${r.order_cycle_id}:${r.variant_id}`);
        return growers.map((list) =>
          list.map((r) => ({
            code: r.code,
            displayName: r.display_name,
            photoUrl: r.photo_url,
            storyZh: r.story_zh,
            storyEn: r.story_en,
            village: villageOf(r),
          })),
        );
      }),
  );
}

/** The key of an offer in {@link growersByOffer}. */
export function offerKey(offer: Pick<OfferType, "orderCycleId" | "variantId">): string {
  return `${offer.orderCycleId}:${offer.variantId}`;
}
