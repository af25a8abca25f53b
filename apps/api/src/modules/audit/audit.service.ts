import DataLoader from "dataloader";
import { isUuid } from "../../graphql/ids";
import type { Page } from "../../graphql/pagination";
import type { RequestContext } from "../../graphql/request-context";
import { AuditLogEntry } from "./audit-log-entry.entity";

/** Audit action written when sensitive household fields are read (one row per household per request). */
export const READ_SENSITIVE = "READ_SENSITIVE";

/** The acting user's id, or null for anonymous callers and API keys (system actions). */
export function actorOf(ctx: RequestContext): string | null {
  return ctx.principal.kind === "user" ? ctx.principal.userId : null;
}

/**
 * Appends one change to the audit log in the caller's transaction (`ctx.manager`), so that the
 * row is written if and only if the change is committed. `before`/`after` are plain JSON
 * snapshots of the row (null for a creation / nothing after).
 */
export async function recordChange(
  ctx: RequestContext,
  change: {
    action: string;
    entityType: string;
    entityId: string;
    before: object | null;
    after: object | null;
  },
): Promise<void> {
  const repo = ctx.manager.getRepository(AuditLogEntry);
  await repo.save(
    repo.create({
      actorUserId: actorOf(ctx),
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      before: change.before ? toJson(change.before) : null,
      after: change.after ? toJson(change.after) : null,
    }),
  );
}

/** A JSON-safe copy of an entity (dates become ISO strings). */
function toJson(value: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/**
 * The per-request batch of sensitive reads: a DataLoader keyed by household id that writes one
 * `READ_SENSITIVE` row per household, listing the fields gathered in `fields` so far.
 */
class SensitiveReadBatch extends DataLoader<string, true> {
  /** Household id → names of the sensitive fields read. */
  readonly fields = new Map<string, Set<string>>();

  constructor(ctx: RequestContext) {
    super(async (householdIds) => {
      const rows = householdIds.map((householdId) => ({
        actorUserId: actorOf(ctx),
        action: READ_SENSITIVE,
        entityType: "Household",
        entityId: householdId,
        before: null,
        after: { fields: [...(this.fields.get(householdId) ?? [])].sort() },
      }));
      const repo = ctx.dataSource.getRepository(AuditLogEntry);
      await repo.save(repo.create(rows));
      return householdIds.map(() => true as const);
    });
  }
}

/**
 * Records that the caller is about to see sensitive field `field` of household `householdId`,
 * and resolves once the audit row is written. Reads are batched per request: every field asked
 * for in the same tick of execution (sibling fields, all items of a list) goes into one
 * `READ_SENSITIVE` row per household (`after.fields` lists them, sorted); the per-request
 * DataLoader cache makes sure a household gets at most one row per request, however many
 * fields or aliases read it. A field first asked for after that household's row was written
 * (e.g. from a second root field resolved later) is not added to it.
 *
 * The row is written outside any transaction and before the value is returned: a read that
 * cannot be audited fails instead of revealing the data.
 */
export async function auditSensitiveRead(
  ctx: RequestContext,
  householdId: string,
  field: string,
): Promise<void> {
  const batch = ctx.loaders.get(
    "audit.sensitiveRead",
    () => new SensitiveReadBatch(ctx),
  ) as SensitiveReadBatch;
  const fields = batch.fields.get(householdId) ?? new Set<string>();
  fields.add(field);
  batch.fields.set(householdId, fields);
  await batch.load(householdId);
}

/** A page of the audit log of one entity, newest first (ties by id). */
export async function listAuditLog(
  ctx: RequestContext,
  query: { entityType: string; entityId: string; skip: number; take: number },
): Promise<Page<AuditLogEntry>> {
  if (!isUuid(query.entityId)) return { items: [], totalItems: 0 };
  const [items, totalItems] = await ctx.manager.getRepository(AuditLogEntry).findAndCount({
    where: { entityType: query.entityType, entityId: query.entityId },
    order: { at: "DESC", id: "ASC" },
    skip: query.skip,
    take: query.take,
  });
  return { items, totalItems };
}
