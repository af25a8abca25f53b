import { POVERTY_STATUSES, type PovertyStatus } from "@nested/domain";
import { Check, Column, Entity, Index, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { inList, RestrictedManyToOne } from "../../database/constraints";
import { Household } from "./household.entity";

/**
 * A household's poverty status and income in one year: the series impact figures compare
 * against the official poverty line of that year.
 */
@Entity("household_years")
@Index("uq_household_years_household_id_year", ["householdId", "year"], { unique: true })
@Check(inList("poverty_status", POVERTY_STATUSES))
@Check(`"year" BETWEEN 2000 AND 2100`)
@Check(`"per_capita_net_income_yuan" >= 0`)
export class HouseholdYear {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  householdId: string;

  @RestrictedManyToOne(() => Household, "household_id")
  household?: Relation<Household>;

  @Column("integer")
  year: number;

  @Column("varchar", { length: 16 })
  povertyStatus: PovertyStatus;

  /** Per-capita net income (人均纯收入) in yuan per person per year. */
  @Column("integer")
  perCapitaNetIncomeYuan: number;
}
