import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { readFromReplica } from "../../database/replica";
import type { Page } from "../../graphql/pagination";
import type { RequestContext } from "../../graphql/request-context";
import { VillageType } from "../household/village.types";
import { type OfferPricing, offerPricing } from "./offer-pricing";
import { growersByOffer, listOffers, offerKey } from "./offer.service";
import { GrowerType, OfferList, OfferPricingType, OfferType, OffersArgs } from "./offer.types";

/**
 * The offers of a cycle, open to anyone browsing the shop. Offers arrive with variant and product
 * filled; growers (with their villages) and reference prices are batched per request.
 */
@Resolver(() => OfferType)
export class OfferShopResolver {
  @Query(() => OfferList, {
    description: "The offers of a cycle; an unknown or unpublished cycle has none.",
  })
  offers(
    @Ctx() ctx: RequestContext,
    @Args(() => OffersArgs) args: OffersArgs,
  ): Promise<Page<OfferType>> {
    // A catalogue page may be a moment stale: read it from a replica when there is one.
    return readFromReplica(ctx, (replica) =>
      listOffers(replica, {
        orderCycleId: args.orderCycleId,
        skip: args.page.skip,
        take: args.page.take,
        category: args.filter?.category,
        villageId: args.filter?.villageId,
        search: args.filter?.search,
        sortField: args.sort?.field,
        direction: args.sort?.direction,
      }),
    );
  }

  @FieldResolver(() => [GrowerType], {
    description: "The households that declared this offer's supply in its cycle, by code.",
  })
  growers(@Root() offer: OfferType, @Ctx() ctx: RequestContext): Promise<GrowerType[]> {
    return growersByOffer(ctx).load(offerKey(offer));
  }

  @FieldResolver(() => [VillageType], { description: "Villages of the growers, by Chinese name." })
  async villages(@Root() offer: OfferType, @Ctx() ctx: RequestContext): Promise<VillageType[]> {
    const growers = await growersByOffer(ctx).load(offerKey(offer));
    const villages = [...new Set(growers.map((g) => g.village))];
    return villages.sort((a, b) => (a.nameZh < b.nameZh ? -1 : a.nameZh > b.nameZh ? 1 : 0));
  }

  @FieldResolver(() => OfferPricingType, {
    description: "Producer price premium over the township market and the household's share.",
  })
  pricing(@Root() offer: OfferType, @Ctx() ctx: RequestContext): Promise<OfferPricing> {
    return offerPricing(ctx, offer);
  }
}
