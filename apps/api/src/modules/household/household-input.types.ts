import { createUnionType, Field, Float, ID, InputType, Int } from "type-graphql";
import {
  ErrorResult,
  ForbiddenError,
  InvalidInputError,
  InvalidTransitionError,
  NotFoundError,
} from "../../graphql/error-result";
import type { MemberRelation } from "./household-member.entity";
import type { HeadAgeBand, Sex } from "./household.entity";
import {
  ConsentRecordType,
  HouseholdMemberType,
  HouseholdYearType,
  MemberRelationEnum,
} from "./household-detail.types";
import { HeadAgeBandEnum, HouseholdType, SexEnum } from "./household.types";

/** Livelihood resources as entered; omitted keys were not surveyed. */
@InputType()
export class LivelihoodResourcesInput {
  @Field(() => Int, { nullable: true })
  hens?: number | null;

  @Field(() => Int, { nullable: true })
  pigs?: number | null;

  @Field(() => Int, { nullable: true })
  goats?: number | null;

  @Field(() => Int, { nullable: true })
  walnutTrees?: number | null;

  @Field(() => Int, { nullable: true })
  chestnutTrees?: number | null;

  @Field(() => Int, { nullable: true })
  persimmonTrees?: number | null;

  @Field(() => Int, { nullable: true })
  beehives?: number | null;

  @Field(() => Float, { nullable: true, description: "Land in mu." })
  landMu?: number | null;
}

/** A member entered with a new household (sensitive: needs `household:write-sensitive`). */
@InputType()
export class HouseholdMemberInput {
  @Field(() => MemberRelationEnum)
  relation: MemberRelation;

  @Field(() => SexEnum)
  sex: Sex;

  @Field(() => Int, { nullable: true })
  birthYear?: number | null;

  @Field(() => String, { nullable: true })
  healthNote?: string | null;

  @Field(() => String, { nullable: true })
  disability?: string | null;

  @Field(() => Boolean, { nullable: true })
  migrantWorker?: boolean | null;
}

/**
 * Fields of a household that can be changed after registration. On update an omitted field stays
 * as it is and null clears a nullable one. `causesOfPoverty`, `idNumber` and `bankAccount` are
 * sensitive: giving any of them needs `household:write-sensitive`.
 */
@InputType()
export class HouseholdChangesInput {
  @Field(() => String, { nullable: true, description: "Pseudonymous code, e.g. SG-017." })
  code?: string | null;

  @Field(() => String, { nullable: true })
  headName?: string | null;

  @Field(() => SexEnum, { nullable: true })
  headSex?: Sex | null;

  @Field(() => HeadAgeBandEnum, { nullable: true })
  headAgeBand?: HeadAgeBand | null;

  @Field(() => Int, { nullable: true })
  size?: number | null;

  @Field(() => Boolean, { nullable: true })
  registeredPoor?: boolean | null;

  @Field(() => LivelihoodResourcesInput, {
    nullable: true,
    description: "Replaces the recorded resources as a whole.",
  })
  livelihoodResources?: LivelihoodResourcesInput | null;

  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => String, { nullable: true })
  photoUrl?: string | null;

  @Field(() => String, { nullable: true })
  storyZh?: string | null;

  @Field(() => String, { nullable: true })
  storyEn?: string | null;

  @Field(() => [String], { nullable: true, description: "Sensitive." })
  causesOfPoverty?: string[] | null;

  @Field(() => String, { nullable: true, description: "Sensitive: 18 characters." })
  idNumber?: string | null;

  @Field(() => String, { nullable: true, description: "Sensitive: digits only." })
  bankAccount?: string | null;
}

/** A new household of the register. */
@InputType()
export class CreateHouseholdInput extends HouseholdChangesInput {
  @Field(() => ID)
  villageId: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "With a group the household starts as APPLIED; without one it is kept for comparison.",
  })
  producerGroupId?: string | null;

  @Field(() => [HouseholdMemberInput], { nullable: true, description: "Sensitive." })
  members?: HouseholdMemberInput[] | null;
}

/** The answer to creating or changing a household: the household, or why nothing was saved. */
export const HouseholdResult = createUnionType({
  name: "HouseholdResult",
  types: () =>
    [
      HouseholdType,
      NotFoundError,
      InvalidInputError,
      ForbiddenError,
      InvalidTransitionError,
    ] as const,
  resolveType: (value) => (value instanceof ErrorResult ? value.constructor.name : "Household"),
});

/** The answer to asking for one household. */
export const HouseholdLookup = createUnionType({
  name: "HouseholdLookup",
  types: () => [HouseholdType, NotFoundError] as const,
  resolveType: (value) => (value instanceof ErrorResult ? value.constructor.name : "Household"),
});

/** The answer to recording a year's poverty status and income. */
export const HouseholdYearResult = createUnionType({
  name: "HouseholdYearResult",
  types: () => [HouseholdYearType, NotFoundError, InvalidInputError] as const,
  resolveType: (value) => (value instanceof ErrorResult ? value.constructor.name : "HouseholdYear"),
});

/** The answer to recording or withdrawing a consent. */
export const ConsentResult = createUnionType({
  name: "ConsentResult",
  types: () => [ConsentRecordType, NotFoundError, InvalidInputError] as const,
  resolveType: (value) => (value instanceof ErrorResult ? value.constructor.name : "ConsentRecord"),
});

/** The answer to adding or changing a household member. */
export const HouseholdMemberResult = createUnionType({
  name: "HouseholdMemberResult",
  types: () => [HouseholdMemberType, NotFoundError, InvalidInputError] as const,
  resolveType: (value) =>
    value instanceof ErrorResult ? value.constructor.name : "HouseholdMember",
});
