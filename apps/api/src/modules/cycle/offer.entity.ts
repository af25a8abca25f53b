import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from "typeorm";
import { RestrictedManyToOne } from "../../database/constraints";
import { Variant } from "../catalog/variant.entity";
import { ProducerGroup } from "../household/producer-group.entity";
import { OrderCycle } from "./order-cycle.entity";

/**
 * A variant on sale in a cycle, at a consumer price and a producer price, with the quantity
 * available (sum of declarations minus a buffer). Placing an order raises `quantityReserved` in
 * the same transaction; the CHECK makes overselling impossible even under races.
 */
@Entity("offers")
@Index("uq_offers_order_cycle_id_variant_id", ["orderCycleId", "variantId"], { unique: true })
@Index(["producerGroupId", "orderCycleId"])
@Index(["variantId"])
@Check(`"price_fen" > 0`)
@Check(`"producer_price_fen" >= 0 AND "producer_price_fen" <= "price_fen"`)
@Check(`"quantity_total" >= 0`)
@Check(`"quantity_reserved" >= 0 AND "quantity_reserved" <= "quantity_total"`)
@Check(`"buffer" >= 0`)
export class Offer {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  producerGroupId: string;

  @RestrictedManyToOne(() => ProducerGroup, "producer_group_id")
  producerGroup?: Relation<ProducerGroup>;

  @Column("uuid")
  orderCycleId: string;

  @RestrictedManyToOne(() => OrderCycle, "order_cycle_id")
  orderCycle?: Relation<OrderCycle>;

  @Column("uuid")
  variantId: string;

  @RestrictedManyToOne(() => Variant, "variant_id")
  variant?: Relation<Variant>;

  /** Consumer price of one unit, in fen. */
  @Column("integer")
  priceFen: number;

  /** What the household is paid per accepted unit, in fen; never above the consumer price. */
  @Column("integer")
  producerPriceFen: number;

  /** Units that may be sold: declared units minus `buffer`. */
  @Column("integer")
  quantityTotal: number;

  /** Units held by placed orders. */
  @Column("integer", { default: 0 })
  quantityReserved: number;

  /** Declared units held back against rejections at intake. */
  @Column("integer", { default: 0 })
  buffer: number;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;
}
