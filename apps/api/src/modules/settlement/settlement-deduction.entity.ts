import { Check, Column, Entity, Index, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { inList, RestrictedManyToOne } from "../../database/constraints";
import { ProducerGroup } from "../household/producer-group.entity";
import { FEE_KINDS, FeeRule, type FeeKind } from "./fee-rule.entity";
import { Settlement } from "./settlement.entity";

/** One fee taken from a settlement under a fee rule, in fen. */
@Entity("settlement_deductions")
@Index(["producerGroupId", "settlementId"])
@Index(["feeRuleId"])
@Check(inList("kind", FEE_KINDS))
@Check(`"amount_fen" >= 0`)
export class SettlementDeduction {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  producerGroupId: string;

  @RestrictedManyToOne(() => ProducerGroup, "producer_group_id")
  producerGroup?: Relation<ProducerGroup>;

  @Column("uuid")
  settlementId: string;

  @RestrictedManyToOne(() => Settlement, "settlement_id")
  settlement?: Relation<Settlement>;

  @Column("uuid")
  feeRuleId: string;

  @RestrictedManyToOne(() => FeeRule, "fee_rule_id")
  feeRule?: Relation<FeeRule>;

  /** Copy of the rule's kind, so reports need no join. */
  @Column("varchar", { length: 16 })
  kind: FeeKind;

  @Column("integer")
  amountFen: number;
}
