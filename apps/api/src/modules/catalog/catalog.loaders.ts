import DataLoader from "dataloader";
import { byKey } from "../../graphql/loader-registry";
import type { RequestContext } from "../../graphql/request-context";
import { ReferencePrice } from "./reference-price.entity";

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
