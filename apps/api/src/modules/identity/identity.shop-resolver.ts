import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../graphql/request-context";
import { SignInInput, SignInResult, Viewer } from "./identity.types";
import { InvalidInputError } from "../../graphql/error-result";
import { translatorFor } from "../../i18n/translate";
import {
  InvalidInvitationError,
  AccountExistsError,
  RegisterInput,
  RegisterResult,
} from "./registration.types";
import { registerConsumer, validateRegistration } from "./registration.service";
import { signOut } from "./session.service";
import { answerSignIn, deliverSession, viewerOf } from "./viewer";

/** Shop sign-in and sign-out, and the caller's own account. */
@Resolver()
export class IdentityShopResolver {
  @Query(() => Viewer, { nullable: true, description: "The signed-in caller, or null." })
  me(@Ctx() ctx: RequestContext): Promise<Viewer | null> {
    return viewerOf(ctx);
  }

  @Mutation(() => SignInResult)
  signIn(
    @Arg("input") input: SignInInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof SignInResult> {
    return answerSignIn(ctx, input);
  }

  @Mutation(() => RegisterResult, {
    description: "Join as a consumer household with an invitation code.",
  })
  async register(
    @Arg("input") input: RegisterInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof RegisterResult> {
    const t = translatorFor(ctx.locale);
    const checked = validateRegistration(input, t);
    if (!checked.ok) return new InvalidInputError(t("identity.inputRefused"), checked.problems);
    const outcome = await registerConsumer(ctx, checked.value);
    if ("token" in outcome) return deliverSession(ctx, outcome, input.tokenDelivery);
    if (outcome.kind === "invalid-invitation")
      return new InvalidInvitationError(t("identity.invalidInvitation"));
    return new AccountExistsError(t("identity.accountExists"));
  }

  @Mutation(() => Boolean, {
    description: "Ends the current session; true even if there was none.",
  })
  async signOut(@Ctx() ctx: RequestContext): Promise<boolean> {
    await signOut(ctx);
    ctx.cookies.clear();
    return true;
  }
}
