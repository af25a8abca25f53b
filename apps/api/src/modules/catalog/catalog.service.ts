import DataLoader from "dataloader";
import { In } from "typeorm";
import { containsPattern } from "../../database/like-pattern";
import { isUuid } from "../../graphql/ids";
import { groupByKey } from "../../graphql/loader-registry";
import type { Page } from "../../graphql/pagination";
import type { RequestContext } from "../../graphql/request-context";
import { SHOP_HIDDEN_CYCLE_STATES } from "../cycle/cycle.service";
import type { OfferType } from "../cycle/offer.types";
import { SHOP_OFFER_COLUMNS, type ShopOfferRow, toShopOffer } from "../cycle/shop-offer";
import { Product, type ProductCategory } from "./product.entity";
import { Variant } from "./variant.entity";

/** Which products to list: a category and/or part of the Chinese or English name. */
export interface ProductQuery {
  skip: number;
  take: number;
  category?: ProductCategory | null;
  search?: string | null;
}

/**
 * A page of products that are not deleted, by Chinese name then id (a unique tie-breaker, so
 * paging never shows a product twice or skips one).
 */
export async function listProducts(
  ctx: RequestContext,
  query: ProductQuery,
): Promise<Page<Product>> {
  const qb = ctx.manager.getRepository(Product).createQueryBuilder("p");
  if (query.category) qb.andWhere("p.category = :category", { category: query.category });
  const search = query.search?.trim();
  if (search) {
    qb.andWhere("(p.name_zh ILIKE :pattern OR p.name_en ILIKE :pattern)", {
      pattern: containsPattern(search),
    });
  }
  const [items, totalItems] = await qb
    .orderBy("p.name_zh", "ASC")
    .addOrderBy("p.id", "ASC")
    .skip(query.skip)
    .take(query.take)
    .getManyAndCount();
  return { items, totalItems };
}

/** The variants of each product, in one query per request however many products are shown. */
export function variantsByProduct(ctx: RequestContext): DataLoader<string, Variant[]> {
  return ctx.loaders.get(
    "catalog.variantsByProduct",
    () =>
      new DataLoader<string, Variant[]>(async (productIds) => {
        const variants = await ctx.manager.getRepository(Variant).find({
          where: { productId: In([...productIds]) },
          order: { nameZh: "ASC", id: "ASC" },
        });
        return groupByKey(productIds, variants, (v) => v.productId);
      }),
  );
}

/** A product that is not deleted, or null for an unknown, deleted or malformed id. */
export async function shopProductById(ctx: RequestContext, id: string): Promise<Product | null> {
  if (!isUuid(id)) return null;
  return ctx.manager.getRepository(Product).findOneBy({ id });
}

/**
 * The offers of each product's variants in one shop-visible cycle (key: `productId:cycleId`),
 * shaped for the `Offer` GraphQL type, by Chinese variant name then id; empty for an unknown,
 * unpublished or malformed cycle id. Batched: one query however many products a list shows.
 */
export function offersOfProduct(ctx: RequestContext): DataLoader<string, OfferType[]> {
  return ctx.loaders.get(
    "catalog.offersOfProduct",
    () =>
      new DataLoader<string, OfferType[]>(async (keys) => {
        const pairs = keys
          .map((key) => key.split(":") as [string, string])
          .filter(([, cycleId]) => isUuid(cycleId));
        if (pairs.length === 0) return keys.map(() => []);
        const rows: ShopOfferRow[] = await ctx.manager.query(
          `SELECT ${SHOP_OFFER_COLUMNS}
           FROM offers o
           JOIN order_cycles c ON c.id = o.order_cycle_id AND NOT (c.state = ANY($1))
           JOIN variants v ON v.id = o.variant_id AND v.deleted_at IS NULL
           JOIN products p ON p.id = v.product_id
           WHERE v.product_id = ANY($2::uuid[]) AND o.order_cycle_id = ANY($3::uuid[])
           ORDER BY v.name_zh, o.id`,
          [SHOP_HIDDEN_CYCLE_STATES, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
        );
        return groupByKey(keys, rows.map(toShopOffer), (o) => `${o.product.id}:${o.orderCycleId}`);
      }),
  );
}
