import DataLoader from "dataloader";
import { In } from "typeorm";
import { containsPattern } from "../../database/like-pattern";
import { isUuid } from "../../graphql/ids";
import { groupByKey } from "../../graphql/loader-registry";
import type { Page } from "../../graphql/pagination";
import type { RequestContext } from "../../graphql/request-context";
import { SHOP_HIDDEN_CYCLE_STATES } from "../cycle/cycle.service";
import { Offer } from "../cycle/offer.entity";
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
 * by Chinese variant name then id; empty for an unknown, unpublished or malformed cycle id.
 * Batched: one query however many products a list shows.
 */
export function offersOfProduct(ctx: RequestContext): DataLoader<string, Offer[]> {
  return ctx.loaders.get(
    "catalog.offersOfProduct",
    () =>
      new DataLoader<string, Offer[]>(async (keys) => {
        const pairs = keys
          .map((key) => key.split(":") as [string, string])
          .filter(([, cycleId]) => isUuid(cycleId));
        if (pairs.length === 0) return keys.map(() => []);
        const rows = await ctx.manager
          .getRepository(Offer)
          .createQueryBuilder("o")
          .innerJoin(
            "order_cycles",
            "c",
            "c.id = o.order_cycle_id AND c.state NOT IN (:...hidden)",
            { hidden: SHOP_HIDDEN_CYCLE_STATES },
          )
          .innerJoin("variants", "v", "v.id = o.variant_id AND v.deleted_at IS NULL")
          .addSelect("v.product_id", "product_id")
          .where("v.product_id IN (:...productIds)", { productIds: pairs.map((p) => p[0]) })
          .andWhere("o.order_cycle_id IN (:...cycleIds)", { cycleIds: pairs.map((p) => p[1]) })
          .orderBy("v.name_zh", "ASC")
          .addOrderBy("o.id", "ASC")
          .getRawAndEntities();
        const productOf = new Map<string, string>();
        rows.raw.forEach((raw: { o_id: string; product_id: string }) =>
          productOf.set(raw.o_id, raw.product_id),
        );
        return groupByKey(keys, rows.entities, (o) => `${productOf.get(o.id)}:${o.orderCycleId}`);
      }),
  );
}
