import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { cycleAllocation, type LotAllocation } from "./allocation-query.service";
import { LotAllocationType } from "./allocation-query.types";

/** The allocation of a cycle, lot by lot, with the reasons, for the staff's cycle board. */
@Resolver()
export class AllocationAdminResolver {
  @RequirePermission("intake:record")
  @Query(() => [LotAllocationType], {
    description:
      "Per lot of a cycle: units allocated, rank and the structured reason; by product, then rank.",
  })
  cycleAllocation(
    @Ctx() ctx: RequestContext,
    @Arg("orderCycleId", () => ID) orderCycleId: string,
  ): Promise<LotAllocation[]> {
    return cycleAllocation(ctx, orderCycleId);
  }
}
