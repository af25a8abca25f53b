import { InvalidInputError, NotFoundError } from "../../graphql/error-result";
import { isUuid } from "../../graphql/ids";
import { inTransaction, type RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { recordChange } from "../audit/audit.service";
import { HouseholdMember } from "./household-member.entity";
import type { HouseholdMemberInput } from "./household-input.types";
import { findHousehold } from "./household.service";

function memberProblems(
  ctx: RequestContext,
  input: HouseholdMemberInput,
): InvalidInputError | null {
  const t = translatorFor(ctx.locale);
  if (input.birthYear == null || (input.birthYear >= 1900 && input.birthYear <= 2100)) return null;
  return new InvalidInputError(t("household.inputRefused"), [
    { field: "birthYear", message: t("household.birthYearRange") },
  ]);
}

function columnsOf(input: HouseholdMemberInput): Partial<HouseholdMember> {
  return {
    relation: input.relation,
    sex: input.sex,
    birthYear: input.birthYear ?? null,
    healthNote: input.healthNote?.trim() || null,
    disability: input.disability?.trim() || null,
    migrantWorker: input.migrantWorker ?? false,
  };
}

/**
 * Adds a member to a household of the caller's scope (`household:write-sensitive`: health and
 * disability are sensitive). Writes `member.add` on the household's audit trail.
 */
export async function addHouseholdMember(
  ctx: RequestContext,
  householdId: string,
  input: HouseholdMemberInput,
): Promise<HouseholdMember | NotFoundError | InvalidInputError> {
  const refused = memberProblems(ctx, input);
  if (refused) return refused;
  return inTransaction(ctx, async (tx) => {
    const household = await findHousehold(tx, householdId, true);
    if (!household) return new NotFoundError(translatorFor(ctx.locale)("household.notFound"));
    const member = await tx.manager
      .getRepository(HouseholdMember)
      .save({ ...columnsOf(input), householdId });
    await recordChange(tx, {
      action: "member.add",
      entityType: "Household",
      entityId: householdId,
      before: null,
      after: { member },
    });
    return member;
  });
}

/**
 * Replaces what is recorded of one member (`household:write-sensitive`); writes `member.update`
 * with before and after on the household's audit trail. A refused input changes nothing.
 */
export async function updateHouseholdMember(
  ctx: RequestContext,
  memberId: string,
  input: HouseholdMemberInput,
): Promise<HouseholdMember | NotFoundError | InvalidInputError> {
  const refused = memberProblems(ctx, input);
  if (refused) return refused;
  return inTransaction(ctx, async (tx) => {
    const repo = tx.manager.getRepository(HouseholdMember);
    const before = isUuid(memberId)
      ? await repo.findOne({ where: { id: memberId }, lock: { mode: "pessimistic_write" } })
      : null;
    if (!before || !(await findHousehold(tx, before.householdId)))
      return new NotFoundError(translatorFor(ctx.locale)("household.memberNotFound"));
    await repo.update({ id: memberId }, columnsOf(input));
    const after = (await repo.findOneBy({ id: memberId }))!;
    await recordChange(tx, {
      action: "member.update",
      entityType: "Household",
      entityId: before.householdId,
      before: { member: before },
      after: { member: after },
    });
    return after;
  });
}
