import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { listCycleOffers, publishOffers } from "./offer-publish.service";
import { listDeclarations, recordDeclarations } from "./supply-declaration.service";
import {
  CycleOfferType,
  OfferPlanInput,
  PublishOffersResult,
  SupplyDeclarationEntry,
  SupplyDeclarationsResult,
  SupplyDeclarationType,
} from "./supply.types";

/** Supply declarations (报货) and the offers made from them. */
@Resolver()
export class SupplyAdminResolver {
  @RequirePermission("household:read")
  @Query(() => [SupplyDeclarationType], {
    description: "Declarations of a cycle (optionally of one household), by household code.",
  })
  supplyDeclarations(
    @Ctx() ctx: RequestContext,
    @Arg("orderCycleId", () => ID) orderCycleId: string,
    @Arg("householdId", () => ID, { nullable: true }) householdId?: string | null,
  ): Promise<SupplyDeclarationType[]> {
    return listDeclarations(ctx, orderCycleId, householdId);
  }

  @RequirePermission("cycle:manage")
  @Mutation(() => SupplyDeclarationsResult, {
    description:
      "Records a list of declarations while the cycle is DRAFT or DECLARING, all or nothing; quantity 0 removes one.",
  })
  recordSupplyDeclarations(
    @Ctx() ctx: RequestContext,
    @Arg("orderCycleId", () => ID) orderCycleId: string,
    @Arg("entries", () => [SupplyDeclarationEntry]) entries: SupplyDeclarationEntry[],
  ): Promise<typeof SupplyDeclarationsResult> {
    return recordDeclarations(ctx, orderCycleId, entries) as Promise<
      typeof SupplyDeclarationsResult
    >;
  }

  @RequirePermission("household:read")
  @Query(() => [CycleOfferType], {
    description: "Offers of a cycle with units declared, on offer and reserved.",
  })
  offers(
    @Ctx() ctx: RequestContext,
    @Arg("orderCycleId", () => ID) orderCycleId: string,
  ): Promise<CycleOfferType[]> {
    return listCycleOffers(ctx, orderCycleId);
  }

  @RequirePermission("cycle:manage")
  @Mutation(() => PublishOffersResult, {
    description:
      "Creates or replaces offers from the declarations (DECLARING); while OPEN only adds units at unchanged prices.",
  })
  publishOffers(
    @Ctx() ctx: RequestContext,
    @Arg("orderCycleId", () => ID) orderCycleId: string,
    @Arg("offers", () => [OfferPlanInput]) offers: OfferPlanInput[],
  ): Promise<typeof PublishOffersResult> {
    return publishOffers(ctx, orderCycleId, offers) as Promise<typeof PublishOffersResult>;
  }
}
