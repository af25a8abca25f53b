import { MEMBERSHIP_STATES, type MembershipState } from "@nested/domain";
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from "typeorm";
import { inList, RestrictedManyToOne } from "../../database/constraints";
import { ProducerGroup } from "./producer-group.entity";
import { Village } from "./village.entity";

/** Sex of a person as recorded in the household register. */
export const SEXES = ["F", "M"] as const;
export type Sex = (typeof SEXES)[number];

/** Age band of the household head; impact figures are broken down by it. */
export const HEAD_AGE_BANDS = ["UNDER_40", "40_49", "50_59", "60_69", "70_PLUS"] as const;
export type HeadAgeBand = (typeof HEAD_AGE_BANDS)[number];

/**
 * What a household owns that can produce food for sale. Counts of animals and trees; land in mu
 * (亩, 1 mu ≈ 667 m²). Keys are optional: only what was surveyed is recorded.
 */
export interface LivelihoodResources {
  hens?: number;
  pigs?: number;
  goats?: number;
  walnutTrees?: number;
  chestnutTrees?: number;
  persimmonTrees?: number;
  beehives?: number;
  landMu?: number;
}

/**
 * A farm household (农户) of a village. Participating households belong to a producer group;
 * non-participating ones (no group, no membership state) are kept for comparison in impact figures.
 *
 * Personal data under PIPL: the head's name is shown to staff only; `idNumber`, `bankAccount`
 * and `causesOfPoverty` are sensitive and need a SENSITIVE_DATA consent record. Consumers see the
 * pseudonymous `code` and village, and the public profile (display name, photo, story) only with a
 * PUBLIC_PROFILE consent.
 */
@Entity("households")
@Index("uq_households_code", ["code"], { unique: true })
@Index(["producerGroupId", "membershipState"])
@Index(["villageId"])
@Check(inList("head_sex", SEXES))
@Check(inList("head_age_band", HEAD_AGE_BANDS))
@Check(inList("membership_state", MEMBERSHIP_STATES, { nullable: true }))
@Check(`"size" >= 1`)
@Check(`"membership_state" IS NULL OR "producer_group_id" IS NOT NULL`)
@Check(`"left_on" IS NULL OR "joined_on" IS NULL OR "left_on" >= "joined_on"`)
export class Household {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** Null for village households that never applied to the group. */
  @Column("uuid", { nullable: true })
  producerGroupId: string | null;

  @RestrictedManyToOne(() => ProducerGroup, "producer_group_id", { nullable: true })
  producerGroup?: Relation<ProducerGroup> | null;

  @Column("uuid")
  villageId: string;

  @RestrictedManyToOne(() => Village, "village_id")
  village?: Relation<Village>;

  /** Pseudonymous code shown to consumers and used in exports, e.g. "SG-017". */
  @Column("varchar", { length: 16 })
  code: string;

  /** Name of the household head. Personal data: staff only, never in shop or partner APIs. */
  @Column("varchar", { length: 100 })
  headName: string;

  @Column("varchar", { length: 1 })
  headSex: Sex;

  @Column("varchar", { length: 8 })
  headAgeBand: HeadAgeBand;

  /** Number of people in the household (the divisor of per-capita income). */
  @Column("integer")
  size: number;

  /** Registered poor (建档立卡贫困户) at registration; the yearly status is in household_years. */
  @Column("boolean", { default: false })
  registeredPoor: boolean;

  /** Membership in the producer group; null when the household never applied. */
  @Column("varchar", { length: 16, nullable: true })
  membershipState: MembershipState | null;

  @Column("date", { nullable: true })
  joinedOn: string | null;

  @Column("date", { nullable: true })
  leftOn: string | null;

  /** Public profile, shown to consumers only with a PUBLIC_PROFILE consent. */
  @Column("varchar", { length: 100, nullable: true })
  displayName: string | null;

  /** Public profile photo (consent as for `displayName`). */
  @Column("text", { nullable: true })
  photoUrl: string | null;

  /** Public profile story in Chinese (consent as for `displayName`). */
  @Column("text", { nullable: true })
  storyZh: string | null;

  /** Public profile story in English (consent as for `displayName`). */
  @Column("text", { nullable: true })
  storyEn: string | null;

  /** Hens, pigs, trees, land (mu) …: see {@link LivelihoodResources}. */
  @Column("jsonb", { default: {} })
  livelihoodResources: LivelihoodResources;

  /** Causes of poverty as registered (illness, disability, lack of labour …). Sensitive (PIPL). */
  @Column("text", { array: true, default: [] })
  causesOfPoverty: string[];

  /** Resident identity card number. Sensitive (PIPL): finance and admin only. */
  @Column("varchar", { length: 18, nullable: true })
  idNumber: string | null;

  /** Bank account for payouts. Sensitive (PIPL): finance and admin only. */
  @Column("varchar", { length: 64, nullable: true })
  bankAccount: string | null;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;
}
