import { Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../graphql/request-context";
import { VillageType } from "./village.types";
import { listVillages } from "./village.service";

/** The villages the produce comes from, open to anyone browsing the shop. */
@Resolver(() => VillageType)
export class VillageShopResolver {
  @Query(() => [VillageType])
  villages(@Ctx() ctx: RequestContext): Promise<VillageType[]> {
    return listVillages(ctx);
  }
}
