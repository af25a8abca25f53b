import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { type Page, PageInput } from "../../graphql/pagination";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import type { Household } from "./household.entity";
import { HouseholdFilter, HouseholdList, HouseholdSort, HouseholdType } from "./household.types";
import { listHouseholds } from "./household.service";
import { villageById } from "./village.service";
import { VillageType } from "./village.types";

/** The household register, for project staff. */
@Resolver(() => HouseholdType)
export class HouseholdAdminResolver {
  @RequirePermission("household:read")
  @Query(() => HouseholdList, { description: "Households of the caller's producer groups." })
  households(
    @Ctx() ctx: RequestContext,
    @Arg("page", () => PageInput, { defaultValue: { skip: 0, take: 20 } }) page: PageInput,
    @Arg("filter", () => HouseholdFilter, { nullable: true }) filter?: HouseholdFilter | null,
    @Arg("sort", () => HouseholdSort, { nullable: true }) sort?: HouseholdSort | null,
  ): Promise<Page<Household>> {
    return listHouseholds(ctx, {
      ...page,
      ...filter,
      sort: sort ?? { field: "CODE", direction: "ASC" },
    });
  }

  @FieldResolver(() => VillageType)
  async village(
    @Root() household: HouseholdType,
    @Ctx() ctx: RequestContext,
  ): Promise<VillageType> {
    const village = await villageById(ctx).load(household.villageId);
    if (!village)
      throw new Error(`household ${household.id} has no village ${household.villageId}`);
    return village;
  }
}
