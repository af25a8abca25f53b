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

export const FEE_KINDS = ["TRANSPORT", "PACKAGING", "GROUP_FUND"] as const;
export type FeeKind = (typeof FEE_KINDS)[number];

/** PERCENT_OF_GROSS uses `rateBasisPoints`; PER_UNIT uses `perUnitFen` per accepted unit. */
export const FEE_BASES = ["PERCENT_OF_GROSS", "PER_UNIT"] as const;
export type FeeBasis = (typeof FEE_BASES)[number];

/**
 * A deduction the producer group agreed on, taken from households' gross at settlement,
 * valid over a range of business days (`validTo` inclusive; null = open-ended).
 */
@Entity("fee_rules")
@Index(["producerGroupId", "kind", "validFrom"])
@Check(inList("kind", FEE_KINDS))
@Check(inList("basis", FEE_BASES))
@Check(`"rate_basis_points" >= 0 AND "rate_basis_points" <= 10000`)
@Check(`"per_unit_fen" >= 0`)
@Check(`"valid_to" IS NULL OR "valid_to" >= "valid_from"`)
export class FeeRule {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  producerGroupId: string;

  @RestrictedManyToOne(() => ProducerGroup, "producer_group_id")
  producerGroup?: Relation<ProducerGroup>;

  @Column("varchar", { length: 16 })
  kind: FeeKind;

  @Column("varchar", { length: 16 })
  basis: FeeBasis;

  /** Share of gross in basis points (1/100 of a percent): 250 = 2.5%. */
  @Column("integer", { default: 0 })
  rateBasisPoints: number;

  /** Fee per accepted unit, in fen. */
  @Column("integer", { default: 0 })
  perUnitFen: number;

  @Column("date")
  validFrom: string;

  @Column("date", { nullable: true })
  validTo: string | null;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
