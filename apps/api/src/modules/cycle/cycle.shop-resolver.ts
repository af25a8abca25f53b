import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../graphql/request-context";
import { MarketCyclesType, OrderCycleType } from "./cycle.types";
import { currentCycles, shopCycleById } from "./cycle.service";

/** Order cycles, open to anyone browsing the shop. */
@Resolver(() => OrderCycleType)
export class CycleShopResolver {
  @Query(() => [MarketCyclesType], {
    description:
      "Per producer group (or for one), the cycle to order in now (or the next to open) and the one after it.",
  })
  currentCycles(
    @Ctx() ctx: RequestContext,
    @Arg("producerGroupId", () => ID, { nullable: true }) producerGroupId?: string | null,
  ): Promise<MarketCyclesType[]> {
    return currentCycles(ctx, producerGroupId);
  }

  @Query(() => OrderCycleType, {
    nullable: true,
    description: "A cycle shown in the shop; null when unknown or not published.",
  })
  orderCycle(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
  ): Promise<OrderCycleType | null> {
    return shopCycleById(ctx, id);
  }
}
