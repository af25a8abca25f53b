import { LOT_STATES, type LotState } from "@nested/domain";
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
import { inList, RestrictedManyToOne } from "../../database/constraints";
import { Variant } from "../catalog/variant.entity";
import { OrderCycle } from "../cycle/order-cycle.entity";
import { SupplyDeclaration } from "../cycle/supply-declaration.entity";
import { Household } from "../household/household.entity";
import { ProducerGroup } from "../household/producer-group.entity";

/**
 * What one household brings of one variant in one cycle: declared, then allocated to orders,
 * received at the group leader's house and accepted in whole or part at the quality check.
 */
@Entity("lots")
@Index("uq_lots_supply_declaration_id", ["supplyDeclarationId"], { unique: true })
@Index(["producerGroupId", "orderCycleId", "variantId"])
@Index(["householdId"])
@Check(inList("state", LOT_STATES))
@Check(`"quantity_declared" > 0`)
@Check(`"quantity_allocated" >= 0 AND "quantity_allocated" <= "quantity_declared"`)
@Check(`"quantity_received" IS NULL OR "quantity_received" >= 0`)
@Check(
  `"quantity_accepted" IS NULL OR ("quantity_accepted" >= 0 AND "quantity_accepted" <= "quantity_received")`,
)
export class Lot {
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

  @Column("uuid")
  supplyDeclarationId: string;

  @RestrictedManyToOne(() => SupplyDeclaration, "supply_declaration_id")
  supplyDeclaration?: Relation<SupplyDeclaration>;

  @Column("varchar", { length: 16, default: "DECLARED" })
  state: LotState;

  /** Units declared (copied from the declaration when the cycle closes). */
  @Column("integer")
  quantityDeclared: number;

  /** Units allocated to order lines. */
  @Column("integer", { default: 0 })
  quantityAllocated: number;

  /** Units brought to intake; null until received. */
  @Column("integer", { nullable: true })
  quantityReceived: number | null;

  /** Units that passed the quality check; null until checked. */
  @Column("integer", { nullable: true })
  quantityAccepted: number | null;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;
}
