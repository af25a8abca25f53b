import { CreateDateColumn, Entity, Index, PrimaryColumn, type Relation } from "typeorm";
import { RestrictedManyToOne } from "../../database/constraints";
import { ProducerGroup } from "../household/producer-group.entity";
import { User } from "./user.entity";

/** A producer group a staff member works for; staff queries are scoped to these groups. */
@Entity("user_producer_groups")
@Index(["producerGroupId"])
export class UserProducerGroup {
  @PrimaryColumn("uuid")
  userId: string;

  @RestrictedManyToOne(() => User, "user_id")
  user?: Relation<User>;

  @PrimaryColumn("uuid")
  producerGroupId: string;

  @RestrictedManyToOne(() => ProducerGroup, "producer_group_id")
  producerGroup?: Relation<ProducerGroup>;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
