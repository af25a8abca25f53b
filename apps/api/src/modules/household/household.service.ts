import type { MembershipState } from "@nested/domain";
import type { SelectQueryBuilder } from "typeorm";
import { containsPattern } from "../../database/like-pattern";
import { isUuid } from "../../graphql/ids";
import type { Page } from "../../graphql/pagination";
import type { RequestContext } from "../../graphql/request-context";
import { Household } from "./household.entity";

/** Which households to list, and in what order (ties broken by id). */
export interface HouseholdQuery {
  skip: number;
  take: number;
  villageId?: string | null;
  producerGroupId?: string | null;
  registeredPoor?: boolean | null;
  membershipState?: MembershipState | null;
  /** false: membership state null (never applied); true: any membership state. */
  hasMembership?: boolean | null;
  search?: string | null;
  sort: { field: "CODE" | "HEAD_NAME" | "JOINED_ON" | "SIZE"; direction: "ASC" | "DESC" };
}

const SORT_COLUMNS = {
  CODE: "h.code",
  HEAD_NAME: "h.head_name",
  JOINED_ON: "h.joined_on",
  SIZE: "h.size",
} as const;

/**
 * A page of the household register, limited to what the caller may see: ADMIN every household;
 * other staff the households of the producer groups they work for, and the non-participating
 * households of those groups' villages.
 */
export async function listHouseholds(
  ctx: RequestContext,
  query: HouseholdQuery,
): Promise<Page<Household>> {
  const qb = scopedHouseholds(ctx);
  if (query.villageId) qb.andWhere("h.village_id = :villageId", { villageId: query.villageId });
  if (query.producerGroupId)
    qb.andWhere("h.producer_group_id = :groupId", { groupId: query.producerGroupId });
  if (query.registeredPoor != null)
    qb.andWhere("h.registered_poor = :poor", { poor: query.registeredPoor });
  if (query.membershipState)
    qb.andWhere("h.membership_state = :state", { state: query.membershipState });
  if (query.hasMembership != null)
    qb.andWhere(`h.membership_state IS ${query.hasMembership ? "NOT NULL" : "NULL"}`);
  const search = query.search?.trim();
  if (search) {
    qb.andWhere("(h.code ILIKE :pattern OR h.head_name ILIKE :pattern)", {
      pattern: containsPattern(search),
    });
  }
  const nulls = query.sort.direction === "ASC" ? "NULLS LAST" : "NULLS FIRST";
  const [items, totalItems] = await qb
    .orderBy(SORT_COLUMNS[query.sort.field], query.sort.direction, nulls)
    .addOrderBy("h.id", "ASC")
    .skip(query.skip)
    .take(query.take)
    .getManyAndCount();
  return { items, totalItems };
}

/**
 * A query over the households the caller may see (alias `h`): ADMIN every household; other
 * callers the households of their producer groups, and the non-participating households of those
 * groups' villages; anonymous callers none.
 */
export function scopedHouseholds(ctx: RequestContext): SelectQueryBuilder<Household> {
  const qb = ctx.manager.getRepository(Household).createQueryBuilder("h");
  if (ctx.principal.kind === "anonymous") return qb.andWhere("false");
  if (ctx.principal.role !== "ADMIN") {
    qb.andWhere(
      `(h.producer_group_id = ANY(:groups) OR (h.producer_group_id IS NULL AND h.village_id IN
        (SELECT g.village_id FROM producer_groups g WHERE g.id = ANY(:groups))))`,
      { groups: [...ctx.principal.producerGroupIds] },
    );
  }
  return qb;
}

/**
 * One household of the caller's scope ({@link scopedHouseholds}), or null when unknown, out of
 * scope or the id is malformed (the same answer, so ids of other groups are not confirmed).
 * `lock` takes a row lock for an update in the current transaction.
 */
export async function findHousehold(
  ctx: RequestContext,
  id: string,
  lock = false,
): Promise<Household | null> {
  if (!isUuid(id)) return null;
  const qb = scopedHouseholds(ctx).andWhere("h.id = :id", { id });
  if (lock) qb.setLock("pessimistic_write");
  return qb.getOne();
}

/** True when the caller may manage producer group `groupId` (ADMIN: every group). */
export function managesGroup(ctx: RequestContext, groupId: string): boolean {
  if (ctx.principal.kind === "anonymous") return false;
  return ctx.principal.role === "ADMIN" || ctx.principal.producerGroupIds.includes(groupId);
}
