import type { Permission, Role } from "@nested/domain";
import { roleHasPermission } from "@nested/domain";
import type { Logger } from "pino";
import type { DataSource, EntityManager } from "typeorm";
import type { SignInLimiter } from "../modules/identity/sign-in-limiter";
import type { JobQueue } from "../modules/jobs/job-queue";
import type { OrderLimiter } from "../modules/order/order-limiter";
import { LoaderRegistry } from "./loader-registry";

/** A signed-in person: consumer, staff, finance, admin or a partner's staff. */
export interface UserPrincipal {
  kind: "user";
  userId: string;
  role: Role;
  sessionId: string;
  /** Producer groups whose data this user may see (staff: the groups they work for). */
  producerGroupIds: readonly string[];
}

/** A partner organisation calling with an API key. */
export interface ApiKeyPrincipal {
  kind: "api-key";
  apiKeyId: string;
  partnerOrganisationId: string;
  role: "PARTNER";
  producerGroupIds: readonly string[];
}

/** Whoever is calling; anonymous callers may browse the shop and nothing else. */
export type Principal = { kind: "anonymous" } | UserPrincipal | ApiKeyPrincipal;

/** How a resolver sets or clears the SPA's httpOnly session cookie without touching HTTP. */
export interface SessionCookieJar {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/**
 * Everything a service needs about the request, passed as its first argument (DESIGN.md,
 * "Server layout"). `manager` is the transaction in force: services read and write through it,
 * so a transaction opened by {@link inTransaction} flows through every call.
 */
export interface RequestContext {
  requestId: string;
  principal: Principal;
  locale: "zh-CN" | "en";
  dataSource: DataSource;
  manager: EntityManager;
  loaders: LoaderRegistry;
  cookies: SessionCookieJar;
  /** The client's address (behind a proxy on loopback, the forwarded one), for rate limits. */
  clientAddress: string;
  /** Failed sign-in counters, shared by all requests of this API process. */
  signInLimiter: SignInLimiter;
  /**
   * Ordering operation counters shared by all requests of this API process (and, with Redis, by
   * all replicas); absent in contexts built for calling services directly, which are not limited.
   */
  orderLimiter?: OrderLimiter;
  /**
   * The background job queue (pg-boss on PostgreSQL, inline with PGlite); absent in contexts
   * built for calling services directly and in jobs themselves.
   */
  jobs?: JobQueue;
  log: Logger;
}

/** The role of the caller, or null when anonymous. */
export function roleOf(ctx: Pick<RequestContext, "principal">): Role | null {
  return ctx.principal.kind === "anonymous" ? null : ctx.principal.role;
}

/** True when the caller's role holds `permission` (DESIGN.md: default deny). */
export function can(ctx: Pick<RequestContext, "principal">, permission: Permission): boolean {
  return roleHasPermission(roleOf(ctx), permission);
}

/**
 * Runs `work` in one database transaction with a context whose `manager` is that transaction;
 * nested calls reuse the outer transaction. Rolls back when `work` throws.
 */
export async function inTransaction<T>(
  ctx: RequestContext,
  work: (tx: RequestContext) => Promise<T>,
): Promise<T> {
  if (ctx.manager.queryRunner?.isTransactionActive) return work(ctx);
  return ctx.dataSource.transaction((manager) => work({ ...ctx, manager }));
}
