import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { CycleVariantOverviewType, HouseholdCycleHistoryType } from "./cycle-report.types";
import { cycleOverview, householdHistory } from "./cycle-report.service";

/** Figures of a cycle per variant and of a household per cycle. */
@Resolver()
export class CycleReportAdminResolver {
  @RequirePermission("household:read")
  @Query(() => [CycleVariantOverviewType], {
    description: "Per variant: units declared, offered, ordered, allocated and accepted.",
  })
  cycleOverview(
    @Ctx() ctx: RequestContext,
    @Arg("orderCycleId", () => ID) orderCycleId: string,
  ): Promise<CycleVariantOverviewType[]> {
    return cycleOverview(ctx, orderCycleId);
  }

  @RequirePermission("household:read")
  @Query(() => [HouseholdCycleHistoryType], {
    description: "Per cycle a household took part in: units, sales and payout, newest first.",
  })
  householdHistory(
    @Ctx() ctx: RequestContext,
    @Arg("householdId", () => ID) householdId: string,
  ): Promise<HouseholdCycleHistoryType[]> {
    return householdHistory(ctx, householdId);
  }
}
