import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { FieldProblem, InvalidInputError, NotFoundError } from "../../graphql/error-result";
import { RequireSignIn } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { villageById } from "../household/village.service";
import { VillageType } from "../household/village.types";
import {
  AlreadySignedUpError,
  CancelVisitSignUpResult,
  SignUpForVisitResult,
  VillageVisitType,
  VisitFullError,
  VisitSignUpType,
} from "./visit.types";
import {
  cancelVisitSignUp,
  MAX_PEOPLE_PER_SIGN_UP,
  myVisitSignUps,
  signUpForVisit,
  upcomingVisits,
  visitById,
} from "./visit.service";

/** Village visits: anyone may browse; signing up needs a consumer household. */
@Resolver(() => VillageVisitType)
export class VisitShopResolver {
  @Query(() => [VillageVisitType], {
    description: "Village visits open to consumers that have not started, soonest first.",
  })
  upcomingVisits(
    @Ctx() ctx: RequestContext,
    @Arg("producerGroupId", () => ID, { nullable: true }) producerGroupId?: string | null,
  ): Promise<VillageVisitType[]> {
    return upcomingVisits(ctx, producerGroupId);
  }

  @FieldResolver(() => VillageType)
  async village(@Root() visit: VillageVisitType, @Ctx() ctx: RequestContext): Promise<VillageType> {
    const village = await villageById(ctx).load(visit.villageId);
    if (!village) throw new Error(`Visit ${visit.id} points at a missing village`);
    return village;
  }

  @RequireSignIn()
  @Mutation(() => SignUpForVisitResult, {
    description: `Sign your household up with 1 to ${MAX_PEOPLE_PER_SIGN_UP} people.`,
  })
  async signUpForVisit(
    @Ctx() ctx: RequestContext,
    @Arg("trustEventId", () => ID) trustEventId: string,
    @Arg("people", () => Int, { defaultValue: 1 }) people: number,
  ): Promise<typeof SignUpForVisitResult> {
    const t = translatorFor(ctx.locale);
    const outcome = await signUpForVisit(ctx, trustEventId, people);
    switch (outcome.kind) {
      case "signed-up":
        return outcome.signUp;
      case "invalid-people":
        return new InvalidInputError(t("trust.inputRefused"), [
          Object.assign(new FieldProblem(), {
            field: "people",
            message: t("trust.peopleRange", { max: MAX_PEOPLE_PER_SIGN_UP }),
          }),
        ]);
      case "not-found":
        return new NotFoundError(t("trust.visitNotFound"));
      case "already-signed-up":
        return new AlreadySignedUpError(t("trust.alreadySignedUp"));
      case "full":
        return new VisitFullError(
          t("trust.full", { placesLeft: outcome.placesLeft }),
          outcome.placesLeft,
        );
    }
  }

  @RequireSignIn()
  @Mutation(() => CancelVisitSignUpResult, {
    description: "Cancel your live sign-up for a visit that has not started.",
  })
  async cancelVisitSignUp(
    @Ctx() ctx: RequestContext,
    @Arg("trustEventId", () => ID) trustEventId: string,
  ): Promise<typeof CancelVisitSignUpResult> {
    const cancelled = await cancelVisitSignUp(ctx, trustEventId);
    return cancelled ?? new NotFoundError(translatorFor(ctx.locale)("trust.signUpNotFound"));
  }

  @RequireSignIn()
  @Query(() => [VisitSignUpType], { description: "Your sign-ups, latest visit first." })
  myVisitSignUps(@Ctx() ctx: RequestContext): Promise<VisitSignUpType[]> {
    return myVisitSignUps(ctx);
  }
}

/** The visit of a sign-up, batched. */
@Resolver(() => VisitSignUpType)
export class VisitSignUpShopResolver {
  @FieldResolver(() => VillageVisitType)
  async visit(
    @Root() signUp: VisitSignUpType,
    @Ctx() ctx: RequestContext,
  ): Promise<VillageVisitType> {
    const visit = await visitById(ctx).load(signUp.trustEventId);
    if (!visit) throw new Error(`Sign-up ${signUp.id} points at a missing visit`);
    return visit;
  }
}
