import type { Role } from "@nested/domain";
import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { Public, RequireSignIn } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { SignInInput, SignInResult, Viewer } from "./identity.types";
import { signOut } from "./session.service";
import { answerSignIn, viewerOf } from "./viewer";

/** Roles that may sign in to the admin side; a consumer gets the same refusal as a wrong password. */
const ADMIN_SIDE_ROLES: readonly Role[] = ["STAFF", "FINANCE", "ADMIN", "PARTNER"];

/** Staff (and partner users') sign-in and sign-out on the admin side. */
@Resolver()
export class IdentityAdminResolver {
  @RequireSignIn()
  @Query(() => Viewer, { description: "The signed-in staff member or partner user." })
  async me(@Ctx() ctx: RequestContext): Promise<Viewer | null> {
    return viewerOf(ctx);
  }

  @Public()
  @Mutation(() => SignInResult, { description: "Open to anyone: this is how staff get a session." })
  signIn(
    @Arg("input") input: SignInInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof SignInResult> {
    return answerSignIn(ctx, input, (role) => ADMIN_SIDE_ROLES.includes(role));
  }

  @Public()
  @Mutation(() => Boolean, {
    description: "Ends the current session; true even if there was none.",
  })
  async signOut(@Ctx() ctx: RequestContext): Promise<boolean> {
    await signOut(ctx);
    ctx.cookies.clear();
    return true;
  }
}
