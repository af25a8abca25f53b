import type { MembershipState, PovertyStatus } from "@nested/domain";
import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { LocalDateScalar } from "../../graphql/scalars";
import type { ConsentKind, ConsentMethod } from "./consent-record.entity";
import { ConsentKindEnum, ConsentMethodEnum, PovertyStatusEnum } from "./household-detail.types";
import {
  ConsentResult,
  CreateHouseholdInput,
  HouseholdChangesInput,
  HouseholdMemberInput,
  HouseholdMemberResult,
  HouseholdResult,
  HouseholdYearResult,
} from "./household-input.types";
import {
  changeMembership,
  createHousehold,
  recordConsent,
  setHouseholdYear,
  updateHousehold,
  withdrawConsent,
} from "./household-register.service";
import { addHouseholdMember, updateHouseholdMember } from "./household-member.service";
import { MembershipStateEnum } from "./household.types";

/** Changes to the household register; each is written to the audit log with before and after. */
@Resolver()
export class HouseholdRegisterAdminResolver {
  @RequirePermission("household:write")
  @Mutation(() => HouseholdResult, {
    description: "Registers a household; sensitive inputs need household:write-sensitive.",
  })
  createHousehold(
    @Ctx() ctx: RequestContext,
    @Arg("input", () => CreateHouseholdInput) input: CreateHouseholdInput,
  ): Promise<typeof HouseholdResult> {
    return createHousehold(ctx, input);
  }

  @RequirePermission("household:write")
  @Mutation(() => HouseholdResult, {
    description: "Changes a household; a refused input changes nothing.",
  })
  updateHousehold(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("input", () => HouseholdChangesInput) input: HouseholdChangesInput,
  ): Promise<typeof HouseholdResult> {
    return updateHousehold(ctx, id, input);
  }

  @RequirePermission("household:write-sensitive")
  @Mutation(() => HouseholdYearResult, {
    description: "Records or corrects one year's poverty status and per-capita net income (yuan).",
  })
  setHouseholdYear(
    @Ctx() ctx: RequestContext,
    @Arg("householdId", () => ID) householdId: string,
    @Arg("year", () => Int) year: number,
    @Arg("povertyStatus", () => PovertyStatusEnum) povertyStatus: PovertyStatus,
    @Arg("perCapitaNetIncomeYuan", () => Int) perCapitaNetIncomeYuan: number,
  ): Promise<typeof HouseholdYearResult> {
    return setHouseholdYear(ctx, householdId, year, povertyStatus, perCapitaNetIncomeYuan);
  }

  @RequirePermission("household:write")
  @Mutation(() => ConsentResult, { description: "Records a consent given by a household." })
  recordConsent(
    @Ctx() ctx: RequestContext,
    @Arg("householdId", () => ID) householdId: string,
    @Arg("kind", () => ConsentKindEnum) kind: ConsentKind,
    @Arg("grantedOn", () => LocalDateScalar) grantedOn: string,
    @Arg("method", () => ConsentMethodEnum) method: ConsentMethod,
  ): Promise<typeof ConsentResult> {
    return recordConsent(ctx, householdId, kind, grantedOn, method);
  }

  @RequirePermission("household:write")
  @Mutation(() => ConsentResult, {
    description:
      "Withdraws a consent; a PUBLIC_PROFILE withdrawal hides the profile from the shop at once.",
  })
  withdrawConsent(
    @Ctx() ctx: RequestContext,
    @Arg("consentId", () => ID) consentId: string,
    @Arg("withdrawnOn", () => LocalDateScalar) withdrawnOn: string,
  ): Promise<typeof ConsentResult> {
    return withdrawConsent(ctx, consentId, withdrawnOn);
  }

  @RequirePermission("household:write")
  @Mutation(() => HouseholdResult, {
    description:
      "Moves membership (APPLIED → ACTIVE ⇄ SUSPENDED → LEFT); a refused move lists the allowed states.",
  })
  changeMembership(
    @Ctx() ctx: RequestContext,
    @Arg("householdId", () => ID) householdId: string,
    @Arg("to", () => MembershipStateEnum) to: MembershipState,
    @Arg("on", () => LocalDateScalar, { description: "Business day of the change." }) on: string,
  ): Promise<typeof HouseholdResult> {
    return changeMembership(ctx, householdId, to, on);
  }

  @RequirePermission("household:write")
  @Mutation(() => HouseholdResult, {
    description:
      "The household leaves its group (membership LEFT, left on `leftOn`); its history stays.",
  })
  leaveGroup(
    @Ctx() ctx: RequestContext,
    @Arg("householdId", () => ID) householdId: string,
    @Arg("leftOn", () => LocalDateScalar) leftOn: string,
  ): Promise<typeof HouseholdResult> {
    return changeMembership(ctx, householdId, "LEFT", leftOn);
  }

  @RequirePermission("household:write-sensitive")
  @Mutation(() => HouseholdMemberResult, {
    description: "Adds a member (health and disability are sensitive).",
  })
  addHouseholdMember(
    @Ctx() ctx: RequestContext,
    @Arg("householdId", () => ID) householdId: string,
    @Arg("input", () => HouseholdMemberInput) input: HouseholdMemberInput,
  ): Promise<typeof HouseholdMemberResult> {
    return addHouseholdMember(ctx, householdId, input);
  }

  @RequirePermission("household:write-sensitive")
  @Mutation(() => HouseholdMemberResult, {
    description: "Replaces what is recorded of one member.",
  })
  updateHouseholdMember(
    @Ctx() ctx: RequestContext,
    @Arg("memberId", () => ID) memberId: string,
    @Arg("input", () => HouseholdMemberInput) input: HouseholdMemberInput,
  ): Promise<typeof HouseholdMemberResult> {
    return updateHouseholdMember(ctx, memberId, input);
  }
}
