import { Column, Entity, Index, PrimaryColumn, type Relation } from "typeorm";
import { RestrictedManyToOne } from "../../database/constraints";
import { Household } from "../household/household.entity";
import { ProducerGroup } from "../household/producer-group.entity";
import { TrustEvent } from "./trust-event.entity";

/** A household taking part in a trust event (hosting a visit, being reviewed …). */
@Entity("trust_event_households")
@Index(["producerGroupId", "trustEventId"])
@Index(["householdId"])
export class TrustEventHousehold {
  @PrimaryColumn("uuid")
  trustEventId: string;

  @RestrictedManyToOne(() => TrustEvent, "trust_event_id")
  trustEvent?: Relation<TrustEvent>;

  @PrimaryColumn("uuid")
  householdId: string;

  @RestrictedManyToOne(() => Household, "household_id")
  household?: Relation<Household>;

  /** The trust event's group, carried so the table can be distributed with it. */
  @Column("uuid")
  producerGroupId: string;

  @RestrictedManyToOne(() => ProducerGroup, "producer_group_id")
  producerGroup?: Relation<ProducerGroup>;
}
