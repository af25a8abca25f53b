import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  type Relation,
} from "typeorm";
import { inList, RestrictedManyToOne } from "../../database/constraints";
import { User } from "../identity/user.entity";
import { Household } from "./household.entity";

/**
 * What a consent covers (PIPL): GENERAL processing of register data, SENSITIVE_DATA (health,
 * disability, ID number, bank account, causes of poverty), PUBLIC_PROFILE (name, photo and story
 * shown to consumers).
 */
export const CONSENT_KINDS = ["GENERAL", "SENSITIVE_DATA", "PUBLIC_PROFILE"] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** How the consent was given; many heads of household do not write. */
export const CONSENT_METHODS = ["WRITTEN", "THUMBPRINT", "VERBAL_WITNESSED"] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** A consent given by a household, and its withdrawal. A consent is in force while not withdrawn. */
@Entity("consent_records")
@Index(["householdId", "kind"])
@Check(inList("kind", CONSENT_KINDS))
@Check(inList("method", CONSENT_METHODS))
@Check(`"withdrawn_on" IS NULL OR "withdrawn_on" >= "granted_on"`)
export class ConsentRecord {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  householdId: string;

  @RestrictedManyToOne(() => Household, "household_id")
  household?: Relation<Household>;

  @Column("varchar", { length: 16 })
  kind: ConsentKind;

  @Column("date")
  grantedOn: string;

  @Column("varchar", { length: 16 })
  method: ConsentMethod;

  @Column("date", { nullable: true })
  withdrawnOn: string | null;

  /** The staff member who took the consent. */
  @Column("uuid")
  recordedByUserId: string;

  @RestrictedManyToOne(() => User, "recorded_by_user_id")
  recordedByUser?: Relation<User>;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
