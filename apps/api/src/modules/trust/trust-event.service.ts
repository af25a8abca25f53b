import type { TFunction } from "i18next";
import { fieldProblem, InvalidInputError, NotFoundError } from "../../graphql/error-result";
import { isUuid } from "../../graphql/ids";
import type { Page } from "../../graphql/pagination";
import { inRefusableTransaction, refuse } from "../../graphql/refusal";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { recordChange } from "../audit/audit.service";
import { managesGroup } from "../household/household.service";
import { ProducerGroup } from "../household/producer-group.entity";
import { Village } from "../household/village.entity";
import { TrustEvent, type TrustEventKind } from "./trust-event.entity";
import {
  type CreateTrustEventInput,
  type TrustEventChangesInput,
  TrustEventType,
} from "./trust-event.types";
import { trustEventProblems } from "./trust-event-validation";

/** Which trust events to list: filters, a page, newest start first (ties by id). */
export interface TrustEventQuery {
  skip: number;
  take: number;
  producerGroupId?: string | null;
  kind?: TrustEventKind | null;
  /** Business days (YYYY-MM-DD, Asia/Shanghai) the start falls on or after / on or before. */
  from?: string | null;
  to?: string | null;
}

/** The GraphQL view of a stored event. */
export function toTrustEventType(event: TrustEvent): TrustEventType {
  return Object.assign(new TrustEventType(), {
    id: event.id,
    producerGroupId: event.producerGroupId,
    kind: event.kind,
    titleZh: event.titleZh,
    titleEn: event.titleEn,
    villageId: event.villageId,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    capacity: event.capacity,
    openToConsumers: event.openToConsumers,
    notes: event.notes,
    cancelledAt: event.cancelledAt,
    createdAt: event.createdAt,
  });
}

/** The invalid-input answer of this module (nothing was saved). */
export function trustRefusal(t: TFunction, problems: { field: string; message: string }[]) {
  return new InvalidInputError(t("trust.eventInputRefused"), problems);
}

function scopedEvents(ctx: RequestContext) {
  const qb = ctx.manager.getRepository(TrustEvent).createQueryBuilder("e");
  if (ctx.principal.kind === "anonymous") return qb.andWhere("false");
  if (ctx.principal.role !== "ADMIN")
    qb.andWhere("e.producer_group_id = ANY(:groups)", {
      groups: [...ctx.principal.producerGroupIds],
    });
  return qb;
}

/**
 * A page of the trust events the caller may see (ADMIN: all; staff: their producer groups'),
 * latest start first, ties by id. `from`/`to` compare the start's day in Asia/Shanghai.
 */
export async function listTrustEvents(
  ctx: RequestContext,
  query: TrustEventQuery,
): Promise<Page<TrustEventType>> {
  const qb = scopedEvents(ctx);
  if (query.producerGroupId) {
    if (!isUuid(query.producerGroupId)) return { items: [], totalItems: 0 };
    qb.andWhere("e.producer_group_id = :group", { group: query.producerGroupId });
  }
  if (query.kind) qb.andWhere("e.kind = :kind", { kind: query.kind });
  const day = "(e.starts_at AT TIME ZONE 'Asia/Shanghai')::date";
  if (query.from) qb.andWhere(`${day} >= :from::date`, { from: query.from });
  if (query.to) qb.andWhere(`${day} <= :to::date`, { to: query.to });
  const [rows, totalItems] = await qb
    .orderBy("e.starts_at", "DESC")
    .addOrderBy("e.id", "ASC")
    .skip(query.skip)
    .take(query.take)
    .getManyAndCount();
  return { items: rows.map(toTrustEventType), totalItems };
}

/**
 * One trust event of the caller's producer groups (ADMIN: any), or null when unknown, out of
 * scope or the id is malformed. `lock` takes the row lock FOR UPDATE in the current
 * transaction: every change of an event, its households and its sign-ups takes it first, so
 * they happen one after another (the shop's sign-up takes it too).
 */
export async function findTrustEvent(
  ctx: RequestContext,
  id: string,
  lock = false,
): Promise<TrustEvent | null> {
  if (!isUuid(id)) return null;
  const qb = scopedEvents(ctx).andWhere("e.id = :id", { id });
  if (lock) qb.setLock("pessimistic_write");
  return qb.getOne();
}

/**
 * Like {@link findTrustEvent} with the lock, inside a refusable transaction: refuses with
 * NotFoundError when there is no such event for the caller, and with InvalidInputError when it
 * was cancelled (a cancelled event is not changed any more).
 */
export async function lockOpenTrustEvent(ctx: RequestContext, id: string): Promise<TrustEvent> {
  const t = translatorFor(ctx.locale);
  const event = await findTrustEvent(ctx, id, true);
  if (!event) refuse(new NotFoundError(t("trust.eventNotFound")));
  if (event.cancelledAt) refuse(trustRefusal(t, [fieldProblem("id", t("trust.eventCancelled"))]));
  return event;
}

async function villageExists(ctx: RequestContext, id: string): Promise<boolean> {
  return isUuid(id) && (await ctx.manager.getRepository(Village).existsBy({ id }));
}

function trimmed(value: string | null | undefined): string | null | undefined {
  return typeof value === "string" ? value.trim() : value;
}

/**
 * Creates a trust event (`trust:manage`) in one of the caller's producer groups (ADMIN: any);
 * the village defaults to the group's, the English title to the Chinese one. Past dates are
 * allowed (meetings are often recorded afterwards). Writes `trustEvent.create` to the audit log.
 * NotFoundError for a group outside the caller's scope; InvalidInputError (nothing saved) for
 * bad fields (see {@link trustEventProblems}) or an unknown village.
 */
export async function createTrustEvent(
  ctx: RequestContext,
  input: CreateTrustEventInput,
): Promise<TrustEventType | NotFoundError | InvalidInputError> {
  const t = translatorFor(ctx.locale);
  const problems = trustEventProblems(input, input.kind, t);
  if (problems.length) return trustRefusal(t, problems);
  return inRefusableTransaction(ctx, async (tx) => {
    const group = isUuid(input.producerGroupId)
      ? await tx.manager.getRepository(ProducerGroup).findOneBy({ id: input.producerGroupId })
      : null;
    if (!group || !managesGroup(tx, group.id)) refuse(new NotFoundError(t("trust.groupNotFound")));
    const villageId = input.villageId ?? group.villageId;
    if (!(await villageExists(tx, villageId)))
      refuse(trustRefusal(t, [fieldProblem("villageId", t("trust.villageNotFound"))]));
    const titleZh = input.titleZh!.trim();
    const repo = tx.manager.getRepository(TrustEvent);
    const event = await repo.save(
      repo.create({
        producerGroupId: group.id,
        kind: input.kind,
        titleZh,
        titleEn: trimmed(input.titleEn) ?? titleZh,
        villageId,
        startsAt: input.startsAt!,
        endsAt: input.endsAt!,
        capacity: input.capacity ?? null,
        openToConsumers: input.openToConsumers ?? false,
        notes: input.notes ?? null,
        cancelledAt: null,
      }),
    );
    await recordChange(tx, {
      action: "trustEvent.create",
      entityType: "TrustEvent",
      entityId: event.id,
      before: null,
      after: event,
    });
    return toTrustEventType(event);
  });
}

/**
 * Changes a trust event of the caller's scope (`trust:manage`); omitted fields stay. Capacity
 * may not drop below the people already signed up (live sign-ups). A cancelled event is not
 * changed. Writes `trustEvent.update` with before and after. A refused input changes nothing.
 */
export async function updateTrustEvent(
  ctx: RequestContext,
  id: string,
  input: TrustEventChangesInput,
): Promise<TrustEventType | NotFoundError | InvalidInputError> {
  const t = translatorFor(ctx.locale);
  return inRefusableTransaction(ctx, async (tx) => {
    const before = await lockOpenTrustEvent(tx, id);
    const problems = trustEventProblems(input, before.kind, t, before);
    if (input.villageId != null && !(await villageExists(tx, input.villageId)))
      problems.push(fieldProblem("villageId", t("trust.villageNotFound")));
    if (input.capacity != null && problems.length === 0) {
      const [{ taken }] = (await tx.manager.query(
        `SELECT COALESCE(sum(people), 0)::int AS taken FROM trust_event_attendances
          WHERE trust_event_id = $1 AND state <> 'CANCELLED'`,
        [id],
      )) as [{ taken: number }];
      if (input.capacity < taken)
        problems.push(fieldProblem("capacity", t("trust.capacityBelowTaken", { taken })));
    }
    if (problems.length) refuse(trustRefusal(t, problems));
    const changes: Partial<TrustEvent> = {};
    if (input.titleZh != null) changes.titleZh = input.titleZh.trim();
    if (input.titleEn != null) changes.titleEn = input.titleEn.trim();
    if (input.villageId != null) changes.villageId = input.villageId;
    if (input.startsAt != null) changes.startsAt = input.startsAt;
    if (input.endsAt != null) changes.endsAt = input.endsAt;
    if (input.capacity !== undefined) changes.capacity = input.capacity;
    if (input.openToConsumers != null) changes.openToConsumers = input.openToConsumers;
    if (input.notes !== undefined) changes.notes = input.notes;
    const repo = tx.manager.getRepository(TrustEvent);
    await repo.update({ id }, changes);
    const after = await repo.findOneByOrFail({ id });
    await recordChange(tx, {
      action: "trustEvent.update",
      entityType: "TrustEvent",
      entityId: id,
      before,
      after,
    });
    return toTrustEventType(after);
  });
}

/**
 * Cancels a trust event of the caller's scope (`trust:manage`): it leaves the shop's upcoming
 * visits and takes no sign-ups, but its sign-ups are kept and shown with the visit cancelled.
 * Writes `trustEvent.cancel`. Cancelling twice is refused with InvalidInputError.
 */
export async function cancelTrustEvent(
  ctx: RequestContext,
  id: string,
): Promise<TrustEventType | NotFoundError | InvalidInputError> {
  return inRefusableTransaction(ctx, async (tx) => {
    const before = await lockOpenTrustEvent(tx, id);
    const repo = tx.manager.getRepository(TrustEvent);
    await repo.update({ id }, { cancelledAt: () => "now()" });
    const after = await repo.findOneByOrFail({ id });
    await recordChange(tx, {
      action: "trustEvent.cancel",
      entityType: "TrustEvent",
      entityId: id,
      before,
      after,
    });
    return toTrustEventType(after);
  });
}
