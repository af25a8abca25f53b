import { Column, Entity, Index, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { RestrictedManyToOne } from "../../database/constraints";
import { ProducerGroup } from "../household/producer-group.entity";
import { User } from "../identity/user.entity";
import { ConsumerGroup } from "./consumer-group.entity";
import { PickupPoint } from "./pickup-point.entity";

/**
 * A city household that buys, joined by invitation. One user account per consumer household
 * (the one who signs in and orders).
 */
@Entity("consumer_households")
@Index(["producerGroupId", "consumerGroupId"])
@Index("uq_consumer_households_user_id", ["userId"], { unique: true })
export class ConsumerHousehold {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  producerGroupId: string;

  @RestrictedManyToOne(() => ProducerGroup, "producer_group_id")
  producerGroup?: Relation<ProducerGroup>;

  @Column("uuid")
  consumerGroupId: string;

  @RestrictedManyToOne(() => ConsumerGroup, "consumer_group_id")
  consumerGroup?: Relation<ConsumerGroup>;

  @Column("uuid")
  userId: string;

  @RestrictedManyToOne(() => User, "user_id")
  user?: Relation<User>;

  /** Name the household chose to be shown as (to staff and on packing lists). Personal data. */
  @Column("varchar", { length: 100 })
  displayName: string;

  @Column("uuid", { nullable: true })
  defaultPickupPointId: string | null;

  @RestrictedManyToOne(() => PickupPoint, "default_pickup_point_id", { nullable: true })
  defaultPickupPoint?: Relation<PickupPoint> | null;

  /** Who invited them; null for founding members. */
  @Column("uuid", { nullable: true })
  invitedByConsumerHouseholdId: string | null;

  @RestrictedManyToOne(() => ConsumerHousehold, "invited_by_consumer_household_id", {
    nullable: true,
  })
  invitedByConsumerHousehold?: Relation<ConsumerHousehold> | null;

  @Column("timestamptz", { default: () => "now()" })
  joinedAt: Date;
}
