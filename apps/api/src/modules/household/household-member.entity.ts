import { Check, Column, Entity, Index, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { inList, RestrictedManyToOne } from "../../database/constraints";
import { Household, SEXES, type Sex } from "./household.entity";

/** How a member is related to the household head. */
export const MEMBER_RELATIONS = [
  "HEAD",
  "SPOUSE",
  "CHILD",
  "CHILD_IN_LAW",
  "GRANDCHILD",
  "PARENT",
  "SIBLING",
  "OTHER",
] as const;
export type MemberRelation = (typeof MEMBER_RELATIONS)[number];

/**
 * A person of a household. The whole row is personal data and health and disability are
 * sensitive (PIPL): staff see it only where a SENSITIVE_DATA consent is on record; partners
 * only ever get aggregates.
 */
@Entity("household_members")
@Index(["householdId"])
@Check(inList("relation", MEMBER_RELATIONS))
@Check(inList("sex", SEXES))
@Check(`"birth_year" IS NULL OR "birth_year" BETWEEN 1900 AND 2100`)
export class HouseholdMember {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  householdId: string;

  @RestrictedManyToOne(() => Household, "household_id")
  household?: Relation<Household>;

  @Column("varchar", { length: 16 })
  relation: MemberRelation;

  @Column("varchar", { length: 1 })
  sex: Sex;

  @Column("integer", { nullable: true })
  birthYear: number | null;

  /** Chronic illness and the like. Sensitive (PIPL). */
  @Column("text", { nullable: true })
  healthNote: string | null;

  /** Disability, as described in the register. Sensitive (PIPL). */
  @Column("text", { nullable: true })
  disability: string | null;

  /** Works away from the village (外出务工) for most of the year. */
  @Column("boolean", { default: false })
  migrantWorker: boolean;
}
