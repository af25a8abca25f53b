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
import { OrderLine } from "../order/order-line.entity";

export const FEEDBACK_CATEGORIES = [
  "FRESHNESS",
  "TASTE",
  "SIZE",
  "CUT",
  "PACKAGING",
  "OTHER",
] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

/** A consumer household's rating of an order line (at most one per line); a complaint asks staff to act on it. */
@Entity("feedback")
@Index(["producerGroupId", "createdAt"])
@Index("uq_feedback_order_line_id", ["orderLineId"], { unique: true })
@Index(["consumerHouseholdId"])
@Check(inList("category", FEEDBACK_CATEGORIES))
@Check(`"rating" BETWEEN 1 AND 5`)
export class Feedback {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  producerGroupId: string;

  @RestrictedManyToOne(() => ProducerGroup, "producer_group_id")
  producerGroup?: Relation<ProducerGroup>;

  @Column("uuid")
  orderLineId: string;

  @RestrictedManyToOne(() => OrderLine, "order_line_id")
  orderLine?: Relation<OrderLine>;

  @Column("uuid")
  consumerHouseholdId: string;

  @RestrictedManyToOne(() => ConsumerHousehold, "consumer_household_id")
  consumerHousehold?: Relation<ConsumerHousehold>;

  /** 1 (poor) to 5 (excellent). */
  @Column("integer")
  rating: number;

  @Column("varchar", { length: 16 })
  category: FeedbackCategory;

  @Column("text", { nullable: true })
  comment: string | null;

  @Column("boolean", { default: false })
  isComplaint: boolean;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
