import {
  Check,
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from "typeorm";
import { inList, RestrictedManyToOne } from "../../database/constraints";
import { Product } from "./product.entity";

/** The unit a variant is counted and priced in. 1 jin (斤) = 500 g. */
export const SALE_UNITS = ["JIN", "PIECE", "BAG", "BOX", "BOTTLE", "JAR", "BIRD", "DOZEN"] as const;
export type SaleUnit = (typeof SALE_UNITS)[number];

/**
 * A sellable form of a product, e.g. "free-range eggs, box of 30" or "millet, 5 jin bag".
 * Quantities everywhere are whole units of a variant. Soft-deleted.
 */
@Entity("variants")
@Index(["productId"])
@Check(inList("unit", SALE_UNITS))
@Check(`"grams" IS NULL OR "grams" > 0`)
@Check(`"max_per_order" >= 1`)
export class Variant {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  productId: string;

  @RestrictedManyToOne(() => Product, "product_id")
  product?: Relation<Product>;

  @Column("varchar", { length: 100 })
  nameZh: string;

  @Column("varchar", { length: 100 })
  nameEn: string;

  @Column("varchar", { length: 16 })
  unit: SaleUnit;

  /** Weight of one unit in grams, when it has a fixed weight (a jin is 500). */
  @Column("integer", { nullable: true })
  grams: number | null;

  /** Most units one order may hold, so scarce produce reaches more households. */
  @Column("integer")
  maxPerOrder: number;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;

  @DeleteDateColumn({ type: "timestamptz" })
  deletedAt: Date | null;
}
