import { normalizeChinaPhone, type Role } from "@nested/domain";
import type { RequestContext } from "../../graphql/request-context";
import { hashPassword, verifyPassword } from "./password";
import { Session } from "./session.entity";
import { hashToken, newToken, SESSION_TOKEN_PREFIX } from "./token";
import { User } from "./user.entity";

/** How long a session lasts from sign-in: 30 days, so a phone stays signed in between cycles. */
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** A session just made: the secret token (shown once) and the signed-in user. */
export interface NewSession {
  token: string;
  expiresAt: Date;
  user: User;
}

let dummyHash: Promise<string> | null = null;

/**
 * Finds a live user by e-mail (any case) or phone (normalised to E.164). A login that is neither
 * a valid e-mail nor a valid phone finds nobody.
 */
export async function findUserByLogin(ctx: RequestContext, login: string): Promise<User | null> {
  const trimmed = login.trim();
  const users = ctx.manager.getRepository(User);
  if (trimmed.includes("@")) {
    return users
      .createQueryBuilder("u")
      .where("lower(u.email) = lower(:email)", { email: trimmed })
      .getOne();
  }
  let phone: string;
  try {
    phone = normalizeChinaPhone(trimmed);
  } catch {
    return null;
  }
  return users.findOne({ where: { phone } });
}

/** Stores a new session for `user` (only the token's hash) and returns the token once. */
export async function startSession(
  ctx: RequestContext,
  user: User,
  userAgent?: string,
): Promise<NewSession> {
  const token = newToken(SESSION_TOKEN_PREFIX);
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  await ctx.manager.getRepository(Session).insert({
    userId: user.id,
    tokenHash: hashToken(token),
    expiresAt,
    userAgent: userAgent?.slice(0, 200) ?? null,
  });
  return { token, expiresAt, user };
}

/**
 * Checks a login (e-mail or phone) and password; on success starts a session.
 * Returns null for a wrong password, an unknown account and a role `allowRole` refuses alike, after the same argon2
 * work, so neither the answer nor its timing tells whether the account exists.
 */
export async function signIn(
  ctx: RequestContext,
  login: string,
  password: string,
  allowRole: (role: Role) => boolean = () => true,
): Promise<NewSession | null> {
  const user = await findUserByLogin(ctx, login);
  if (!user || user.disabledAt || !allowRole(user.role)) {
    dummyHash ??= hashPassword("not-a-real-password");
    await verifyPassword(await dummyHash, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return startSession(ctx, user);
}

/** Revokes the caller's current session, if any; signing out twice is harmless. */
export async function signOut(ctx: RequestContext): Promise<void> {
  if (ctx.principal.kind !== "user") return;
  await ctx.manager
    .getRepository(Session)
    .update({ id: ctx.principal.sessionId }, { revokedAt: new Date() });
}

/** The signed-in user, or null for anonymous and API-key callers. */
export async function currentUser(ctx: RequestContext): Promise<User | null> {
  if (ctx.principal.kind !== "user") return null;
  return ctx.manager.getRepository(User).findOne({ where: { id: ctx.principal.userId } });
}
