import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { backgroundJob, enqueueCycleJob } from "./background-job.service";
import { BackgroundJobResult, BackgroundJobType } from "./background-job.types";

/** Background jobs on the admin side: enqueue a settlement calculation or an export, and poll. */
@Resolver(() => BackgroundJobType)
export class BackgroundJobAdminResolver {
  @RequirePermission("settlement:approve")
  @Mutation(() => BackgroundJobResult, {
    description:
      "recalculateSettlements as a background job (any replica runs it); poll backgroundJob(id). Refused in the job (FAILED) unless the cycle is SETTLING.",
  })
  enqueueSettlementCalculation(
    @Ctx() ctx: RequestContext,
    @Arg("orderCycleId", () => ID) orderCycleId: string,
  ): Promise<typeof BackgroundJobResult> {
    return enqueueCycleJob(ctx, "settlement.calculate", orderCycleId);
  }

  @RequirePermission("intake:record")
  @Mutation(() => BackgroundJobResult, {
    description:
      "The cycle's packing list CSV, made by a background job; when COMPLETED, GET its downloadPath (only the requester may).",
  })
  requestPackingListExport(
    @Ctx() ctx: RequestContext,
    @Arg("orderCycleId", () => ID) orderCycleId: string,
  ): Promise<typeof BackgroundJobResult> {
    return enqueueCycleJob(ctx, "export.packing-list", orderCycleId);
  }

  @RequirePermission("household:read")
  @Query(() => BackgroundJobResult, {
    description: "A job the caller requested; anyone else's is not found.",
  })
  backgroundJob(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
  ): Promise<typeof BackgroundJobResult> {
    return backgroundJob(ctx, id);
  }
}
