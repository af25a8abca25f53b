import { Check, Column, Entity, Index, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { inList, RestrictedManyToOne } from "../../database/constraints";
import { ProducerGroup } from "../household/producer-group.entity";
import { User } from "../identity/user.entity";
import { Order } from "./order.entity";

export const PAYMENT_METHODS = ["WECHAT_PAY", "ALIPAY", "BANK_TRANSFER", "CASH"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Money received from a consumer household for an order, recorded by staff. */
@Entity("payments")
@Index(["producerGroupId", "orderId"])
@Check(inList("method", PAYMENT_METHODS))
@Check(`"amount_fen" > 0`)
export class Payment {
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

  /** Amount received, in fen. */
  @Column("integer")
  amountFen: number;

  @Column("varchar", { length: 16 })
  method: PaymentMethod;

  /** Transfer or receipt number, when there is one. */
  @Column("varchar", { length: 100, nullable: true })
  reference: string | null;

  @Column("timestamptz")
  paidAt: Date;

  @Column("uuid")
  recordedByUserId: string;

  @RestrictedManyToOne(() => User, "recorded_by_user_id")
  recordedByUser?: Relation<User>;
}
