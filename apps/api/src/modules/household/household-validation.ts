import type { FieldProblem } from "../../graphql/error-result";
import type { LivelihoodResources } from "./household.entity";
import type {
  HouseholdChangesInput,
  HouseholdMemberInput,
  LivelihoodResourcesInput,
} from "./household-input.types";

/** Translates a message key of the `household` section. */
export type HouseholdT = (key: string, vars?: Record<string, unknown>) => string;

const ID_NUMBER = /^\d{17}[\dX]$/;
const BANK_ACCOUNT = /^\d{8,64}$/;

/** The sensitive fields of {@link HouseholdChangesInput} (and `members` on creation). */
export const SENSITIVE_INPUTS = ["causesOfPoverty", "idNumber", "bankAccount", "members"] as const;

/** Which sensitive fields an input gives (a field given as null counts: it clears data). */
export function sensitiveInputsOf(input: object): string[] {
  return SENSITIVE_INPUTS.filter((key) => (input as Record<string, unknown>)[key] !== undefined);
}

function text(value: string | null | undefined, max: number): boolean {
  return value != null && value.trim().length >= 1 && value.trim().length <= max;
}

/**
 * Problems with the changes to a household (PIPL data rules and the table's checks), as
 * `{ field, message }` in the caller's language; empty when the input can be saved. With
 * `creating`, code, head name, sex, age band and size are required.
 */
export function householdProblems(
  input: HouseholdChangesInput & { members?: HouseholdMemberInput[] | null },
  creating: boolean,
  t: HouseholdT,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, key: string) => problems.push({ field, message: t(key) });
  const required = (value: unknown) => creating || value !== undefined;
  if (required(input.code) && !text(input.code, 16)) add("code", "household.codeRequired");
  if (required(input.headName) && !text(input.headName, 100))
    add("headName", "household.headNameRequired");
  if (creating && input.headSex == null) add("headSex", "household.inputRefused");
  if (creating && input.headAgeBand == null) add("headAgeBand", "household.inputRefused");
  if (!creating && input.headSex === null) add("headSex", "household.inputRefused");
  if (!creating && input.headAgeBand === null) add("headAgeBand", "household.inputRefused");
  if (!creating && input.registeredPoor === null) add("registeredPoor", "household.inputRefused");
  if (
    required(input.size) &&
    !(Number.isInteger(input.size) && input.size! >= 1 && input.size! <= 30)
  )
    add("size", "household.sizeRange");
  if (input.livelihoodResources && resourceProblem(input.livelihoodResources))
    add("livelihoodResources", "household.resourceRange");
  if (input.displayName != null && input.displayName.length > 100)
    add("displayName", "household.displayNameTooLong");
  if (input.idNumber != null && !ID_NUMBER.test(input.idNumber))
    add("idNumber", "household.idNumberInvalid");
  if (input.bankAccount != null && !BANK_ACCOUNT.test(input.bankAccount))
    add("bankAccount", "household.bankAccountInvalid");
  if (input.causesOfPoverty?.some((c) => c.trim() === ""))
    add("causesOfPoverty", "household.inputRefused");
  input.members?.forEach((m, i) => {
    if (m.birthYear != null && (m.birthYear < 1900 || m.birthYear > 2100))
      add(`members.${i}.birthYear`, "household.birthYearRange");
  });
  return problems;
}

function resourceProblem(r: LivelihoodResourcesInput): boolean {
  return Object.values(r).some((v) => typeof v === "number" && (!Number.isFinite(v) || v < 0));
}

/** The resources to store: only the keys that were given (null and omitted both mean unknown). */
export function resourcesOf(r: LivelihoodResourcesInput): LivelihoodResources {
  return Object.fromEntries(
    Object.entries(r).filter(([, v]) => typeof v === "number"),
  ) as LivelihoodResources;
}
