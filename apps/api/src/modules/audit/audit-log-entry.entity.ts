import { Column, Entity, Index, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { RestrictedManyToOne } from "../../database/constraints";
import { User } from "../identity/user.entity";

/**
 * One change to a record (household register, settlement, state transitions …), with the row
 * before and after. Append-only: a trigger (hand-written migration) raises on UPDATE and DELETE.
 * `before`/`after` may hold personal data of the changed row and are shown to admins only.
 */
@Entity("audit_log")
@Index(["entityType", "entityId", "at"])
@Index(["actorUserId", "at"])
export class AuditLogEntry {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("timestamptz", { default: () => "now()" })
  at: Date;

  /** Null for changes made by the system (jobs, seeding). */
  @Column("uuid", { nullable: true })
  actorUserId: string | null;

  @RestrictedManyToOne(() => User, "actor_user_id", { nullable: true })
  actorUser?: Relation<User> | null;

  /** What was done, e.g. `household.update`, `orderCycle.transition`. */
  @Column("varchar", { length: 100 })
  action: string;

  /** Entity class name of the changed row, e.g. `Household`. */
  @Column("varchar", { length: 100 })
  entityType: string;

  @Column("uuid")
  entityId: string;

  @Column("jsonb", { nullable: true })
  before: Record<string, unknown> | null;

  @Column("jsonb", { nullable: true })
  after: Record<string, unknown> | null;
}
