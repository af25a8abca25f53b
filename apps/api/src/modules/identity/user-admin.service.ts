import type { Role } from "@nested/domain";
import type { TFunction } from "i18next";
import { In } from "typeorm";
import {
  type FieldProblem,
  fieldProblem,
  InvalidInputError,
  NotFoundError,
} from "../../graphql/error-result";
import { isUuid } from "../../graphql/ids";
import type { Page } from "../../graphql/pagination";
import { inRefusableTransaction, refuse } from "../../graphql/refusal";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { containsPattern } from "../../database/like-pattern";
import { recordChange } from "../audit/audit.service";
import { unknownProducerGroupPositions } from "../household/producer-group.service";
import { PartnerOrganisation } from "../partner/partner-organisation.entity";
import { hashPassword } from "./password";
import { accountTaken, isUniqueViolation, validateRegistration } from "./registration.service";
import { AccountExistsError } from "./registration.types";
import { User } from "./user.entity";
import { UserProducerGroup } from "./user-producer-group.entity";
import { type CreateStaffUserInput, UserAccountType } from "./user-admin.types";

/** Roles an admin may give an account; CONSUMER accounts come only from registration. */
export const PROJECT_ROLES: readonly Role[] = ["STAFF", "FINANCE", "ADMIN", "PARTNER"];
/** Roles that work for particular producer groups (ADMIN sees all, PARTNER through its organisation). */
export const GROUP_ROLES: readonly Role[] = ["STAFF", "FINANCE"];

/** The invalid-input answer of user administration (nothing was saved). */
export function userRefusal(t: TFunction, problems: FieldProblem[]): InvalidInputError {
  return new InvalidInputError(t("identity.inputRefused"), problems);
}

/** The producer groups each user works for, sorted, in one query. */
async function groupsOf(ctx: RequestContext, userIds: string[]): Promise<Map<string, string[]>> {
  const rows = userIds.length
    ? await ctx.manager.getRepository(UserProducerGroup).findBy({ userId: In(userIds) })
    : [];
  const map = new Map<string, string[]>(userIds.map((id) => [id, []]));
  for (const row of rows) map.get(row.userId)!.push(row.producerGroupId);
  for (const list of map.values()) list.sort();
  return map;
}

/** The user with `userId` locked FOR UPDATE in the current transaction, or null (also malformed ids). */
export async function lockUser(ctx: RequestContext, userId: string): Promise<User | null> {
  if (!isUuid(userId)) return null;
  return ctx.manager
    .getRepository(User)
    .createQueryBuilder("u")
    .setLock("pessimistic_write")
    .where("u.id = :userId", { userId })
    .getOne();
}

/** The admin view of users: safe columns and producer groups, never the password hash. */
export async function toUserAccounts(
  ctx: RequestContext,
  users: User[],
): Promise<UserAccountType[]> {
  const groups = await groupsOf(
    ctx,
    users.map((u) => u.id),
  );
  return users.map((u) =>
    Object.assign(new UserAccountType(), {
      id: u.id,
      displayName: u.displayName,
      email: u.email,
      phone: u.phone,
      role: u.role,
      locale: u.locale,
      active: u.disabledAt === null,
      disabledAt: u.disabledAt,
      partnerOrganisationId: u.partnerOrganisationId,
      producerGroupIds: groups.get(u.id) ?? [],
      createdAt: u.createdAt,
    }),
  );
}

/** One account as the admin sees it (after a change), for answers and audit snapshots. */
export async function userAccount(ctx: RequestContext, id: string): Promise<UserAccountType> {
  const user = await ctx.manager.getRepository(User).findOneByOrFail({ id });
  return (await toUserAccounts(ctx, [user]))[0]!;
}

/**
 * A page of user accounts of every role (`user:manage`), by display name then id, optionally of
 * one role, only the project's side (`staffSide`: every role but CONSUMER) and matching `search`
 * in display name, e-mail or phone (any case). Soft-deleted
 * accounts are left out; password hashes never leave this module.
 */
export async function listUsers(
  ctx: RequestContext,
  query: {
    skip: number;
    take: number;
    role?: Role | null;
    search?: string | null;
    staffSide?: boolean | null;
  },
): Promise<Page<UserAccountType>> {
  const qb = ctx.manager.getRepository(User).createQueryBuilder("u");
  if (query.role) qb.andWhere("u.role = :role", { role: query.role });
  if (query.staffSide) qb.andWhere("u.role <> 'CONSUMER'");
  const search = query.search?.trim();
  if (search)
    qb.andWhere("(u.display_name ILIKE :p OR u.email ILIKE :p OR u.phone ILIKE :p)", {
      p: containsPattern(search),
    });
  const [users, totalItems] = await qb
    .orderBy("u.display_name", "ASC")
    .addOrderBy("u.id", "ASC")
    .skip(query.skip)
    .take(query.take)
    .getManyAndCount();
  return { items: await toUserAccounts(ctx, users), totalItems };
}

/**
 * Problems with the producer groups and partner organisation given for `role`: groups only for
 * STAFF and FINANCE and each must exist (`producerGroupIds.<i>`); an organisation required for
 * PARTNER and refused otherwise. Reads the database; empty when fine.
 */
export async function accessProblems(
  ctx: RequestContext,
  role: Role,
  producerGroupIds: readonly string[],
  partnerOrganisationId: string | null | undefined,
  t: TFunction,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (!PROJECT_ROLES.includes(role))
    problems.push(fieldProblem("role", t("identity.roleNotAllowed")));
  if (producerGroupIds.length && !GROUP_ROLES.includes(role))
    problems.push(fieldProblem("producerGroupIds", t("identity.groupsNotForRole")));
  else
    for (const i of await unknownProducerGroupPositions(ctx, producerGroupIds))
      problems.push(fieldProblem(`producerGroupIds.${i}`, t("identity.groupNotFound")));
  if (role === "PARTNER") {
    const found =
      partnerOrganisationId &&
      isUuid(partnerOrganisationId) &&
      (await ctx.manager
        .getRepository(PartnerOrganisation)
        .existsBy({ id: partnerOrganisationId }));
    if (!found)
      problems.push(
        fieldProblem("partnerOrganisationId", t("identity.partnerOrganisationRequired")),
      );
  } else if (partnerOrganisationId)
    problems.push(
      fieldProblem("partnerOrganisationId", t("identity.partnerOrganisationOnlyForPartner")),
    );
  return problems;
}

/**
 * Creates a project-side account (`user:manage`): STAFF, FINANCE, ADMIN or PARTNER, with the
 * same rules as registration for name, e-mail, phone and password (hashed with argon2id), the
 * producer groups of STAFF/FINANCE and the organisation of a PARTNER. Writes `user.create`
 * (without the hash). InvalidInputError lists every problem; AccountExistsError when the e-mail
 * or phone is taken (also when a parallel request takes it first). Nothing is stored then.
 */
export async function createStaffUser(
  ctx: RequestContext,
  input: CreateStaffUserInput,
): Promise<UserAccountType | InvalidInputError | AccountExistsError> {
  const t = translatorFor(ctx.locale);
  const checked = validateRegistration({ ...input, invitationCode: "" }, t);
  const groupIds = [...new Set(input.producerGroupIds ?? [])];
  const problems = checked.ok ? [] : [...checked.problems];
  problems.push(
    ...(await accessProblems(ctx, input.role, groupIds, input.partnerOrganisationId, t)),
  );
  if (!checked.ok || problems.length) return userRefusal(t, problems);
  const { displayName, email, phone, password } = checked.value;
  const passwordHash = await hashPassword(password);
  try {
    return await inRefusableTransaction(ctx, async (tx) => {
      if (await accountTaken(tx, { email, phone }))
        refuse(new AccountExistsError(t("identity.accountExists")));
      const users = tx.manager.getRepository(User);
      const user = await users.save(
        users.create({
          email,
          phone,
          passwordHash,
          role: input.role,
          displayName,
          locale: "zh-CN",
          partnerOrganisationId: input.role === "PARTNER" ? input.partnerOrganisationId! : null,
        }),
      );
      if (groupIds.length)
        await tx.manager
          .getRepository(UserProducerGroup)
          .insert(groupIds.map((producerGroupId) => ({ userId: user.id, producerGroupId })));
      const account = await userAccount(tx, user.id);
      await recordChange(tx, {
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        before: null,
        after: account,
      });
      return account;
    });
  } catch (error) {
    // Another request took the same e-mail or phone between our check and our insert.
    if (isUniqueViolation(error)) return new AccountExistsError(t("identity.accountExists"));
    throw error;
  }
}

/**
 * Sets the producer groups a STAFF or FINANCE user works for to exactly `producerGroupIds`
 * (`user:manage`); takes effect on the user's next request. Writes `user.setProducerGroups`.
 * NotFoundError for an unknown user; InvalidInputError for other roles or unknown groups.
 */
export async function setUserProducerGroups(
  ctx: RequestContext,
  userId: string,
  producerGroupIds: string[],
): Promise<UserAccountType | InvalidInputError | NotFoundError> {
  const t = translatorFor(ctx.locale);
  return inRefusableTransaction(ctx, async (tx) => {
    const user = await lockUser(tx, userId);
    if (!user) refuse(new NotFoundError(t("identity.userNotFound")));
    const wanted = [...new Set(producerGroupIds)];
    const problems = GROUP_ROLES.includes(user.role)
      ? await accessProblems(tx, user.role, producerGroupIds, user.partnerOrganisationId, t)
      : [fieldProblem("producerGroupIds", t("identity.groupsNotForRole"))];
    if (problems.length) refuse(userRefusal(t, problems));
    const before = await userAccount(tx, userId);
    const repo = tx.manager.getRepository(UserProducerGroup);
    await repo.delete({ userId });
    if (wanted.length)
      await repo.insert(wanted.map((producerGroupId) => ({ userId, producerGroupId })));
    const after = await userAccount(tx, userId);
    await recordChange(tx, {
      action: "user.setProducerGroups",
      entityType: "User",
      entityId: userId,
      before,
      after,
    });
    return after;
  });
}
