import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import type { ProducerGroup } from "./producer-group.entity";
import { listProducerGroups } from "./producer-group.service";
import { ProducerGroupType } from "./producer-group.types";
import { villageById } from "./village.service";
import { VillageType } from "./village.types";

/** The producer groups a caller works with (staff and finance: theirs; admin: all). */
@Resolver(() => ProducerGroupType)
export class ProducerGroupAdminResolver {
  @RequirePermission("household:read")
  @Query(() => [ProducerGroupType], {
    description: "Producer groups the caller works for (every group for an admin), oldest first.",
  })
  producerGroups(@Ctx() ctx: RequestContext): Promise<ProducerGroup[]> {
    return listProducerGroups(ctx);
  }

  @FieldResolver(() => VillageType)
  async village(
    @Root() group: ProducerGroupType,
    @Ctx() ctx: RequestContext,
  ): Promise<VillageType> {
    const village = await villageById(ctx).load(group.villageId);
    if (!village) throw new Error(`producer group ${group.id} has no village ${group.villageId}`);
    return village;
  }
}
