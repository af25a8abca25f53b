import { Check, Column, Entity, Index, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { RestrictedManyToOne } from "../../database/constraints";
import { Variant } from "../catalog/variant.entity";
import { Household } from "../household/household.entity";
import { ProducerGroup } from "../household/producer-group.entity";
import { User } from "../identity/user.entity";
import { OrderCycle } from "./order-cycle.entity";

/**
 * A household's supply declaration (报货): how many units of a variant it can sell this cycle.
 * One per household, cycle and variant; a change updates the quantity.
 */
@Entity("supply_declarations")
@Index(
  "uq_supply_declarations_order_cycle_id_household_id_variant_id",
  ["orderCycleId", "householdId", "variantId"],
  { unique: true },
)
@Index(["producerGroupId", "orderCycleId", "variantId"])
@Index(["householdId"])
@Check(`"quantity" > 0`)
export class SupplyDeclaration {
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
  householdId: string;

  @RestrictedManyToOne(() => Household, "household_id")
  household?: Relation<Household>;

  @Column("uuid")
  variantId: string;

  @RestrictedManyToOne(() => Variant, "variant_id")
  variant?: Relation<Variant>;

  /** Units of the variant declared. */
  @Column("integer")
  quantity: number;

  @Column("timestamptz", { default: () => "now()" })
  declaredAt: Date;

  /** The staff member who wrote the declaration down; null when the household entered it. */
  @Column("uuid", { nullable: true })
  recordedByUserId: string | null;

  @RestrictedManyToOne(() => User, "recorded_by_user_id", { nullable: true })
  recordedByUser?: Relation<User> | null;
}
