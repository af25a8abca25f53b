import DataLoader from "dataloader";
import { In } from "typeorm";
import { byKey } from "../../graphql/loader-registry";
import type { RequestContext } from "../../graphql/request-context";
import { Product } from "./product.entity";
import { ReferencePrice } from "./reference-price.entity";
import { Variant } from "./variant.entity";

/** Variants by id (soft-deleted ones included: offers and orders keep pointing at them). */
export function variantById(ctx: RequestContext): DataLoader<string, Variant | null> {
  return ctx.loaders.get(
    "catalog.variantById",
    () =>
      new DataLoader<string, Variant | null>(async (ids) => {
        const rows = await ctx.manager
          .getRepository(Variant)
          .find({ where: { id: In([...ids]) }, withDeleted: true });
        return byKey(ids, rows, (v) => v.id);
      }),
  );
}

/** Products by id (soft-deleted ones included, as for {@link variantById}). */
export function productById(ctx: RequestContext): DataLoader<string, Product | null> {
  return ctx.loaders.get(
    "catalog.productById",
    () =>
      new DataLoader<string, Product | null>(async (ids) => {
        const rows = await ctx.manager
          .getRepository(Product)
          .find({ where: { id: In([...ids]) }, withDeleted: true });
        return byKey(ids, rows, (p) => p.id);
      }),
  );
}

/**
 * The latest township reference price of each variant: the row with the latest `observed_on`,
 * then the latest `created_at`, then the highest id (a unique tie-breaker). One query per batch.
 */
export function latestReferencePrice(
  ctx: RequestContext,
): DataLoader<string, ReferencePrice | null> {
  return ctx.loaders.get(
    "catalog.latestReferencePrice",
    () =>
      new DataLoader<string, ReferencePrice | null>(async (variantIds) => {
        const rows = await ctx.manager
          .getRepository(ReferencePrice)
          .createQueryBuilder("r")
          .distinctOn(["r.variant_id"])
          .where("r.variant_id IN (:...ids)", { ids: [...variantIds] })
          .orderBy("r.variant_id")
          .addOrderBy("r.observed_on", "DESC")
          .addOrderBy("r.created_at", "DESC")
          .addOrderBy("r.id", "DESC")
          .getMany();
        return byKey(variantIds, rows, (r) => r.variantId);
      }),
  );
}
