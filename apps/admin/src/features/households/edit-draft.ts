import type {
  HeadAgeBand,
  HouseholdChangesInput,
  LivelihoodResourcesInput,
  Sex,
} from "../../gql/graphql.js";

/** The livelihood resources a household is surveyed for, in the order the page shows them. */
export const RESOURCE_KEYS = [
  "hens",
  "pigs",
  "goats",
  "walnutTrees",
  "chestnutTrees",
  "persimmonTrees",
  "beehives",
  "landMu",
] as const satisfies readonly (keyof LivelihoodResourcesInput)[];

/** One livelihood resource: hens, pigs… (counts) or landMu (mu of land, may be fractional). */
export type ResourceKey = (typeof RESOURCE_KEYS)[number];

/**
 * The household edit form as typed: every field a string (or the chosen enum) so that a refused
 * save keeps exactly what was typed, including text that is not a number.
 */
export interface HouseholdDraft {
  code: string;
  headName: string;
  headSex: Sex;
  headAgeBand: HeadAgeBand;
  /** People in the household, as typed. */
  size: string;
  registeredPoor: boolean;
  displayName: string;
  /** Each resource as typed; "" = not surveyed. */
  resources: Record<ResourceKey, string>;
}

/** The stored household fields the form starts from. */
export interface DraftSource {
  code: string;
  headName: string;
  headSex: Sex;
  headAgeBand: HeadAgeBand;
  size: number;
  registeredPoor: boolean;
  displayName?: string | null;
  livelihoodResources: LivelihoodResourcesInput;
}

/** The form's starting values: the household as stored (a resource not surveyed is ""). */
export function draftOf(household: DraftSource): HouseholdDraft {
  const resources = Object.fromEntries(
    RESOURCE_KEYS.map((key) => {
      const value = household.livelihoodResources[key];
      return [key, value == null ? "" : String(value)];
    }),
  ) as Record<ResourceKey, string>;
  return {
    code: household.code,
    headName: household.headName,
    headSex: household.headSex,
    headAgeBand: household.headAgeBand,
    size: String(household.size),
    registeredPoor: household.registeredPoor,
    displayName: household.displayName ?? "",
    resources,
  };
}

/**
 * A number typed into the form: "" → null (not given); a decimal number (a comma accepted as the
 * decimal point) → that number; anything else → NaN, which the caller reports as "not a number".
 */
export function parseTypedNumber(text: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The largest value of a GraphQL `Int` (32-bit signed). */
const MAX_INT = 2_147_483_647;

/**
 * A whole number typed into the form, as {@link parseTypedNumber}, but NaN also for a fraction or
 * a number beyond a GraphQL `Int` (it could not be sent at all).
 */
export function parseTypedInteger(text: string): number | null {
  const value = parseTypedNumber(text);
  if (value === null || Number.isNaN(value)) return value;
  return Number.isInteger(value) && Math.abs(value) <= MAX_INT ? value : Number.NaN;
}

/** What {@link draftToInput} makes of a draft. */
export interface DraftConversion {
  /** The `updateHousehold` input; null when a field is not a number at all. */
  input: HouseholdChangesInput | null;
  /**
   * Fields whose text cannot be sent: not a number, or not a whole number where one is needed
   * (every field but `livelihoodResources.landMu`); empty when none.
   */
  notNumbers: string[];
}

/**
 * The `updateHousehold` input of a draft. Ranges (size 1–30, no negative resources, name length…)
 * are left to the API, which answers them field by field in the page's language; only text that
 * cannot be sent as the API's number (words, or a fraction where a whole number is needed) is
 * caught here. The resources are
 * sent whole (the API replaces them as a whole); the display name "" clears it.
 */
export function draftToInput(draft: HouseholdDraft): DraftConversion {
  const notNumbers: string[] = [];
  const size = parseTypedInteger(draft.size);
  if (size === null || Number.isNaN(size)) notNumbers.push("size");
  const livelihoodResources: LivelihoodResourcesInput = {};
  for (const key of RESOURCE_KEYS) {
    const text = draft.resources[key];
    const value = key === "landMu" ? parseTypedNumber(text) : parseTypedInteger(text);
    if (value !== null && Number.isNaN(value)) notNumbers.push(`livelihoodResources.${key}`);
    livelihoodResources[key] = value;
  }
  if (notNumbers.length > 0) return { input: null, notNumbers };
  return {
    input: {
      code: draft.code.trim(),
      headName: draft.headName.trim(),
      headSex: draft.headSex,
      headAgeBand: draft.headAgeBand,
      size,
      registeredPoor: draft.registeredPoor,
      displayName: draft.displayName.trim() === "" ? null : draft.displayName.trim(),
      livelihoodResources,
    },
    notNumbers,
  };
}

/**
 * The problems of one form field from the API's `InvalidInputError.problems` (field names as the
 * API spells them: `size`, `livelihoodResources`…): those of the field itself and of its parts
 * (`livelihoodResources` also gets `livelihoodResources.hens`).
 */
export function problemsOf(
  problems: readonly { field: string; message: string }[],
  field: string,
): string[] {
  return problems
    .filter((p) => p.field === field || p.field.startsWith(`${field}.`))
    .map((p) => p.message);
}
