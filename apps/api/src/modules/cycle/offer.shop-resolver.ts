import { Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { Page } from "../../graphql/pagination";
import type { RequestContext } from "../../graphql/request-context";
import { productById, variantById } from "../catalog/catalog.loaders";
import {
  ProductCategoryEnum,
  ProductType,
  SaleUnitEnum,
  VariantType,
} from "../catalog/catalog.types";
import type { Product, ProductCategory } from "../catalog/product.entity";
import type { SaleUnit, Variant } from "../catalog/variant.entity";
import type { Village } from "../household/village.entity";
import { villageById } from "../household/village.service";
import { VillageType } from "../household/village.types";
import type { Offer } from "./offer.entity";
import { type OfferPricing, offerPricing } from "./offer-pricing";
import { type Grower, growersByOffer, offerKey } from "./offer.service";
import { listOffers } from "./offer.service";
import { GrowerType, OfferList, OfferPricingType, OfferType, OffersArgs } from "./offer.types";

async function variantOf(ctx: RequestContext, offer: Offer): Promise<Variant> {
  const variant = await variantById(ctx).load(offer.variantId);
  if (!variant) throw new Error(`Offer ${offer.id} points at a missing variant`);
  return variant;
}

async function productOf(ctx: RequestContext, offer: Offer): Promise<Product> {
  const variant = await variantOf(ctx, offer);
  const product = await productById(ctx).load(variant.productId);
  if (!product) throw new Error(`Variant ${variant.id} points at a missing product`);
  return product;
}

/** The offers of a cycle, open to anyone browsing the shop; nested fields are batched. */
@Resolver(() => OfferType)
export class OfferShopResolver {
  @Query(() => OfferList, {
    description: "The offers of a cycle; an unknown or unpublished cycle has none.",
  })
  offers(
    @Ctx() ctx: RequestContext,
    @Args(() => OffersArgs) args: OffersArgs,
  ): Promise<Page<Offer>> {
    return listOffers(ctx, {
      orderCycleId: args.orderCycleId,
      skip: args.page.skip,
      take: args.page.take,
      category: args.filter?.category,
      villageId: args.filter?.villageId,
      search: args.filter?.search,
      sortField: args.sort?.field,
      direction: args.sort?.direction,
    });
  }

  @FieldResolver(() => Int, { description: "Units still available: total − reserved." })
  quantityAvailable(@Root() offer: Offer): number {
    return offer.quantityTotal - offer.quantityReserved;
  }

  @FieldResolver(() => VariantType)
  variant(@Root() offer: Offer, @Ctx() ctx: RequestContext): Promise<Variant> {
    return variantOf(ctx, offer);
  }

  @FieldResolver(() => ProductType)
  product(@Root() offer: Offer, @Ctx() ctx: RequestContext): Promise<Product> {
    return productOf(ctx, offer);
  }

  @FieldResolver(() => SaleUnitEnum)
  async unit(@Root() offer: Offer, @Ctx() ctx: RequestContext): Promise<SaleUnit> {
    return (await variantOf(ctx, offer)).unit;
  }

  @FieldResolver(() => ProductCategoryEnum)
  async category(@Root() offer: Offer, @Ctx() ctx: RequestContext): Promise<ProductCategory> {
    return (await productOf(ctx, offer)).category;
  }

  @FieldResolver(() => [Int], { description: "Months (1–12) in which the product is in season." })
  async seasonMonths(@Root() offer: Offer, @Ctx() ctx: RequestContext): Promise<number[]> {
    return (await productOf(ctx, offer)).seasonMonths;
  }

  @FieldResolver(() => [GrowerType], {
    description: "The households that declared this offer's supply in its cycle, by code.",
  })
  growers(@Root() offer: Offer, @Ctx() ctx: RequestContext): Promise<Grower[]> {
    return growersByOffer(ctx).load(offerKey(offer));
  }

  @FieldResolver(() => [VillageType], { description: "Villages of the growers, by Chinese name." })
  async villages(@Root() offer: Offer, @Ctx() ctx: RequestContext): Promise<VillageType[]> {
    const growers = await growersByOffer(ctx).load(offerKey(offer));
    const ids = [...new Set(growers.map((g) => g.villageId))];
    const villages = await villageById(ctx).loadMany(ids);
    return villages
      .filter((v): v is Village => v !== null && !(v instanceof Error))
      .sort((a, b) => (a.nameZh < b.nameZh ? -1 : a.nameZh > b.nameZh ? 1 : 0));
  }

  @FieldResolver(() => OfferPricingType, {
    description: "Producer price premium over the township market and the household's share.",
  })
  pricing(@Root() offer: Offer, @Ctx() ctx: RequestContext): Promise<OfferPricing> {
    return offerPricing(ctx, offer);
  }
}

/** The village of a grower, batched. */
@Resolver(() => GrowerType)
export class GrowerShopResolver {
  @FieldResolver(() => VillageType)
  async village(@Root() grower: Grower, @Ctx() ctx: RequestContext): Promise<VillageType> {
    const village = await villageById(ctx).load(grower.villageId);
    if (!village) throw new Error(`Grower ${grower.code} points at a missing village`);
    return village;
  }
}
