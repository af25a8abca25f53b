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
import { Village } from "../household/village.entity";

export const TRUST_EVENT_KINDS = ["VILLAGE_VISIT", "MEETING", "PEER_REVIEW"] as const;
export type TrustEventKind = (typeof TRUST_EVENT_KINDS)[number];

/**
 * Something that builds trust between the two sides: consumers visiting a village, a meeting,
 * or households reviewing each other's produce.
 */
@Entity("trust_events")
@Index(["producerGroupId", "startsAt"])
@Index(["villageId"])
@Check(inList("kind", TRUST_EVENT_KINDS))
@Check(`"ends_at" > "starts_at"`)
@Check(`"capacity" IS NULL OR "capacity" >= 1`)
export class TrustEvent {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  producerGroupId: string;

  @RestrictedManyToOne(() => ProducerGroup, "producer_group_id")
  producerGroup?: Relation<ProducerGroup>;

  @Column("varchar", { length: 16 })
  kind: TrustEventKind;

  @Column("varchar", { length: 200 })
  titleZh: string;

  @Column("varchar", { length: 200 })
  titleEn: string;

  @Column("uuid")
  villageId: string;

  @RestrictedManyToOne(() => Village, "village_id")
  village?: Relation<Village>;

  @Column("timestamptz")
  startsAt: Date;

  @Column("timestamptz")
  endsAt: Date;

  /** Most people (not households) who may sign up; null = no limit. */
  @Column("integer", { nullable: true })
  capacity: number | null;

  /** Whether consumer households may sign up in the shop. */
  @Column("boolean", { default: false })
  openToConsumers: boolean;

  @Column("text", { nullable: true })
  notes: string | null;

  /**
   * Set when staff cancel the event. Its sign-ups are kept (the shop shows them as cancelled);
   * nobody may sign up any more.
   */
  @Column("timestamptz", { nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
