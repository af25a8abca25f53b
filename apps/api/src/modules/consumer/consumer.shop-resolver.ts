import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { InvalidInputError, NotFoundError } from "../../graphql/error-result";
import { RequireSignIn } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import {
  createInvitationCode,
  MAX_UNUSED_INVITATIONS,
  myInvitationCodes,
} from "./invitation.service";
import {
  CreateInvitationCodeResult,
  InvitationCodeType,
  InvitationLimitError,
} from "./invitation.types";
import { myProfile, updateMyProfile } from "./profile.service";
import {
  MyHouseholdProfileType,
  UpdateMyProfileInput,
  UpdateMyProfileResult,
} from "./profile.types";

/** The caller's own consumer household: profile and invitation codes. */
@Resolver()
export class ConsumerShopResolver {
  @RequireSignIn()
  @Query(() => MyHouseholdProfileType, {
    nullable: true,
    description: "The caller's consumer household; null for accounts without one (staff).",
  })
  myHouseholdProfile(@Ctx() ctx: RequestContext): Promise<MyHouseholdProfileType | null> {
    return myProfile(ctx);
  }

  @RequireSignIn()
  @Mutation(() => UpdateMyProfileResult)
  async updateMyProfile(
    @Arg("input", () => UpdateMyProfileInput) input: UpdateMyProfileInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof UpdateMyProfileResult> {
    const t = translatorFor(ctx.locale);
    const outcome = await updateMyProfile(ctx, input, t);
    if (outcome.kind === "updated") return outcome.profile;
    if (outcome.kind === "invalid")
      return new InvalidInputError(t("consumer.inputRefused"), outcome.problems);
    return new NotFoundError(t("consumer.noConsumerHousehold"));
  }

  @RequireSignIn()
  @Query(() => [InvitationCodeType], { description: "Codes the caller's household issued." })
  myInvitationCodes(@Ctx() ctx: RequestContext): Promise<InvitationCodeType[]> {
    return myInvitationCodes(ctx);
  }

  @RequireSignIn()
  @Mutation(() => CreateInvitationCodeResult, {
    description: `A new code valid for 90 days; at most ${MAX_UNUSED_INVITATIONS} unused codes at a time.`,
  })
  async createInvitationCode(
    @Ctx() ctx: RequestContext,
  ): Promise<typeof CreateInvitationCodeResult> {
    const t = translatorFor(ctx.locale);
    const outcome = await createInvitationCode(ctx);
    if (outcome.kind === "created") return outcome.code;
    if (outcome.kind === "limit")
      return new InvitationLimitError(
        t("consumer.invitationLimit", { max: MAX_UNUSED_INVITATIONS }),
        MAX_UNUSED_INVITATIONS,
      );
    return new NotFoundError(t("consumer.noConsumerHousehold"));
  }
}
