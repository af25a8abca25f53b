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
import { ConsumerHousehold } from "../consumer/consumer-household.entity";
import { ProducerGroup } from "../household/producer-group.entity";
import { TrustEvent } from "./trust-event.entity";

export const ATTENDANCE_STATES = ["SIGNED_UP", "CANCELLED", "ATTENDED"] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];

/**
 * A consumer household signing up for a trust event. A household has at most one live
 * (not cancelled) sign-up per event; it may sign up again after cancelling.
 */
@Entity("trust_event_attendances")
@Index("uq_trust_event_attendances_live_sign_up", ["trustEventId", "consumerHouseholdId"], {
  unique: true,
  where: `"state" <> 'CANCELLED'`,
})
@Index(["producerGroupId", "trustEventId"])
@Index(["consumerHouseholdId"])
@Check(inList("state", ATTENDANCE_STATES))
@Check(`"people" >= 1`)
export class TrustEventAttendance {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  producerGroupId: string;

  @RestrictedManyToOne(() => ProducerGroup, "producer_group_id")
  producerGroup?: Relation<ProducerGroup>;

  @Column("uuid")
  trustEventId: string;

  @RestrictedManyToOne(() => TrustEvent, "trust_event_id")
  trustEvent?: Relation<TrustEvent>;

  @Column("uuid")
  consumerHouseholdId: string;

  @RestrictedManyToOne(() => ConsumerHousehold, "consumer_household_id")
  consumerHousehold?: Relation<ConsumerHousehold>;

  /** People coming from the household (counts against the event's capacity). */
  @Column("integer", { default: 1 })
  people: number;

  @Column("varchar", { length: 16, default: "SIGNED_UP" })
  state: AttendanceState;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
