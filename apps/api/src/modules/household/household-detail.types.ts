import { enumOf } from "../../graphql/type-helpers";
import { POVERTY_STATUSES, type PovertyStatus } from "@nested/domain";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { LocalDateScalar } from "../../graphql/scalars";
import {
  CONSENT_KINDS,
  CONSENT_METHODS,
  type ConsentKind,
  type ConsentMethod,
} from "./consent-record.entity";
import { MEMBER_RELATIONS, type MemberRelation } from "./household-member.entity";
import type { Sex } from "./household.entity";
import { SexEnum } from "./household.types";

/** GraphQL enum of yearly poverty statuses. */
export const PovertyStatusEnum = enumOf(POVERTY_STATUSES);
registerEnumType(PovertyStatusEnum, { name: "PovertyStatus" });
/** GraphQL enum of consent kinds. */
export const ConsentKindEnum = enumOf(CONSENT_KINDS);
registerEnumType(ConsentKindEnum, { name: "ConsentKind" });
/** GraphQL enum of how a consent was given. */
export const ConsentMethodEnum = enumOf(CONSENT_METHODS);
registerEnumType(ConsentMethodEnum, { name: "ConsentMethod" });
/** GraphQL enum of a member's relation to the head. */
export const MemberRelationEnum = enumOf(MEMBER_RELATIONS);
registerEnumType(MemberRelationEnum, { name: "MemberRelation" });

/** Hens, pigs, trees, beehives and land of a household; null where not surveyed. */
@ObjectType("LivelihoodResources")
export class LivelihoodResourcesType {
  @Field(() => Int, { nullable: true })
  hens?: number;

  @Field(() => Int, { nullable: true })
  pigs?: number;

  @Field(() => Int, { nullable: true })
  goats?: number;

  @Field(() => Int, { nullable: true })
  walnutTrees?: number;

  @Field(() => Int, { nullable: true })
  chestnutTrees?: number;

  @Field(() => Int, { nullable: true })
  persimmonTrees?: number;

  @Field(() => Int, { nullable: true })
  beehives?: number;

  @Field(() => Float, { nullable: true, description: "Land in mu (亩, about 667 m²)." })
  landMu?: number;
}

/** A household's poverty status and per-capita net income in one year (sensitive). */
@ObjectType("HouseholdYear")
export class HouseholdYearType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  year: number;

  @Field(() => PovertyStatusEnum)
  povertyStatus: PovertyStatus;

  @Field(() => Int, {
    description: "Per-capita net income (人均纯收入), yuan per person per year.",
  })
  perCapitaNetIncomeYuan: number;
}

/** A person of a household (sensitive: health and disability). */
@ObjectType("HouseholdMember")
export class HouseholdMemberType {
  @Field(() => ID)
  id: string;

  @Field(() => MemberRelationEnum)
  relation: MemberRelation;

  @Field(() => SexEnum)
  sex: Sex;

  @Field(() => Int, { nullable: true })
  birthYear: number | null;

  @Field(() => String, { nullable: true })
  healthNote: string | null;

  @Field(() => String, { nullable: true })
  disability: string | null;

  @Field({ description: "Works away from the village (外出务工) most of the year." })
  migrantWorker: boolean;
}

/** A consent given by a household; in force while `withdrawnOn` is null. */
@ObjectType("ConsentRecord")
export class ConsentRecordType {
  @Field(() => ID)
  id: string;

  @Field(() => ConsentKindEnum)
  kind: ConsentKind;

  @Field(() => LocalDateScalar)
  grantedOn: string;

  @Field(() => ConsentMethodEnum)
  method: ConsentMethod;

  @Field(() => LocalDateScalar, { nullable: true })
  withdrawnOn: string | null;

  @Field(() => ID, { description: "The staff member who took it." })
  recordedByUserId: string;
}
