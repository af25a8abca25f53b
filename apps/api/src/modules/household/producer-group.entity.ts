import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  type Relation,
} from "typeorm";
import { RestrictedManyToOne } from "../../database/constraints";
import { Village } from "./village.entity";

/**
 * A producer group (生产小组): the boundary organisation of one nested market. Its cycles,
 * offers, consumer groups, pickup points, fee rules and settlements belong to it.
 */
@Entity("producer_groups")
@Index(["villageId"])
export class ProducerGroup {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  villageId: string;

  @RestrictedManyToOne(() => Village, "village_id")
  village?: Relation<Village>;

  @Column("varchar", { length: 100 })
  nameZh: string;

  @Column("varchar", { length: 100 })
  nameEn: string;

  /** Business day the group was founded (`YYYY-MM-DD`). */
  @Column("date")
  foundedOn: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
