import {
  Check,
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from "typeorm";
import { inList } from "../../database/constraints";

export const PRODUCT_CATEGORIES = [
  "EGGS",
  "POULTRY",
  "PORK",
  "GRAIN",
  "TUBERS",
  "NUTS",
  "HONEY",
  "VEGETABLES",
  "OTHER",
] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

/**
 * Something households produce from their own livelihood resources (free-range eggs, millet,
 * walnuts …), sold in one or more variants. Shared by all producer groups. Soft-deleted.
 */
@Entity("products")
@Check(inList("category", PRODUCT_CATEGORIES))
@Check(`"season_months" <@ ARRAY[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]`)
export class Product {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("varchar", { length: 100 })
  nameZh: string;

  @Column("varchar", { length: 100 })
  nameEn: string;

  @Column("varchar", { length: 16 })
  category: ProductCategory;

  /** Months (1–12) in which it is usually offered. */
  @Column("integer", { array: true })
  seasonMonths: number[];

  @Column("text", { nullable: true })
  descriptionZh: string | null;

  @Column("text", { nullable: true })
  descriptionEn: string | null;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;

  @DeleteDateColumn({ type: "timestamptz" })
  deletedAt: Date | null;
}
