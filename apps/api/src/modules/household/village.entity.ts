import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

/** A mountain village (村) whose households may join a producer group. */
@Entity("villages")
@Check(`"households_total" >= 0`)
export class Village {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("varchar", { length: 100 })
  nameZh: string;

  @Column("varchar", { length: 100 })
  nameEn: string;

  /** Township (乡/镇), e.g. 坡仓乡. */
  @Column("varchar", { length: 100 })
  township: string;

  @Column("varchar", { length: 100 })
  county: string;

  @Column("varchar", { length: 100 })
  province: string;

  /** All households of the village, participating or not: the denominator of reach figures. */
  @Column("integer")
  householdsTotal: number;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
