import { ORDER_STATES, PAYMENT_STATES, type OrderState, type PaymentState } from "@nested/domain";
import {
  Check,
  Column,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from "typeorm";
import { inList, RestrictedManyToOne } from "../../database/constraints";
import { ConsumerHousehold } from "../consumer/consumer-household.entity";
import { PickupPoint } from "../consumer/pickup-point.entity";
import { OrderCycle } from "../cycle/order-cycle.entity";
import { ProducerGroup } from "../household/producer-group.entity";

/**
 * A consumer household's order in one cycle, collected at one pickup point. Fulfilment
 * (`state`) and payment (`paymentState`) move separately. `idempotencyKey` comes from the client
 * so a retried "place order" cannot create a second order.
 */
@Entity("orders")
@Index(
  "uq_orders_consumer_household_id_idempotency_key",
  ["consumerHouseholdId", "idempotencyKey"],
  { unique: true },
)
@Index(["producerGroupId", "orderCycleId", "state"])
@Index(["producerGroupId", "consumerHouseholdId"])
@Index(["pickupPointId"])
@Check(inList("state", ORDER_STATES))
@Check(inList("payment_state", PAYMENT_STATES))
@Check(`"total_fen" >= 0`)
export class Order {
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
  consumerHouseholdId: string;

  @RestrictedManyToOne(() => ConsumerHousehold, "consumer_household_id")
  consumerHousehold?: Relation<ConsumerHousehold>;

  @Column("uuid")
  pickupPointId: string;

  @RestrictedManyToOne(() => PickupPoint, "pickup_point_id")
  pickupPoint?: Relation<PickupPoint>;

  @Column("varchar", { length: 16, default: "PLACED" })
  state: OrderState;

  @Column("varchar", { length: 16, default: "UNPAID" })
  paymentState: PaymentState;

  /** Sum of the line totals, in fen. */
  @Column("integer")
  totalFen: number;

  /** Client-chosen key, unique per consumer household. */
  @Column("varchar", { length: 64 })
  idempotencyKey: string;

  @Column("timestamptz", { default: () => "now()" })
  placedAt: Date;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;
}
