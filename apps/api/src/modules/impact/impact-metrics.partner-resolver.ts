import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { impactMetrics } from "./impact-metrics.service";
import { ImpactMetricsInput, ImpactTableType } from "./impact-metrics.types";

/** Impact aggregates for partner organisations: suppressed, their producer groups only. */
@Resolver()
export class ImpactMetricsPartnerResolver {
  @RequirePermission("impact:read")
  @Query(() => ImpactTableType, {
    description:
      "Impact metrics × the grouped dimensions over the organisation's producer groups. Cells from fewer than k households (and cells that would reveal them) are suppressed.",
  })
  impactMetrics(
    @Ctx() ctx: RequestContext,
    @Arg("query", () => ImpactMetricsInput) query: ImpactMetricsInput,
  ): Promise<ImpactTableType> {
    return impactMetrics(ctx, query);
  }
}
