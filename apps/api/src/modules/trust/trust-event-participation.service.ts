import DataLoader from "dataloader";
import { In } from "typeorm";
import type { InvalidInputError, NotFoundError } from "../../graphql/error-result";
import { type FieldProblem, fieldProblem } from "../../graphql/error-result";
import { isUuid } from "../../graphql/ids";
import { groupByKey } from "../../graphql/loader-registry";
import { inRefusableTransaction, refuse } from "../../graphql/refusal";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { recordChange } from "../audit/audit.service";
import { ConsumerHousehold } from "../consumer/consumer-household.entity";
import { Household } from "../household/household.entity";
import { TrustEventAttendance } from "./trust-event-attendance.entity";
import { TrustEventHousehold } from "./trust-event-household.entity";
import {
  type AttendanceEntryInput,
  type TrustEventType,
  TrustEventSignUpType,
} from "./trust-event.types";
import { lockOpenTrustEvent, toTrustEventType, trustRefusal } from "./trust-event.service";

/** The households taking part in each event, by code then id, batched per request. */
export function householdsByTrustEvent(ctx: RequestContext): DataLoader<string, Household[]> {
  return ctx.loaders.get(
    "trust.householdsByEvent",
    () =>
      new DataLoader<string, Household[]>(async (ids) => {
        const rows: { trust_event_id: string; household_id: string }[] = await ctx.manager.query(
          `SELECT trust_event_id, household_id FROM trust_event_households
            WHERE trust_event_id = ANY($1::uuid[])`,
          [[...ids]],
        );
        const households = await ctx.manager.getRepository(Household).find({
          where: { id: In(rows.map((r) => r.household_id)) },
          order: { code: "ASC", id: "ASC" },
        });
        // Households come ordered by code then id; each event keeps that order.
        return groupByKey(ids, rows, (r) => r.trust_event_id).map((list) => {
          const members = new Set(list.map((r) => r.household_id));
          return households.filter((h) => members.has(h.id));
        });
      }),
  );
}

/** Sign-ups of every state of each event, oldest first (ties by id), batched per request. */
export function signUpsByTrustEvent(
  ctx: RequestContext,
): DataLoader<string, TrustEventSignUpType[]> {
  return ctx.loaders.get(
    "trust.signUpsByEvent",
    () =>
      new DataLoader<string, TrustEventSignUpType[]>(async (ids) => {
        const rows: {
          id: string;
          trust_event_id: string;
          consumer_household_id: string;
          display_name: string;
          people: number;
          state: TrustEventSignUpType["state"];
          created_at: Date;
        }[] = await ctx.manager.query(
          `SELECT a.id, a.trust_event_id, a.consumer_household_id, c.display_name, a.people,
                  a.state, a.created_at
             FROM trust_event_attendances a
             JOIN consumer_households c ON c.id = a.consumer_household_id
            WHERE a.trust_event_id = ANY($1::uuid[])
            ORDER BY a.created_at, a.id`,
          [[...ids]],
        );
        const signUps = rows.map((r) => ({
          trustEventId: r.trust_event_id,
          signUp: Object.assign(new TrustEventSignUpType(), {
            id: r.id,
            consumerHouseholdId: r.consumer_household_id,
            consumerHouseholdName: r.display_name,
            people: r.people,
            state: r.state,
            createdAt: r.created_at,
          }),
        }));
        return groupByKey(ids, signUps, (s) => s.trustEventId).map((list) =>
          list.map((s) => s.signUp),
        );
      }),
  );
}

/**
 * Sets the households taking part in a trust event (`trust:manage`) to exactly `householdIds`
 * (duplicates ignored). Every household must belong to the event's producer group, else
 * InvalidInputError naming `householdIds.<i>` and nothing changes. Each household added or
 * removed gets an audit entry on the household (`trustEvent.householdAdded` / `…Removed`), and
 * the event one `trustEvent.setHouseholds` with the ids before and after. Cancelled events are
 * refused.
 */
export async function setTrustEventHouseholds(
  ctx: RequestContext,
  id: string,
  householdIds: string[],
): Promise<TrustEventType | NotFoundError | InvalidInputError> {
  const t = translatorFor(ctx.locale);
  return inRefusableTransaction(ctx, async (tx) => {
    const event = await lockOpenTrustEvent(tx, id);
    const wanted = [...new Set(householdIds)];
    const found = await tx.manager.getRepository(Household).findBy({
      id: In(wanted.filter(isUuid)),
      producerGroupId: event.producerGroupId,
    });
    const foundIds = new Set(found.map((h) => h.id));
    const problems = householdIds
      .map((hid, i) =>
        foundIds.has(hid)
          ? null
          : fieldProblem(`householdIds.${i}`, t("trust.householdNotInGroup")),
      )
      .filter((p): p is FieldProblem => p !== null);
    if (problems.length) refuse(trustRefusal(t, problems));
    const repo = tx.manager.getRepository(TrustEventHousehold);
    const before = (await repo.findBy({ trustEventId: id })).map((r) => r.householdId);
    const added = wanted.filter((h) => !before.includes(h));
    const removed = before.filter((h) => !foundIds.has(h));
    if (removed.length) await repo.delete({ trustEventId: id, householdId: In(removed) });
    if (added.length)
      await repo.insert(
        added.map((householdId) => ({
          trustEventId: id,
          householdId,
          producerGroupId: event.producerGroupId,
        })),
      );
    const summary = { trustEventId: id, kind: event.kind, startsAt: event.startsAt };
    for (const householdId of added)
      await recordChange(tx, {
        action: "trustEvent.householdAdded",
        entityType: "Household",
        entityId: householdId,
        before: null,
        after: summary,
      });
    for (const householdId of removed)
      await recordChange(tx, {
        action: "trustEvent.householdRemoved",
        entityType: "Household",
        entityId: householdId,
        before: summary,
        after: null,
      });
    if (added.length || removed.length)
      await recordChange(tx, {
        action: "trustEvent.setHouseholds",
        entityType: "TrustEvent",
        entityId: id,
        before: { householdIds: [...before].sort() },
        after: { householdIds: [...wanted].sort() },
      });
    return toTrustEventType(event);
  });
}

type Attendance = TrustEventAttendance;

/**
 * Records who came to a trust event that has started (`trust:manage`). Each entry names a
 * sign-up of the event or a consumer household of the event's producer group: `attended: true`
 * marks its live sign-up ATTENDED (a household without one is recorded as a walk-in of one
 * person), `attended: false` turns an ATTENDED sign-up back into SIGNED_UP (a no-show). The
 * event row is locked first, so parallel recordings and sign-ups go one after another and a
 * household never gets two live rows. Any bad entry refuses the whole call (InvalidInputError
 * naming `entries.<i>`), nothing changed; cancelled events are refused too.
 */
export async function recordAttendance(
  ctx: RequestContext,
  id: string,
  entries: AttendanceEntryInput[],
): Promise<TrustEventType | NotFoundError | InvalidInputError> {
  const t = translatorFor(ctx.locale);
  return inRefusableTransaction(ctx, async (tx) => {
    const event = await lockOpenTrustEvent(tx, id);
    if (event.startsAt.getTime() > Date.now())
      refuse(trustRefusal(t, [fieldProblem("id", t("trust.notStarted"))]));
    const repo = tx.manager.getRepository(TrustEventAttendance);
    const all = await repo.findBy({ trustEventId: id });
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    const plan: { row: Attendance | null; householdId: string; attended: boolean }[] = [];
    for (const [i, entry] of entries.entries()) {
      const field = `entries.${i}`;
      if ((entry.signUpId == null) === (entry.consumerHouseholdId == null)) {
        problems.push(fieldProblem(field, t("trust.entryNeedsOne")));
        continue;
      }
      let row: Attendance | null;
      let householdId: string;
      if (entry.signUpId != null) {
        row = all.find((a) => a.id === entry.signUpId) ?? null;
        if (!row) {
          problems.push(fieldProblem(`${field}.signUpId`, t("trust.signUpNotOfEvent")));
          continue;
        }
        if (row.state === "CANCELLED") {
          problems.push(fieldProblem(`${field}.signUpId`, t("trust.signUpCancelled")));
          continue;
        }
        householdId = row.consumerHouseholdId;
      } else {
        householdId = entry.consumerHouseholdId!;
        const household = isUuid(householdId)
          ? await tx.manager
              .getRepository(ConsumerHousehold)
              .findOneBy({ id: householdId, producerGroupId: event.producerGroupId })
          : null;
        if (!household) {
          problems.push(
            fieldProblem(`${field}.consumerHouseholdId`, t("trust.consumerNotInGroup")),
          );
          continue;
        }
        row =
          all.find((a) => a.consumerHouseholdId === householdId && a.state !== "CANCELLED") ?? null;
      }
      if (seen.has(householdId)) {
        problems.push(fieldProblem(field, t("trust.entryTwice")));
        continue;
      }
      seen.add(householdId);
      plan.push({ row, householdId, attended: entry.attended });
    }
    if (problems.length) refuse(trustRefusal(t, problems));
    for (const { row, householdId, attended } of plan) {
      if (row) await repo.update({ id: row.id }, { state: attended ? "ATTENDED" : "SIGNED_UP" });
      else if (attended)
        await repo.insert({
          producerGroupId: event.producerGroupId,
          trustEventId: id,
          consumerHouseholdId: householdId,
          people: 1,
          state: "ATTENDED",
        });
    }
    return toTrustEventType(event);
  });
}
