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
import { ProducerGroup } from "../household/producer-group.entity";
import { User } from "../identity/user.entity";
import { Lot } from "./lot.entity";

export const QUALITY_RESULTS = ["ACCEPTED", "PARTIAL", "REJECTED"] as const;
export type QualityResult = (typeof QUALITY_RESULTS)[number];

export const REJECTION_REASONS = [
  "STALE",
  "CRACKED",
  "UNDERWEIGHT",
  "NOT_OWN_PRODUCE",
  "PACKAGING",
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** The check of a lot at intake: how many units came and how many were accepted, and why not. */
@Entity("quality_checks")
@Index(["producerGroupId", "lotId"])
@Check(inList("result", QUALITY_RESULTS))
@Check(inList("reason", REJECTION_REASONS, { nullable: true }))
@Check(`"quantity_received" >= 0`)
@Check(`"quantity_accepted" >= 0 AND "quantity_accepted" <= "quantity_received"`)
@Check(`"result" = 'ACCEPTED' OR "reason" IS NOT NULL`)
export class QualityCheck {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  producerGroupId: string;

  @RestrictedManyToOne(() => ProducerGroup, "producer_group_id")
  producerGroup?: Relation<ProducerGroup>;

  @Column("uuid")
  lotId: string;

  @RestrictedManyToOne(() => Lot, "lot_id")
  lot?: Relation<Lot>;

  @Column("date")
  checkedOn: string;

  @Column("uuid")
  checkedByUserId: string;

  @RestrictedManyToOne(() => User, "checked_by_user_id")
  checkedByUser?: Relation<User>;

  @Column("integer")
  quantityReceived: number;

  @Column("integer")
  quantityAccepted: number;

  @Column("varchar", { length: 16 })
  result: QualityResult;

  /** Why units were refused; required unless everything was accepted. */
  @Column("varchar", { length: 16, nullable: true })
  reason: RejectionReason | null;

  @Column("text", { nullable: true })
  note: string | null;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
