import { parse, serialize } from "cookie";
import type { Request, Response } from "express";
import type { SessionCookieJar } from "../graphql/request-context";

/** Name of the httpOnly cookie that carries the SPA's session token. */
export const SESSION_COOKIE = "nm_session";

/** The session token a request carries: the cookie, else an `Authorization: Bearer` header. */
export function tokenFromRequest(req: Request): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice("Bearer ".length).trim() || null;
  const cookies = parse(req.headers.cookie ?? "");
  return cookies[SESSION_COOKIE] ?? null;
}

/** Sets and clears the session cookie on `res`: httpOnly, SameSite=Lax, Secure in production. */
export function cookieJar(res: Response, secure: boolean): SessionCookieJar {
  const base = { httpOnly: true, sameSite: "lax", secure, path: "/" } as const;
  return {
    set(token, expiresAt) {
      res.append("Set-Cookie", serialize(SESSION_COOKIE, token, { ...base, expires: expiresAt }));
    },
    clear() {
      res.append("Set-Cookie", serialize(SESSION_COOKIE, "", { ...base, expires: new Date(0) }));
    },
  };
}
