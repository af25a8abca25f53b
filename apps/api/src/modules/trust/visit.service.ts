import DataLoader from "dataloader";
import { QueryFailedError } from "typeorm";
import { isUuid } from "../../graphql/ids";
import { byKey } from "../../graphql/loader-registry";
import { inTransaction, type RequestContext } from "../../graphql/request-context";
import { callerConsumerHousehold } from "../consumer/consumer-household.service";
import { TrustEventAttendance } from "./trust-event-attendance.entity";
import { VillageVisitType, VisitSignUpType } from "./visit.types";

/** Most people one household may bring to a visit. */
export const MAX_PEOPLE_PER_SIGN_UP = 10;

interface VisitRow {
  id: string;
  producer_group_id: string;
  title_zh: string;
  title_en: string;
  village_id: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number | null;
  cancelled_at: Date | null;
  taken: number;
}

const VISIT_COLUMNS = `
  e.id, e.producer_group_id, e.title_zh, e.title_en, e.village_id, e.starts_at, e.ends_at,
  e.capacity, e.cancelled_at,
  COALESCE((SELECT sum(a.people) FROM trust_event_attendances a
            WHERE a.trust_event_id = e.id AND a.state <> 'CANCELLED'), 0)::int AS taken`;

/** Trust events consumers may see: village visits open to them (cancelled ones included). */
const OPEN_VISIT = `e.kind = 'VILLAGE_VISIT' AND e.open_to_consumers`;
/** Visits a consumer may still sign up for: open, not cancelled, not started. */
const BOOKABLE_VISIT = `${OPEN_VISIT} AND e.cancelled_at IS NULL AND e.starts_at > now()`;

function toVisit(row: VisitRow): VillageVisitType {
  return Object.assign(new VillageVisitType(), {
    id: row.id,
    producerGroupId: row.producer_group_id,
    titleZh: row.title_zh,
    titleEn: row.title_en,
    villageId: row.village_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    capacity: row.capacity,
    placesLeft: row.capacity === null ? null : Math.max(0, row.capacity - row.taken),
    cancelled: row.cancelled_at !== null,
  });
}

function toSignUp(row: TrustEventAttendance): VisitSignUpType {
  return Object.assign(new VisitSignUpType(), {
    id: row.id,
    trustEventId: row.trustEventId,
    people: row.people,
    state: row.state,
    createdAt: row.createdAt,
  });
}

/**
 * Village visits open to consumers, not cancelled, that start after the database's `now()`, soonest first (id
 * as tie-breaker), optionally of one producer group, with the places left. One query.
 */
export async function upcomingVisits(
  ctx: RequestContext,
  producerGroupId?: string | null,
): Promise<VillageVisitType[]> {
  if (producerGroupId && !isUuid(producerGroupId)) return [];
  const rows: VisitRow[] = await ctx.manager.query(
    `SELECT ${VISIT_COLUMNS} FROM trust_events e
     WHERE ${BOOKABLE_VISIT}
       AND ($1::uuid IS NULL OR e.producer_group_id = $1::uuid)
     ORDER BY e.starts_at, e.id`,
    [producerGroupId ?? null],
  );
  return rows.map(toVisit);
}

/** Visits (open to consumers, past or future) by id with their places left, batched. */
export function visitById(ctx: RequestContext): DataLoader<string, VillageVisitType | null> {
  return ctx.loaders.get(
    "trust.visitById",
    () =>
      new DataLoader<string, VillageVisitType | null>(async (ids) => {
        const rows: VisitRow[] = await ctx.manager.query(
          `SELECT ${VISIT_COLUMNS} FROM trust_events e WHERE ${OPEN_VISIT} AND e.id = ANY($1::uuid[])`,
          [[...ids]],
        );
        return byKey(ids, rows.map(toVisit), (v) => v.id);
      }),
  );
}

/** The outcome of {@link signUpForVisit}; nothing is stored unless `signed-up`. */
export type SignUpOutcome =
  | { kind: "signed-up"; signUp: VisitSignUpType }
  | { kind: "invalid-people" }
  | { kind: "not-found" }
  | { kind: "already-signed-up" }
  | { kind: "full"; placesLeft: number };

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError && (error.driverError as { code?: string }).code === "23505"
  );
}

/**
 * Signs the caller's household up for an upcoming village visit with `people` people (1 to
 * {@link MAX_PEOPLE_PER_SIGN_UP}). The event row is locked FOR UPDATE first, so concurrent
 * sign-ups are counted one after another and the capacity holds; a household has at most one
 * live sign-up per visit (checked, and guarded by the partial unique index
 * `uq_trust_event_attendances_live_sign_up`). Unknown, past, closed, cancelled or malformed ids:
 * not-found.
 */
export async function signUpForVisit(
  ctx: RequestContext,
  trustEventId: string,
  people: number,
): Promise<SignUpOutcome> {
  if (!Number.isInteger(people) || people < 1 || people > MAX_PEOPLE_PER_SIGN_UP)
    return { kind: "invalid-people" };
  if (!isUuid(trustEventId)) return { kind: "not-found" };
  try {
    return await inTransaction(ctx, async (tx) => {
      const household = await callerConsumerHousehold(tx);
      if (!household) return { kind: "not-found" } as const;
      const [event]: { id: string; producer_group_id: string; capacity: number | null }[] =
        await tx.manager.query(
          `SELECT e.id, e.producer_group_id, e.capacity FROM trust_events e
           WHERE e.id = $1 AND ${BOOKABLE_VISIT}
           FOR UPDATE`,
          [trustEventId],
        );
      if (!event) return { kind: "not-found" } as const;
      const live = await tx.manager
        .getRepository(TrustEventAttendance)
        .createQueryBuilder("a")
        .where("a.trust_event_id = :id", { id: event.id })
        .andWhere("a.state <> 'CANCELLED'")
        .getMany();
      if (live.some((a) => a.consumerHouseholdId === household.id))
        return { kind: "already-signed-up" } as const;
      if (event.capacity !== null) {
        const placesLeft = event.capacity - live.reduce((sum, a) => sum + a.people, 0);
        if (people > placesLeft)
          return { kind: "full", placesLeft: Math.max(0, placesLeft) } as const;
      }
      const repo = tx.manager.getRepository(TrustEventAttendance);
      const saved = await repo.save(
        repo.create({
          producerGroupId: event.producer_group_id,
          trustEventId: event.id,
          consumerHouseholdId: household.id,
          people,
          state: "SIGNED_UP",
        }),
      );
      return { kind: "signed-up", signUp: toSignUp(saved) } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: "already-signed-up" };
    throw error;
  }
}

/**
 * Cancels the caller's live sign-up (state SIGNED_UP) for a visit that has not started yet,
 * freeing its places. Returns the cancelled sign-up, or null when there is none to cancel.
 */
export async function cancelVisitSignUp(
  ctx: RequestContext,
  trustEventId: string,
): Promise<VisitSignUpType | null> {
  if (!isUuid(trustEventId)) return null;
  return inTransaction(ctx, async (tx) => {
    const household = await callerConsumerHousehold(tx);
    if (!household) return null;
    const [event]: { id: string }[] = await tx.manager.query(
      `SELECT e.id FROM trust_events e
       WHERE e.id = $1 AND ${OPEN_VISIT} AND e.starts_at > now()
       FOR UPDATE`,
      [trustEventId],
    );
    if (!event) return null;
    const repo = tx.manager.getRepository(TrustEventAttendance);
    const signUp = await repo.findOneBy({
      trustEventId: event.id,
      consumerHouseholdId: household.id,
      state: "SIGNED_UP",
    });
    if (!signUp) return null;
    await repo.update({ id: signUp.id }, { state: "CANCELLED" });
    return toSignUp({ ...signUp, state: "CANCELLED" });
  });
}

/** The caller's sign-ups of every state, latest visit first; empty without a household. */
export async function myVisitSignUps(ctx: RequestContext): Promise<VisitSignUpType[]> {
  const household = await callerConsumerHousehold(ctx);
  if (!household) return [];
  const rows = await ctx.manager
    .getRepository(TrustEventAttendance)
    .createQueryBuilder("a")
    .innerJoin("trust_events", "e", "e.id = a.trust_event_id")
    .where("a.consumer_household_id = :id", { id: household.id })
    .orderBy("e.starts_at", "DESC")
    .addOrderBy("a.created_at", "DESC")
    .addOrderBy("a.id", "DESC")
    .getMany();
  return rows.map(toSignUp);
}
