import { Check, Column, Entity, Index, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { RestrictedManyToOne } from "../../database/constraints";
import { Variant } from "../catalog/variant.entity";
import { Offer } from "../cycle/offer.entity";
import { ProducerGroup } from "../household/producer-group.entity";
import { Order } from "./order.entity";

/**
 * One offer in an order. Names and unit price are snapshots taken when the line was placed, so
 * later catalog or price edits never change what a consumer bought.
 */
@Entity("order_lines")
@Index(["producerGroupId", "orderId"])
@Index(["offerId"])
@Index("uq_order_lines_order_id_offer_id", ["orderId", "offerId"], { unique: true })
@Check(`"unit_price_fen" >= 0`)
@Check(`"quantity" > 0`)
@Check(`"line_total_fen" = "unit_price_fen" * "quantity"`)
@Check(
  `"quantity_accepted" IS NULL OR ("quantity_accepted" >= 0 AND "quantity_accepted" <= "quantity")`,
)
export class OrderLine {
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

  @Column("uuid")
  offerId: string;

  @RestrictedManyToOne(() => Offer, "offer_id")
  offer?: Relation<Offer>;

  @Column("uuid")
  variantId: string;

  @RestrictedManyToOne(() => Variant, "variant_id")
  variant?: Relation<Variant>;

  /** Snapshot of the product's Chinese name. */
  @Column("varchar", { length: 100 })
  productNameZh: string;

  /** Snapshot of the product's English name. */
  @Column("varchar", { length: 100 })
  productNameEn: string;

  /** Snapshot of the variant's Chinese name. */
  @Column("varchar", { length: 100 })
  variantNameZh: string;

  /** Snapshot of the variant's English name. */
  @Column("varchar", { length: 100 })
  variantNameEn: string;

  /** Snapshot of the consumer price of one unit, in fen. */
  @Column("integer")
  unitPriceFen: number;

  /** Units ordered. */
  @Column("integer")
  quantity: number;

  /** `unitPriceFen × quantity`, in fen (enforced by a CHECK). */
  @Column("integer")
  lineTotalFen: number;

  /** Units actually delivered after intake; null until allocation and quality checks are done. */
  @Column("integer", { nullable: true })
  quantityAccepted: number | null;
}
