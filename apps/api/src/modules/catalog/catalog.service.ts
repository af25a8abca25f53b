import DataLoader from "dataloader";
import { In } from "typeorm";
import { containsPattern } from "../../database/like-pattern";
import { groupByKey } from "../../graphql/loader-registry";
import type { Page } from "../../graphql/pagination";
import type { RequestContext } from "../../graphql/request-context";
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
