import type { TFunction } from "i18next";
import { type FieldProblem, fieldProblem } from "../../graphql/error-result";
import { isDisplayName } from "../../graphql/text-input";
import type { TrustEventKind } from "./trust-event.entity";
import type { TrustEventChangesInput } from "./trust-event.types";

/** Most people a village visit may take (a bus or two); capacity is 1 to this. */
export const MAX_CAPACITY = 1000;
/** Longest staff notes of an event, in characters. */
export const MAX_NOTES = 5000;

/**
 * Problems with the fields of a trust event of `kind`, as `{ field, message }` in the caller's
 * language; empty when they can be saved. With `creating`, titleZh, startsAt and endsAt are
 * required. `current` holds the stored start and end on update, so that a change of one is
 * checked against the other (endsAt must be after startsAt, as the table's check says).
 * Capacity and openToConsumers are for village visits only.
 */
export function trustEventProblems(
  input: TrustEventChangesInput,
  kind: TrustEventKind,
  t: TFunction,
  current?: { startsAt: Date; endsAt: Date },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, key: string, vars?: Record<string, unknown>) =>
    problems.push(fieldProblem(field, t(key, vars)));
  const creating = current === undefined;
  if ((creating || input.titleZh !== undefined) && !isDisplayName(input.titleZh, 200))
    add("titleZh", "trust.titleRequired");
  if (input.titleEn != null && !isDisplayName(input.titleEn, 200))
    add("titleEn", "trust.titleRequired");
  if (!creating && input.titleEn === null) add("titleEn", "trust.titleRequired");
  const startsAt = input.startsAt ?? current?.startsAt;
  const endsAt = input.endsAt ?? current?.endsAt;
  if (!startsAt || (input.startsAt === null && !creating)) add("startsAt", "trust.timeRequired");
  if (!endsAt || (input.endsAt === null && !creating)) add("endsAt", "trust.timeRequired");
  else if (startsAt && endsAt.getTime() <= startsAt.getTime())
    add("endsAt", "trust.endsBeforeStart");
  const visit = kind === "VILLAGE_VISIT";
  if (input.capacity != null) {
    if (!visit) add("capacity", "trust.visitsOnly");
    else if (
      !Number.isInteger(input.capacity) ||
      input.capacity < 1 ||
      input.capacity > MAX_CAPACITY
    )
      add("capacity", "trust.capacityRange", { max: MAX_CAPACITY });
  }
  if (input.openToConsumers && !visit) add("openToConsumers", "trust.visitsOnly");
  if (input.notes != null && [...input.notes].length > MAX_NOTES)
    add("notes", "trust.notesTooLong", { max: MAX_NOTES });
  return problems;
}
