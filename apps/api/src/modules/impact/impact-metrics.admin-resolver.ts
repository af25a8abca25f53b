import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { RequirePermission } from "../../graphql/permissions";
import { can, type RequestContext } from "../../graphql/request-context";
import { impactMetrics } from "./impact-metrics.service";
import { ImpactMetricsInput, ImpactTableType } from "./impact-metrics.types";

/** The staff view of the impact metrics: the caller's groups (ADMIN: all). */
@Resolver()
export class ImpactMetricsAdminResolver {
  @RequirePermission("impact:read")
  @Query(() => ImpactTableType, {
    description:
      "The partners' impact metrics over the caller's producer groups (ADMIN: all). Suppressed as for partners with k = 5, unless `unsuppressed` is asked by a holder of impact:read-unsuppressed (ADMIN); asked by anyone else it is ignored.",
  })
  impactMetrics(
    @Ctx() ctx: RequestContext,
    @Arg("query", () => ImpactMetricsInput) query: ImpactMetricsInput,
    @Arg("unsuppressed", () => Boolean, { defaultValue: false }) unsuppressed: boolean,
  ): Promise<ImpactTableType> {
    return impactMetrics(ctx, query, unsuppressed && can(ctx, "impact:read-unsuppressed"));
  }
}
