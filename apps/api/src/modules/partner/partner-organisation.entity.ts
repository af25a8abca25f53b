import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

/** A partner NGO that follows the market's impact through aggregates only. */
@Entity("partner_organisations")
@Check(`"suppression_k" >= 3`)
export class PartnerOrganisation {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("varchar", { length: 200 })
  name: string;

  /**
   * Suppression threshold k: any aggregate cell covering fewer than k households is withheld
   * from this partner. Never below 3.
   */
  @Column("integer", { default: 5 })
  suppressionK: number;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
