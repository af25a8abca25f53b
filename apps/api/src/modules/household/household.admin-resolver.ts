import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { NotFoundError } from "../../graphql/error-result";
import { type Page, PageInput } from "../../graphql/pagination";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import type { ConsentRecord } from "./consent-record.entity";
import type { Household, LivelihoodResources } from "./household.entity";
import {
  ConsentRecordType,
  HouseholdMemberType,
  HouseholdYearType,
  LivelihoodResourcesType,
} from "./household-detail.types";
import { HouseholdLookup } from "./household-input.types";
import type { HouseholdMember } from "./household-member.entity";
import type { HouseholdYear } from "./household-year.entity";
import { consentsByHousehold } from "./household.loaders";
import {
  readSensitive,
  seesSensitive,
  sensitiveMembers,
  sensitiveYears,
} from "./household-sensitive.service";
import { HouseholdFilter, HouseholdList, HouseholdSort, HouseholdType } from "./household.types";
import { findHousehold, listHouseholds } from "./household.service";
import { villageById } from "./village.service";
import { VillageType } from "./village.types";

const SENSITIVE =
  "Sensitive: null unless the caller holds household:read-sensitive; each read is audited.";

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

  @RequirePermission("household:read")
  @Query(() => HouseholdLookup, {
    description: "One household of the caller's producer groups (ADMIN: any).",
  })
  async household(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
  ): Promise<Household | NotFoundError> {
    return (
      (await findHousehold(ctx, id)) ??
      new NotFoundError(translatorFor(ctx.locale)("household.notFound"))
    );
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

  @FieldResolver(() => LivelihoodResourcesType)
  livelihoodResources(@Root() household: Household): LivelihoodResources {
    return household.livelihoodResources;
  }

  @FieldResolver(() => [ConsentRecordType], { description: "Consents, by grant date." })
  consents(@Root() household: Household, @Ctx() ctx: RequestContext): Promise<ConsentRecord[]> {
    return consentsByHousehold(ctx).load(household.id);
  }

  @FieldResolver(() => Boolean, {
    description: "Whether the caller may see the sensitive fields (else they are null).",
  })
  sensitiveDataVisible(@Ctx() ctx: RequestContext): boolean {
    return seesSensitive(ctx);
  }

  @FieldResolver(() => [HouseholdMemberType], { nullable: true, description: SENSITIVE })
  members(
    @Root() household: Household,
    @Ctx() ctx: RequestContext,
  ): Promise<HouseholdMember[] | null> {
    return sensitiveMembers(ctx, household);
  }

  @FieldResolver(() => [HouseholdYearType], {
    nullable: true,
    description: `Poverty status and per-capita net income per year. ${SENSITIVE}`,
  })
  years(@Root() household: Household, @Ctx() ctx: RequestContext): Promise<HouseholdYear[] | null> {
    return sensitiveYears(ctx, household);
  }

  @FieldResolver(() => [String], { nullable: true, description: SENSITIVE })
  causesOfPoverty(
    @Root() household: Household,
    @Ctx() ctx: RequestContext,
  ): Promise<string[] | null> {
    return readSensitive(ctx, household, "causesOfPoverty", () => household.causesOfPoverty);
  }

  @FieldResolver(() => String, { nullable: true, description: `ID card number. ${SENSITIVE}` })
  async idNumber(@Root() household: Household, @Ctx() ctx: RequestContext): Promise<string | null> {
    return readSensitive(ctx, household, "idNumber", () => household.idNumber);
  }

  @FieldResolver(() => String, { nullable: true, description: `Bank account. ${SENSITIVE}` })
  async bankAccount(
    @Root() household: Household,
    @Ctx() ctx: RequestContext,
  ): Promise<string | null> {
    return readSensitive(ctx, household, "bankAccount", () => household.bankAccount);
  }
}
