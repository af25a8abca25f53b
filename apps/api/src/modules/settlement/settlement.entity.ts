import { SETTLEMENT_STATES, type SettlementState } from "@nested/domain";
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
import { OrderCycle } from "../cycle/order-cycle.entity";
import { Household } from "../household/household.entity";
import { ProducerGroup } from "../household/producer-group.entity";
import { User } from "../identity/user.entity";
import { PAYMENT_METHODS, type PaymentMethod } from "../order/payment.entity";

/**
 * What a household is paid for one cycle: accepted units × producer price (`grossFen`), minus
 * fee-rule deductions, plus adjustments (negative when money is taken back). All amounts in fen.
 * One per household per cycle; a correction after payment is a new settlement that points at
 * the one it corrects.
 */
@Entity("settlements")
@Index("uq_settlements_order_cycle_id_household_id_original", ["orderCycleId", "householdId"], {
  unique: true,
  where: `"corrects_settlement_id" IS NULL`,
})
@Index(["producerGroupId", "orderCycleId", "state"])
@Index(["householdId"])
@Index(["correctsSettlementId"])
@Check(inList("state", SETTLEMENT_STATES))
@Check(inList("paid_method", PAYMENT_METHODS, { nullable: true }))
@Check(`"gross_fen" >= 0`)
@Check(`"deductions_fen" >= 0`)
@Check(`"net_fen" = "gross_fen" - "deductions_fen" + "adjustments_fen"`)
export class Settlement {
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

  @Column("varchar", { length: 16, default: "DRAFT" })
  state: SettlementState;

  /** Accepted units × producer price, in fen. */
  @Column("integer", { default: 0 })
  grossFen: number;

  /** Sum of the settlement's deductions, in fen. */
  @Column("integer", { default: 0 })
  deductionsFen: number;

  /** Net of manual adjustments in fen; negative when money is taken back. */
  @Column("integer", { default: 0 })
  adjustmentsFen: number;

  /** `grossFen − deductionsFen + adjustmentsFen` (enforced by a CHECK): the payout. */
  @Column("integer", { default: 0 })
  netFen: number;

  /** The earlier settlement this one corrects; null for the first settlement of the cycle. */
  @Column("uuid", { nullable: true })
  correctsSettlementId: string | null;

  @RestrictedManyToOne(() => Settlement, "corrects_settlement_id", { nullable: true })
  correctsSettlement?: Relation<Settlement> | null;

  @Column("timestamptz", { nullable: true })
  calculatedAt: Date | null;

  @Column("timestamptz", { nullable: true })
  approvedAt: Date | null;

  @Column("uuid", { nullable: true })
  approvedByUserId: string | null;

  @RestrictedManyToOne(() => User, "approved_by_user_id", { nullable: true })
  approvedByUser?: Relation<User> | null;

  /** Business day the payout was made. */
  @Column("date", { nullable: true })
  paidOn: string | null;

  @Column("varchar", { length: 16, nullable: true })
  paidMethod: PaymentMethod | null;

  /** Transfer number or receipt of the payout. */
  @Column("varchar", { length: 100, nullable: true })
  payoutReference: string | null;

  /** When the household confirmed receiving the payout. */
  @Column("timestamptz", { nullable: true })
  acknowledgedAt: Date | null;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;
}
