import { Args, Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../graphql/request-context";
import { ImpactSummaryArgs, ImpactSummaryType } from "./impact.types";
import { impactSummary } from "./impact.service";

/** The shop's public impact page: aggregates only, open to anyone. */
@Resolver()
export class ImpactShopResolver {
  @Query(() => ImpactSummaryType, {
    description: "Households reached, money paid to them and the farmer share, for one year.",
  })
  impactSummary(
    @Ctx() ctx: RequestContext,
    @Args(() => ImpactSummaryArgs) args: ImpactSummaryArgs,
  ): Promise<ImpactSummaryType> {
    return impactSummary(ctx, args.year);
  }
}
