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
import { QualityCheck } from "../intake/quality-check.entity";
import { Order } from "./order.entity";
import { OrderLine } from "./order-line.entity";

/** REFUND: money back to the consumer; CREDIT: owed against a later order; CHARGE: more owed. */
export const ADJUSTMENT_KINDS = ["REFUND", "CREDIT", "CHARGE"] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

/**
 * A change to what a consumer owes after ordering, usually a shortfall found at intake
 * (then linked to the order line and the quality check that caused it).
 */
@Entity("adjustments")
@Index(["producerGroupId", "orderId"])
@Index(["orderLineId"])
@Index(["qualityCheckId"])
@Check(inList("kind", ADJUSTMENT_KINDS))
@Check(`"amount_fen" > 0`)
export class Adjustment {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  producerGroupId: string;

  @RestrictedManyToOne(() => ProducerGroup, "producer_group_id")
  producerGroup?: Relation<ProducerGroup>;

  @Column("uuid")
  orderId: string;

  @RestrictedManyToOne(() => Order, "order_id")
  order?: Relation<Order>;

  @Column("uuid", { nullable: true })
  orderLineId: string | null;

  @RestrictedManyToOne(() => OrderLine, "order_line_id", { nullable: true })
  orderLine?: Relation<OrderLine> | null;

  @Column("uuid", { nullable: true })
  qualityCheckId: string | null;

  @RestrictedManyToOne(() => QualityCheck, "quality_check_id", { nullable: true })
  qualityCheck?: Relation<QualityCheck> | null;

  @Column("varchar", { length: 16 })
  kind: AdjustmentKind;

  /** Always positive, in fen; `kind` says which way it goes. */
  @Column("integer")
  amountFen: number;

  @Column("text")
  reason: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
