import { can, type RequestContext } from "../../graphql/request-context";
import { auditSensitiveRead } from "../audit/audit.service";
import type { Household } from "./household.entity";
import { membersByHousehold, yearsByHousehold } from "./household.loaders";
import type { HouseholdMember } from "./household-member.entity";
import type { HouseholdYear } from "./household-year.entity";

/** The sensitive fields of the admin `Household` type (each needs `household:read-sensitive`). */
export type SensitiveField = "members" | "years" | "causesOfPoverty" | "idNumber" | "bankAccount";

/** True when the caller may see sensitive household fields (FINANCE, ADMIN; not plain STAFF). */
export function seesSensitive(ctx: RequestContext): boolean {
  return can(ctx, "household:read-sensitive");
}

/**
 * A sensitive field of `household` for the caller: null when the caller lacks
 * `household:read-sensitive` (nothing is read or audited then); otherwise the value, after the
 * read was written to the audit log (one `READ_SENSITIVE` row per household per request, see
 * {@link auditSensitiveRead}).
 */
export async function readSensitive<T>(
  ctx: RequestContext,
  household: Household,
  field: SensitiveField,
  read: () => Promise<T> | T,
): Promise<T | null> {
  if (!seesSensitive(ctx)) return null;
  const [value] = await Promise.all([read(), auditSensitiveRead(ctx, household.id, field)]);
  return value;
}

/** Members of a household, sensitive (see {@link readSensitive}). */
export function sensitiveMembers(
  ctx: RequestContext,
  household: Household,
): Promise<HouseholdMember[] | null> {
  return readSensitive(ctx, household, "members", () => membersByHousehold(ctx).load(household.id));
}

/** Yearly poverty status and income of a household, sensitive (see {@link readSensitive}). */
export function sensitiveYears(
  ctx: RequestContext,
  household: Household,
): Promise<HouseholdYear[] | null> {
  return readSensitive(ctx, household, "years", () => yearsByHousehold(ctx).load(household.id));
}
