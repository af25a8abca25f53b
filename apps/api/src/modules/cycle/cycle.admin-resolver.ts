import { orderCycleMachine, type OrderCycleState } from "@nested/domain";
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { NotFoundError } from "../../graphql/error-result";
import { type Page, PageInput } from "../../graphql/pagination";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import {
  AdminOrderCycleList,
  AdminOrderCycleType,
  CreateOrderCycleInput,
  OrderCycleChangesInput,
  OrderCycleLookup,
  OrderCycleResult,
} from "./cycle-admin.types";
import { createCycle, cycleForAdmin, listCycles, updateCycle } from "./cycle-admin.service";
import { transitionCycle } from "./cycle-transition.service";
import { OrderCycle } from "./order-cycle.entity";
import { requestImpactRefresh } from "../jobs/background-job.service";
import { OrderCycleStateEnum } from "./cycle.types";

/** Order cycles as project staff run them: plan, edit, move through the states. */
@Resolver(() => AdminOrderCycleType)
export class CycleAdminResolver {
  @RequirePermission("household:read")
  @Query(() => AdminOrderCycleList, {
    description: "Cycles of the caller's producer groups (ADMIN: all), newest first.",
  })
  orderCycles(
    @Ctx() ctx: RequestContext,
    @Arg("page", () => PageInput, { defaultValue: { skip: 0, take: 20 } }) page: PageInput,
    @Arg("producerGroupId", () => ID, { nullable: true }) producerGroupId?: string | null,
    @Arg("state", () => OrderCycleStateEnum, { nullable: true }) state?: OrderCycleState | null,
  ): Promise<Page<OrderCycle>> {
    return listCycles(ctx, { ...page, producerGroupId, state });
  }

  @RequirePermission("household:read")
  @Query(() => OrderCycleLookup)
  orderCycle(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
  ): Promise<OrderCycle | NotFoundError> {
    return cycleForAdmin(ctx, id);
  }

  @FieldResolver(() => [OrderCycleStateEnum], {
    description: "States the cycle may move to now (orderCycleMachine), for the admin's buttons.",
  })
  nextStates(@Root() cycle: AdminOrderCycleType): readonly OrderCycleState[] {
    return orderCycleMachine.nextStates(cycle.state);
  }

  @RequirePermission("cycle:manage")
  @Mutation(() => OrderCycleResult, { description: "A new DRAFT cycle of a group you manage." })
  createOrderCycle(
    @Ctx() ctx: RequestContext,
    @Arg("input", () => CreateOrderCycleInput) input: CreateOrderCycleInput,
  ): Promise<typeof OrderCycleResult> {
    return createCycle(ctx, input);
  }

  @RequirePermission("cycle:manage")
  @Mutation(() => OrderCycleResult, {
    description: "Changes code or dates while DRAFT or DECLARING; a refusal changes nothing.",
  })
  updateOrderCycle(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("input", () => OrderCycleChangesInput) input: OrderCycleChangesInput,
  ): Promise<typeof OrderCycleResult> {
    return updateCycle(ctx, id, input);
  }

  @RequirePermission("cycle:manage")
  @Mutation(() => OrderCycleResult, {
    description:
      "Moves a cycle to its next state and does what entering it means (close: lock orders, create lots; cancel: cancel orders and release stock).",
  })
  async transitionOrderCycle(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("to", () => OrderCycleStateEnum) to: OrderCycleState,
  ): Promise<typeof OrderCycleResult> {
    const result = await transitionCycle(ctx, id, to);
    // A SETTLED cycle's payouts count in the impact figures: refresh the impact views (a job).
    if (result instanceof OrderCycle && result.state === "SETTLED") await requestImpactRefresh(ctx);
    return result as typeof OrderCycleResult;
  }
}
