import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  type Relation,
} from "typeorm";
import { RestrictedManyToOne } from "../../database/constraints";
import { User } from "./user.entity";

/**
 * A signed-in session. The client holds an opaque token; only its SHA-256 hash is stored, so a
 * leaked table cannot be replayed. Valid while not revoked and before `expiresAt`.
 */
@Entity("sessions")
@Index("uq_sessions_token_hash", ["tokenHash"], { unique: true })
@Index(["userId"])
@Check(`"expires_at" > "created_at"`)
export class Session {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  userId: string;

  @RestrictedManyToOne(() => User, "user_id")
  user?: Relation<User>;

  /** Hex SHA-256 of the session token. */
  @Column("varchar", { length: 64 })
  tokenHash: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @Column("timestamptz")
  expiresAt: Date;

  @Column("timestamptz", { nullable: true })
  lastSeenAt: Date | null;

  @Column("timestamptz", { nullable: true })
  revokedAt: Date | null;

  @Column("varchar", { length: 512, nullable: true })
  userAgent: string | null;
}
