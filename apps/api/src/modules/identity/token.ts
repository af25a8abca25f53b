import { createHash, randomBytes } from "node:crypto";

/** Prefix of session tokens (sent as cookie or bearer header). */
export const SESSION_TOKEN_PREFIX = "nms_";
/** Prefix of partner API keys (bearer header on /partner/graphql). */
export const API_KEY_PREFIX = "nmk_";

/**
 * A new opaque secret: the prefix and 32 random bytes in base64url (256 bits). Only its
 * {@link hashToken} is stored; the secret itself is shown once.
 */
export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString("base64url");
}

/**
 * SHA-256 of a token, hex. A slow hash is not needed here: the token is 256 random bits, not a
 * password a person chose, so it cannot be guessed from its hash.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
