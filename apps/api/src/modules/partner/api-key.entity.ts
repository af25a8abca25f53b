import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  type Relation,
} from "typeorm";
import { RestrictedManyToOne } from "../../database/constraints";
import { User } from "../identity/user.entity";
import { PartnerOrganisation } from "./partner-organisation.entity";

/**
 * A partner's API key for the Partner API. The key itself is shown once; only its SHA-256 hash
 * and its first 8 characters (to tell keys apart in lists) are stored.
 */
@Entity("api_keys")
@Index("uq_api_keys_key_hash", ["keyHash"], { unique: true })
@Index(["partnerOrganisationId"])
export class ApiKey {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  partnerOrganisationId: string;

  @RestrictedManyToOne(() => PartnerOrganisation, "partner_organisation_id")
  partnerOrganisation?: Relation<PartnerOrganisation>;

  /** First 8 characters of the key, shown in lists. */
  @Column("varchar", { length: 8 })
  prefix: string;

  /** Hex SHA-256 of the whole key. */
  @Column("varchar", { length: 64 })
  keyHash: string;

  /** Permissions the key grants, e.g. `impact:read`. */
  @Column("text", { array: true })
  scopes: string[];

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @Column("uuid")
  createdByUserId: string;

  @RestrictedManyToOne(() => User, "created_by_user_id")
  createdByUser?: Relation<User>;

  @Column("timestamptz", { nullable: true })
  revokedAt: Date | null;

  @Column("timestamptz", { nullable: true })
  lastUsedAt: Date | null;
}
