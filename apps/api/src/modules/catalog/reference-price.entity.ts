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
import { Variant } from "./variant.entity";

/**
 * A price observed for a variant on a local market (e.g. 坡仓乡集市), the baseline of the
 * producer price premium reported to partners.
 */
@Entity("reference_prices")
@Index(["variantId", "observedOn"])
@Check(`"price_fen" >= 0`)
export class ReferencePrice {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  variantId: string;

  @RestrictedManyToOne(() => Variant, "variant_id")
  variant?: Relation<Variant>;

  /** Where it was observed, e.g. "坡仓乡集市". */
  @Column("text")
  market: string;

  @Column("date")
  observedOn: string;

  /** Price of one variant unit in fen. */
  @Column("integer")
  priceFen: number;

  /** Who observed it or where it was published. */
  @Column("text")
  source: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
