import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { readFromReplica } from "../../database/replica";
import { type Page, PageInput } from "../../graphql/pagination";
import type { RequestContext } from "../../graphql/request-context";
import { OfferType, ReferencePriceType } from "../cycle/offer.types";
import { latestReferencePrice } from "./catalog.loaders";
import { ProductFilter, ProductList, ProductType, VariantType } from "./catalog.types";
import type { Product } from "./product.entity";
import type { ReferencePrice } from "./reference-price.entity";
import {
  listProducts,
  offersOfProduct,
  shopProductById,
  variantsByProduct,
} from "./catalog.service";

/** The product catalogue, open to anyone browsing the shop. */
@Resolver(() => ProductType)
export class CatalogShopResolver {
  @Query(() => ProductList, {
    description: "Products by Chinese name, filtered by category or name.",
  })
  products(
    @Ctx() ctx: RequestContext,
    @Arg("page", () => PageInput, { defaultValue: { skip: 0, take: 20 } }) page: PageInput,
    @Arg("filter", () => ProductFilter, { nullable: true }) filter?: ProductFilter | null,
  ): Promise<Page<Product>> {
    // A catalogue page may be a moment stale: read it from a replica when there is one.
    return readFromReplica(ctx, (replica) => listProducts(replica, { ...page, ...filter }));
  }

  @Query(() => ProductType, {
    nullable: true,
    description: "One product with its variants; null when unknown or withdrawn.",
  })
  product(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<Product | null> {
    return shopProductById(ctx, id);
  }

  @FieldResolver(() => [VariantType])
  variants(@Root() product: ProductType, @Ctx() ctx: RequestContext): Promise<VariantType[]> {
    return variantsByProduct(ctx).load(product.id);
  }

  @FieldResolver(() => [OfferType], {
    description:
      "This product's offers in one cycle, each with its price comparison (`pricing`); empty when the cycle is unknown. Batched.",
  })
  offers(
    @Root() product: ProductType,
    @Ctx() ctx: RequestContext,
    @Arg("orderCycleId", () => ID) orderCycleId: string,
  ): Promise<OfferType[]> {
    return offersOfProduct(ctx).load(`${product.id}:${orderCycleId}`);
  }
}

/** A variant's township reference price, batched. */
@Resolver(() => VariantType)
export class VariantShopResolver {
  @FieldResolver(() => ReferencePriceType, {
    nullable: true,
    description: "The latest price observed on the township market, if any.",
  })
  referencePrice(
    @Root() variant: VariantType,
    @Ctx() ctx: RequestContext,
  ): Promise<ReferencePrice | null> {
    return latestReferencePrice(ctx).load(variant.id);
  }
}
