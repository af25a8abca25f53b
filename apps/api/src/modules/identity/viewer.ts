import type { Role } from "@nested/domain";
import { InvalidCredentialsError, TooManyAttemptsError } from "../../graphql/error-result";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import {
  type SignInInput,
  type SignInResult,
  SignedIn,
  TokenDelivery,
  Viewer,
} from "./identity.types";
import { currentUser, type NewSession, signIn } from "./session.service";
import type { User } from "./user.entity";

/** The caller's own user, as a {@link Viewer}. */
export function toViewer(user: User): Viewer {
  return Object.assign(new Viewer(), {
    id: user.id,
    displayName: user.displayName,
    email: user.email,
    phone: user.phone,
    role: user.role,
    locale: user.locale,
  });
}

/** The signed-in caller as a {@link Viewer}, or null. */
export async function viewerOf(ctx: RequestContext): Promise<Viewer | null> {
  const user = await currentUser(ctx);
  return user ? toViewer(user) : null;
}

/**
 * Signs in and hands the new session to the client. Any refusal is the one
 * InvalidCredentialsError, in the caller's language; after too many failures for the login or
 * the address (see SignInLimiter), TooManyAttemptsError until the window ends.
 */
export async function answerSignIn(
  ctx: RequestContext,
  input: SignInInput,
  allowRole?: (role: Role) => boolean,
): Promise<typeof SignInResult> {
  const t = translatorFor(ctx.locale);
  const wait = await ctx.signInLimiter.retryAfterSeconds(input.login, ctx.clientAddress);
  if (wait > 0) {
    return new TooManyAttemptsError(
      t("identity.tooManyAttempts", { minutes: Math.ceil(wait / 60) }),
      wait,
    );
  }
  const session = await signIn(ctx, input.login, input.password, allowRole);
  if (!session) {
    await ctx.signInLimiter.recordFailure(input.login, ctx.clientAddress);
    return new InvalidCredentialsError(t("identity.invalidCredentials"));
  }
  await ctx.signInLimiter.recordSuccess(input.login);
  return deliverSession(ctx, session, input.tokenDelivery);
}

/** Hands a new session to the client: as the httpOnly cookie, or in the body for BEARER delivery. */
export function deliverSession(
  ctx: RequestContext,
  session: NewSession,
  delivery: TokenDelivery,
): SignedIn {
  if (delivery === TokenDelivery.COOKIE) ctx.cookies.set(session.token, session.expiresAt);
  return Object.assign(new SignedIn(), {
    viewer: toViewer(session.user),
    token: delivery === TokenDelivery.BEARER ? session.token : null,
    expiresAt: session.expiresAt,
  });
}
