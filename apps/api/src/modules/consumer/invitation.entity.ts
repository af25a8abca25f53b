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
import { ProducerGroup } from "../household/producer-group.entity";
import { User } from "../identity/user.entity";
import { ConsumerGroup } from "./consumer-group.entity";
import { ConsumerHousehold } from "./consumer-household.entity";

/**
 * An invitation code to join a consumer group, issued by a member household or by staff and
 * used at most once.
 */
@Entity("invitations")
@Index("uq_invitations_code", ["code"], { unique: true })
@Index("uq_invitations_used_by_consumer_household_id", ["usedByConsumerHouseholdId"], {
  unique: true,
})
@Index(["producerGroupId", "consumerGroupId"])
@Check(`"issued_by_consumer_household_id" IS NOT NULL OR "issued_by_user_id" IS NOT NULL`)
@Check(`("used_by_consumer_household_id" IS NULL) = ("used_at" IS NULL)`)
@Check(`"expires_at" > "created_at"`)
export class Invitation {
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

  /** The code a newcomer types or follows in a link. */
  @Column("varchar", { length: 32 })
  code: string;

  @Column("uuid", { nullable: true })
  issuedByConsumerHouseholdId: string | null;

  @RestrictedManyToOne(() => ConsumerHousehold, "issued_by_consumer_household_id", {
    nullable: true,
  })
  issuedByConsumerHousehold?: Relation<ConsumerHousehold> | null;

  @Column("uuid", { nullable: true })
  issuedByUserId: string | null;

  @RestrictedManyToOne(() => User, "issued_by_user_id", { nullable: true })
  issuedByUser?: Relation<User> | null;

  @Column("uuid", { nullable: true })
  usedByConsumerHouseholdId: string | null;

  @RestrictedManyToOne(() => ConsumerHousehold, "used_by_consumer_household_id", { nullable: true })
  usedByConsumerHousehold?: Relation<ConsumerHousehold> | null;

  @Column("timestamptz", { nullable: true })
  usedAt: Date | null;

  @Column("timestamptz")
  expiresAt: Date;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
