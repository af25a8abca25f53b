import { MEMBERSHIP_STATES, type MembershipState } from "@nested/domain";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { PaginatedList, SortDirection } from "../../graphql/pagination";
import { LocalDateScalar } from "../../graphql/scalars";
import { type HeadAgeBand, SEXES, type Sex } from "./household.entity";
import { VillageType } from "./village.types";

/** GraphQL enums of the household register. */
export const MembershipStateEnum = Object.fromEntries(MEMBERSHIP_STATES.map((s) => [s, s])) as {
  [S in MembershipState]: S;
};
registerEnumType(MembershipStateEnum, { name: "MembershipState" });
export const SexEnum = Object.fromEntries(SEXES.map((s) => [s, s])) as { [S in Sex]: S };
registerEnumType(SexEnum, { name: "Sex" });
/** GraphQL names cannot start with a digit, so the age bands are spelled out here. */
export enum HeadAgeBandEnum {
  UNDER_40 = "UNDER_40",
  FROM_40_TO_49 = "40_49",
  FROM_50_TO_59 = "50_59",
  FROM_60_TO_69 = "60_69",
  FROM_70 = "70_PLUS",
}
registerEnumType(HeadAgeBandEnum, { name: "HeadAgeBand" });

/**
 * A household of the register as plain STAFF may see it: no members, incomes, causes of poverty,
 * ID or bank numbers (those need `household:read-sensitive`).
 */
@ObjectType("Household")
export class HouseholdType {
  @Field(() => ID)
  id: string;

  @Field({ description: "Pseudonymous code, e.g. SG-017." })
  code: string;

  @Field({ description: "Name of the household head (staff only)." })
  headName: string;

  @Field(() => SexEnum)
  headSex: Sex;

  @Field(() => HeadAgeBandEnum)
  headAgeBand: HeadAgeBand;

  @Field(() => Int, { description: "People in the household." })
  size: number;

  @Field({ description: "Registered poor (建档立卡贫困户)." })
  registeredPoor: boolean;

  @Field(() => MembershipStateEnum, {
    nullable: true,
    description: "Null: never applied to the group.",
  })
  membershipState: MembershipState | null;

  @Field(() => LocalDateScalar, { nullable: true })
  joinedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  leftOn: string | null;

  @Field(() => ID, { nullable: true })
  producerGroupId: string | null;

  villageId: string;

  @Field(() => VillageType)
  village?: VillageType;

  @Field(() => String, {
    nullable: true,
    description: "Public profile, shown in the shop only under a PUBLIC_PROFILE consent.",
  })
  displayName: string | null;

  @Field(() => String, { nullable: true })
  photoUrl: string | null;

  @Field(() => String, { nullable: true })
  storyZh: string | null;

  @Field(() => String, { nullable: true })
  storyEn: string | null;
}

/** A page of households. */
@ObjectType("HouseholdList")
export class HouseholdList extends PaginatedList(HouseholdType) {}

/** Which households to list. */
@InputType()
export class HouseholdFilter {
  @Field(() => ID, { nullable: true })
  villageId?: string | null;

  @Field(() => ID, { nullable: true })
  producerGroupId?: string | null;

  @Field(() => Boolean, { nullable: true })
  registeredPoor?: boolean | null;

  @Field(() => MembershipStateEnum, { nullable: true })
  membershipState?: MembershipState | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "false: only households never in a group (membership state null, kept for comparison); true: only those with a membership state.",
  })
  hasMembership?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "Part of the code or the head's name (Chinese works).",
  })
  search?: string | null;
}

/** Columns households can be sorted by; the id breaks ties. */
export enum HouseholdSortField {
  CODE = "CODE",
  HEAD_NAME = "HEAD_NAME",
  JOINED_ON = "JOINED_ON",
  SIZE = "SIZE",
}
registerEnumType(HouseholdSortField, { name: "HouseholdSortField" });

/** Sort order of the household list. */
@InputType()
export class HouseholdSort {
  @Field(() => HouseholdSortField, { defaultValue: HouseholdSortField.CODE })
  field: HouseholdSortField = HouseholdSortField.CODE;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection = SortDirection.ASC;
}
