import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  type Relation,
} from "typeorm";
import { RestrictedManyToOne } from "../../database/constraints";
import { ProducerGroup } from "../household/producer-group.entity";
import { PickupPoint } from "./pickup-point.entity";

/** A group of city consumer households buying from one producer group (often one neighbourhood). */
@Entity("consumer_groups")
@Index(["producerGroupId"])
export class ConsumerGroup {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  producerGroupId: string;

  @RestrictedManyToOne(() => ProducerGroup, "producer_group_id")
  producerGroup?: Relation<ProducerGroup>;

  @Column("varchar", { length: 100 })
  name: string;

  @Column("uuid", { nullable: true })
  defaultPickupPointId: string | null;

  @RestrictedManyToOne(() => PickupPoint, "default_pickup_point_id", { nullable: true })
  defaultPickupPoint?: Relation<PickupPoint> | null;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
