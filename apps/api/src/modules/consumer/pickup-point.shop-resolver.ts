import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../graphql/request-context";
import { PickupPointType } from "./pickup-point.types";
import { listPickupPoints } from "./pickup-point.service";

/** Where orders can be picked up, open to anyone browsing the shop. */
@Resolver(() => PickupPointType)
export class PickupPointShopResolver {
  @Query(() => [PickupPointType])
  pickupPoints(
    @Ctx() ctx: RequestContext,
    @Arg("producerGroupId", () => ID, { nullable: true }) producerGroupId?: string | null,
  ): Promise<PickupPointType[]> {
    return listPickupPoints(ctx, producerGroupId);
  }
}
