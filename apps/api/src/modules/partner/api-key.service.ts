import type { RequestContext } from "../../graphql/request-context";
import { API_KEY_PREFIX, hashToken, newToken } from "../identity/token";
import { ApiKey } from "./api-key.entity";
import { PartnerOrganisation } from "./partner-organisation.entity";

/** What partners may do with a key; today there is one scope, reading impact aggregates. */
export const API_KEY_SCOPES = ["impact:read"] as const;

/** A key just issued: the stored row and the secret, which is shown this once and never again. */
export interface IssuedKey {
  apiKey: ApiKey;
  secret: string;
}

/**
 * Issues an API key for a partner organisation; only its SHA-256 hash and its first 8
 * characters (to tell keys apart in lists) are stored. Returns null for an unknown organisation.
 * The caller must be a signed-in user (the key records who issued it).
 */
export async function issueApiKey(
  ctx: RequestContext,
  partnerOrganisationId: string,
): Promise<IssuedKey | null> {
  if (ctx.principal.kind !== "user") throw new Error("issueApiKey needs a signed-in user");
  const organisation = await ctx.manager
    .getRepository(PartnerOrganisation)
    .findOneBy({ id: partnerOrganisationId });
  if (!organisation) return null;
  const secret = newToken(API_KEY_PREFIX);
  const keys = ctx.manager.getRepository(ApiKey);
  const apiKey = await keys.save(
    keys.create({
      partnerOrganisationId,
      prefix: secret.slice(0, 8),
      keyHash: hashToken(secret),
      scopes: [...API_KEY_SCOPES],
      createdByUserId: ctx.principal.userId,
    }),
  );
  return { apiKey, secret };
}

/** Revokes a key at once; the next request with it is anonymous. Returns false for an unknown id. */
export async function revokeApiKey(ctx: RequestContext, apiKeyId: string): Promise<boolean> {
  const result = await ctx.manager
    .getRepository(ApiKey)
    .createQueryBuilder()
    .update()
    .set({ revokedAt: () => "COALESCE(revoked_at, now())" })
    .where("id = :id", { id: apiKeyId })
    .execute();
  return (result.affected ?? 0) > 0;
}
