import {
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from "typeorm";
import { RestrictedManyToOne } from "../../database/constraints";
import { ProducerGroup } from "../household/producer-group.entity";

/** A pickup point (配送点) in the city where consumers collect their orders. Soft-deleted. */
@Entity("pickup_points")
@Index(["producerGroupId"])
export class PickupPoint {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  producerGroupId: string;

  @RestrictedManyToOne(() => ProducerGroup, "producer_group_id")
  producerGroup?: Relation<ProducerGroup>;

  @Column("varchar", { length: 100 })
  nameZh: string;

  @Column("varchar", { length: 100 })
  nameEn: string;

  @Column("varchar", { length: 100 })
  city: string;

  @Column("text")
  address: string;

  /** Free text, e.g. "周六 9:00–12:00". */
  @Column("text")
  pickupHours: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;

  @DeleteDateColumn({ type: "timestamptz" })
  deletedAt: Date | null;
}
