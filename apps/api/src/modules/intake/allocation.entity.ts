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
import { OrderLine } from "../order/order-line.entity";
import { Lot } from "./lot.entity";

/**
 * Units of an order line served from a household's lot. Allocation is pro-poor: `rank` is the
 * household's place in the serving order and `reason` says why (e.g. registered poor, income
 * below the poverty line), so the choice can be explained to households.
 */
@Entity("allocations")
@Index("uq_allocations_order_line_id_lot_id", ["orderLineId", "lotId"], { unique: true })
@Index(["producerGroupId", "lotId"])
@Index(["producerGroupId", "orderLineId"])
@Check(`"quantity" > 0`)
@Check(`"rank" >= 1`)
export class Allocation {
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
  lotId: string;

  @RestrictedManyToOne(() => Lot, "lot_id")
  lot?: Relation<Lot>;

  /** Units of the variant. */
  @Column("integer")
  quantity: number;

  /** 1 = served first. */
  @Column("integer")
  rank: number;

  @Column("text")
  reason: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
