import { ROLES, type Role } from "@nested/domain";
import {
  Check,
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from "typeorm";
import { inList, RestrictedManyToOne } from "../../database/constraints";
import { PartnerOrganisation } from "../partner/partner-organisation.entity";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Anyone who signs in: a consumer, project staff, or a partner's reader. Signs in with an email
 * or a phone number (at least one). E-mail is unique ignoring case through the expression index
 * `uq_users_email_lower` (created in a hand-written migration: TypeORM cannot express it).
 * Soft-deleted rather than removed, since orders, payments and audit entries point at users.
 */
@Entity("users")
@Index("uq_users_email_lower", { synchronize: false })
@Index("uq_users_phone", ["phone"], { unique: true })
@Index(["partnerOrganisationId"])
@Check(inList("role", ROLES))
@Check(inList("locale", LOCALES))
@Check(`"email" IS NOT NULL OR "phone" IS NOT NULL`)
@Check(`"phone" IS NULL OR "phone" ~ '^\\+[1-9][0-9]{6,14}$'`)
@Check(`"partner_organisation_id" IS NULL OR "role" = 'PARTNER'`)
export class User {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** Personal data. Unique ignoring case. */
  @Column("varchar", { length: 254, nullable: true })
  email: string | null;

  /** Personal data, E.164 (`+8613800138000`). */
  @Column("varchar", { length: 16, nullable: true })
  phone: string | null;

  /** argon2id PHC string (`$argon2id$v=19$…`). */
  @Column("varchar", { length: 255 })
  passwordHash: string;

  @Column("varchar", { length: 16 })
  role: Role;

  @Column("varchar", { length: 100 })
  displayName: string;

  @Column("varchar", { length: 8, default: "zh-CN" })
  locale: Locale;

  /** The partner organisation a PARTNER user reads for; null for every other role. */
  @Column("uuid", { nullable: true })
  partnerOrganisationId: string | null;

  @RestrictedManyToOne(() => PartnerOrganisation, "partner_organisation_id", { nullable: true })
  partnerOrganisation?: Relation<PartnerOrganisation> | null;

  /** Set when an admin disables the account; a disabled user cannot sign in. */
  @Column("timestamptz", { nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;

  @DeleteDateColumn({ type: "timestamptz" })
  deletedAt: Date | null;
}
