import { membershipMachine, type MembershipState, type PovertyStatus } from "@nested/domain";
import {
  ForbiddenError,
  InvalidInputError,
  InvalidTransitionError,
  NotFoundError,
} from "../../graphql/error-result";
import { isUuid } from "../../graphql/ids";
import { can, inTransaction, type RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { actorOf, recordChange } from "../audit/audit.service";
import { ConsentRecord, type ConsentKind, type ConsentMethod } from "./consent-record.entity";
import { HouseholdMember } from "./household-member.entity";
import { HouseholdYear } from "./household-year.entity";
import { Household } from "./household.entity";
import type { CreateHouseholdInput, HouseholdChangesInput } from "./household-input.types";
import { findHousehold, managesGroup } from "./household.service";
import {
  householdProblems,
  type HouseholdT,
  resourcesOf,
  sensitiveInputsOf,
} from "./household-validation";
import { ProducerGroup } from "./producer-group.entity";
import { Village } from "./village.entity";

/** A changed household, or why nothing was saved. */
export type HouseholdOutcome =
  Household | NotFoundError | InvalidInputError | ForbiddenError | InvalidTransitionError;

function refused(t: HouseholdT, problems: { field: string; message: string }[]) {
  return new InvalidInputError(t("household.inputRefused"), problems);
}

/** Refuses sensitive inputs unless the caller holds `household:write-sensitive`. */
function sensitiveRefusal(ctx: RequestContext, input: object): ForbiddenError | null {
  if (sensitiveInputsOf(input).length === 0 || can(ctx, "household:write-sensitive")) return null;
  return new ForbiddenError(translatorFor(ctx.locale)("household.sensitiveInputForbidden"));
}

/** The non-sensitive and sensitive columns an input sets (undefined keys are left out). */
function columnsOf(input: HouseholdChangesInput): Partial<Household> {
  const out: Partial<Household> = {};
  const copy = <K extends keyof Household>(key: K, value: Household[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  copy("code", input.code?.trim());
  copy("headName", input.headName?.trim());
  copy("headSex", input.headSex ?? undefined);
  copy("headAgeBand", input.headAgeBand ?? undefined);
  copy("size", input.size ?? undefined);
  copy("registeredPoor", input.registeredPoor ?? undefined);
  if (input.livelihoodResources !== undefined)
    out.livelihoodResources = resourcesOf(input.livelihoodResources ?? {});
  copy("displayName", input.displayName);
  copy("photoUrl", input.photoUrl);
  copy("storyZh", input.storyZh);
  copy("storyEn", input.storyEn);
  if (input.causesOfPoverty !== undefined)
    out.causesOfPoverty = (input.causesOfPoverty ?? []).map((c) => c.trim());
  copy("idNumber", input.idNumber);
  copy("bankAccount", input.bankAccount);
  return out;
}

async function codeTaken(ctx: RequestContext, code: string, exceptId?: string): Promise<boolean> {
  const row = await ctx.manager.getRepository(Household).findOneBy({ code });
  return row !== null && row.id !== exceptId;
}

/**
 * Registers a household (`household:write`; sensitive inputs also `household:write-sensitive`).
 * With a producer group it starts as APPLIED. Non-admins may register only in their own groups
 * (or, without a group, in those groups' villages). Writes `household.create` to the audit log.
 * Returns NotFoundError for an unknown village or a group not the caller's, InvalidInputError
 * (nothing saved) or ForbiddenError for sensitive inputs without the permission.
 */
export async function createHousehold(
  ctx: RequestContext,
  input: CreateHouseholdInput,
): Promise<HouseholdOutcome> {
  const t = translatorFor(ctx.locale);
  const forbidden = sensitiveRefusal(ctx, input);
  if (forbidden) return forbidden;
  const problems = householdProblems(input, true, t);
  if (problems.length) return refused(t, problems);
  return inTransaction(ctx, async (tx) => {
    const village = isUuid(input.villageId)
      ? await tx.manager.getRepository(Village).findOneBy({ id: input.villageId })
      : null;
    if (!village) return new NotFoundError(t("household.villageNotFound"));
    let groupId: string | null = null;
    if (input.producerGroupId) {
      const group = isUuid(input.producerGroupId)
        ? await tx.manager.getRepository(ProducerGroup).findOneBy({ id: input.producerGroupId })
        : null;
      if (!group || !managesGroup(tx, group.id))
        return new NotFoundError(t("household.groupNotFound"));
      if (group.villageId !== village.id)
        return refused(t, [{ field: "producerGroupId", message: t("household.groupAndVillage") }]);
      groupId = group.id;
    } else if (tx.principal.kind === "user" && tx.principal.role !== "ADMIN") {
      const groups = await tx.manager
        .getRepository(ProducerGroup)
        .findBy({ villageId: village.id });
      if (!groups.some((g) => managesGroup(tx, g.id)))
        return new NotFoundError(t("household.groupNotFound"));
    }
    const code = input.code!.trim();
    if (await codeTaken(tx, code))
      return refused(t, [{ field: "code", message: t("household.codeTaken", { code }) }]);
    const household = await tx.manager.getRepository(Household).save({
      ...columnsOf(input),
      villageId: village.id,
      producerGroupId: groupId,
      membershipState: groupId ? ("APPLIED" as const) : null,
      livelihoodResources: resourcesOf(input.livelihoodResources ?? {}),
      causesOfPoverty: (input.causesOfPoverty ?? []).map((c) => c.trim()),
    });
    const members = await tx.manager.getRepository(HouseholdMember).save(
      (input.members ?? []).map((m) => ({
        householdId: household.id,
        relation: m.relation,
        sex: m.sex,
        birthYear: m.birthYear ?? null,
        healthNote: m.healthNote ?? null,
        disability: m.disability ?? null,
        migrantWorker: m.migrantWorker ?? false,
      })),
    );
    await recordChange(tx, {
      action: "household.create",
      entityType: "Household",
      entityId: household.id,
      before: null,
      after: { ...household, members },
    });
    return household;
  });
}

/**
 * Changes a household of the caller's scope (`household:write`; sensitive inputs also
 * `household:write-sensitive`). Membership is changed by {@link changeMembership} instead.
 * Writes `household.update` with the row before and after. A refused input changes nothing.
 */
export async function updateHousehold(
  ctx: RequestContext,
  id: string,
  input: HouseholdChangesInput,
): Promise<HouseholdOutcome> {
  const t = translatorFor(ctx.locale);
  const forbidden = sensitiveRefusal(ctx, input);
  if (forbidden) return forbidden;
  const problems = householdProblems(input, false, t);
  if (problems.length) return refused(t, problems);
  return inTransaction(ctx, async (tx) => {
    const before = await findHousehold(tx, id, true);
    if (!before) return new NotFoundError(t("household.notFound"));
    const changes = columnsOf(input);
    if (changes.code && (await codeTaken(tx, changes.code, id)))
      return refused(t, [
        { field: "code", message: t("household.codeTaken", { code: changes.code }) },
      ]);
    await tx.manager.getRepository(Household).update({ id }, changes);
    const after = (await tx.manager.getRepository(Household).findOneBy({ id }))!;
    await recordChange(tx, {
      action: "household.update",
      entityType: "Household",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/**
 * Records (or corrects) a household's poverty status and per-capita net income (yuan) of one
 * year (`household:write-sensitive`); writes `householdYear.set` with before and after.
 */
export async function setHouseholdYear(
  ctx: RequestContext,
  householdId: string,
  year: number,
  povertyStatus: PovertyStatus,
  perCapitaNetIncomeYuan: number,
): Promise<HouseholdYear | NotFoundError | InvalidInputError> {
  const t = translatorFor(ctx.locale);
  const problems = [];
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    problems.push({ field: "year", message: t("household.yearRange") });
  if (!Number.isInteger(perCapitaNetIncomeYuan) || perCapitaNetIncomeYuan < 0)
    problems.push({ field: "perCapitaNetIncomeYuan", message: t("household.incomeRange") });
  if (problems.length) return refused(t, problems);
  return inTransaction(ctx, async (tx) => {
    const household = await findHousehold(tx, householdId, true);
    if (!household) return new NotFoundError(t("household.notFound"));
    const repo = tx.manager.getRepository(HouseholdYear);
    const before = await repo.findOneBy({ householdId, year });
    const after = await repo.save({
      ...before,
      householdId,
      year,
      povertyStatus,
      perCapitaNetIncomeYuan,
    });
    await recordChange(tx, {
      action: "householdYear.set",
      entityType: "Household",
      entityId: householdId,
      before: before ? { householdYear: before } : null,
      after: { householdYear: after },
    });
    return after;
  });
}

/** Records a consent given by a household of the caller's scope; writes `consent.record`. */
export async function recordConsent(
  ctx: RequestContext,
  householdId: string,
  kind: ConsentKind,
  grantedOn: string,
  method: ConsentMethod,
): Promise<ConsentRecord | NotFoundError> {
  const t = translatorFor(ctx.locale);
  return inTransaction(ctx, async (tx) => {
    const household = await findHousehold(tx, householdId, true);
    if (!household) return new NotFoundError(t("household.notFound"));
    const consent = await tx.manager.getRepository(ConsentRecord).save({
      householdId,
      kind,
      grantedOn,
      method,
      withdrawnOn: null,
      recordedByUserId: actorOf(tx)!,
    });
    await recordChange(tx, {
      action: "consent.record",
      entityType: "Household",
      entityId: householdId,
      before: null,
      after: { consent },
    });
    return consent;
  });
}

/**
 * Withdraws a consent as of `withdrawnOn` (a withdrawal dated today or earlier takes effect at
 * once: the shop stops showing a PUBLIC_PROFILE at once). Refused when already withdrawn or
 * dated before the grant; writes `consent.withdraw` with before and after.
 */
export async function withdrawConsent(
  ctx: RequestContext,
  consentId: string,
  withdrawnOn: string,
): Promise<ConsentRecord | NotFoundError | InvalidInputError> {
  const t = translatorFor(ctx.locale);
  return inTransaction(ctx, async (tx) => {
    const before = isUuid(consentId)
      ? await tx.manager
          .getRepository(ConsentRecord)
          .findOne({ where: { id: consentId }, lock: { mode: "pessimistic_write" } })
      : null;
    if (!before || !(await findHousehold(tx, before.householdId)))
      return new NotFoundError(t("household.consentNotFound"));
    if (before.withdrawnOn)
      return refused(t, [{ field: "consentId", message: t("household.alreadyWithdrawn") }]);
    if (withdrawnOn < before.grantedOn)
      return refused(t, [{ field: "withdrawnOn", message: t("household.withdrawBeforeGranted") }]);
    const after = { ...before, withdrawnOn };
    await tx.manager.getRepository(ConsentRecord).update({ id: consentId }, { withdrawnOn });
    await recordChange(tx, {
      action: "consent.withdraw",
      entityType: "Household",
      entityId: before.householdId,
      before: { consent: before },
      after: { consent: after },
    });
    return after;
  });
}

/**
 * Moves a household's membership to `to` on day `on`, as `membershipMachine` allows
 * (APPLIED → ACTIVE ⇄ SUSPENDED → LEFT; a household never in a group may only apply). Joining
 * (→ ACTIVE for the first time) sets `joinedOn`; leaving sets `leftOn`. Nothing is deleted: a
 * household that left keeps its declarations, orders and settlements. A refused transition
 * returns InvalidTransitionError with the allowed next states. Writes `household.membership`.
 */
export async function changeMembership(
  ctx: RequestContext,
  householdId: string,
  to: MembershipState,
  on: string,
): Promise<HouseholdOutcome> {
  const t = translatorFor(ctx.locale);
  return inTransaction(ctx, async (tx) => {
    const before = await findHousehold(tx, householdId, true);
    if (!before) return new NotFoundError(t("household.notFound"));
    if (!before.producerGroupId)
      return refused(t, [{ field: "householdId", message: t("household.noGroup") }]);
    const from = before.membershipState;
    const allowed: readonly MembershipState[] = from
      ? membershipMachine.nextStates(from)
      : ["APPLIED"];
    if (!allowed.includes(to)) {
      const list = allowed.length ? allowed.join(", ") : "—";
      return new InvalidTransitionError(
        t("household.invalidTransition", { from: from ?? "—", to, allowed: list }),
        from,
        to,
        allowed,
      );
    }
    const changes: Partial<Household> = { membershipState: to };
    if (to === "ACTIVE" && !before.joinedOn) changes.joinedOn = on;
    if (to === "LEFT") changes.leftOn = on;
    const joinedOn = changes.joinedOn ?? before.joinedOn;
    if (to === "LEFT" && joinedOn && on < joinedOn)
      return refused(t, [{ field: "on", message: t("household.leftBeforeJoined") }]);
    await tx.manager.getRepository(Household).update({ id: householdId }, changes);
    const after = (await tx.manager.getRepository(Household).findOneBy({ id: householdId }))!;
    await recordChange(tx, {
      action: "household.membership",
      entityType: "Household",
      entityId: householdId,
      before,
      after,
    });
    return after;
  });
}
