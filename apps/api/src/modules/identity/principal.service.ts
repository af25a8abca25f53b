import type { Role } from "@nested/domain";
import type { EntityManager } from "typeorm";
import type { Principal } from "../../graphql/request-context";
import { API_KEY_PREFIX, hashToken, SESSION_TOKEN_PREFIX } from "./token";

/** Which endpoint is asking: partner accepts API keys, shop and admin accept sessions. */
export type Audience = "shop" | "admin" | "partner";

interface SessionRow {
  session_id: string;
  user_id: string;
  role: Role;
  producer_group_ids: string[] | null;
}

interface ApiKeyRow {
  api_key_id: string;
  partner_organisation_id: string;
  producer_group_ids: string[] | null;
}

async function sessionPrincipal(manager: EntityManager, token: string): Promise<Principal> {
  // One statement: the live session, its user, and the producer groups the user may see
  // (staff: the groups they work for; a partner user: the groups its organisation may see).
  const rows: SessionRow[] = await manager.query(
    `SELECT s.id AS session_id, u.id AS user_id, u.role,
            COALESCE(
              (SELECT array_agg(g.producer_group_id) FROM user_producer_groups g WHERE g.user_id = u.id),
              (SELECT array_agg(p.producer_group_id) FROM partner_organisation_groups p
                 WHERE p.partner_organisation_id = u.partner_organisation_id)
            ) AS producer_group_ids
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
        AND u.deleted_at IS NULL AND u.disabled_at IS NULL`,
    [hashToken(token)],
  );
  const row = rows[0];
  if (!row) return { kind: "anonymous" };
  return {
    kind: "user",
    userId: row.user_id,
    role: row.role,
    sessionId: row.session_id,
    producerGroupIds: row.producer_group_ids ?? [],
  };
}

async function apiKeyPrincipal(manager: EntityManager, token: string): Promise<Principal> {
  const rows: ApiKeyRow[] = await manager.query(
    `SELECT k.id AS api_key_id, k.partner_organisation_id,
            (SELECT array_agg(p.producer_group_id) FROM partner_organisation_groups p
              WHERE p.partner_organisation_id = k.partner_organisation_id) AS producer_group_ids
       FROM api_keys k WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
    [hashToken(token)],
  );
  if (rows[0])
    await manager.query("UPDATE api_keys SET last_used_at = now() WHERE id = $1", [
      rows[0].api_key_id,
    ]);
  const row = rows[0];
  if (!row) return { kind: "anonymous" };
  return {
    kind: "api-key",
    apiKeyId: row.api_key_id,
    partnerOrganisationId: row.partner_organisation_id,
    role: "PARTNER",
    producerGroupIds: row.producer_group_ids ?? [],
  };
}

/**
 * Who a bearer token or session cookie belongs to, read from the database on every request (no
 * session state in memory, so any API process can serve). An unknown, expired or revoked token,
 * or one of the wrong kind for the endpoint, is anonymous — never an error.
 */
export async function resolvePrincipal(
  manager: EntityManager,
  token: string,
  audience: Audience,
): Promise<Principal> {
  if (token.startsWith(API_KEY_PREFIX)) {
    return audience === "partner" ? apiKeyPrincipal(manager, token) : { kind: "anonymous" };
  }
  if (!token.startsWith(SESSION_TOKEN_PREFIX)) return { kind: "anonymous" };
  const principal = await sessionPrincipal(manager, token);
  if (audience === "partner" && principal.kind === "user" && principal.role !== "PARTNER") {
    return { kind: "anonymous" };
  }
  return principal;
}
