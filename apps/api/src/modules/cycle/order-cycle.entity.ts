import { ORDER_CYCLE_STATES, type OrderCycleState } from "@nested/domain";
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from "typeorm";
import { inList, RestrictedManyToOne } from "../../database/constraints";
import { ProducerGroup } from "../household/producer-group.entity";

/**
 * One monthly round of a producer group's market: supply declaration, ordering window,
 * allocation, intake, delivery and settlement. Business days are in Asia/Shanghai.
 */
@Entity("order_cycles")
@Index("uq_order_cycles_producer_group_id_code", ["producerGroupId", "code"], { unique: true })
@Index(["producerGroupId", "state"])
// At most one OPEN cycle per group: a partial unique index, hand-written in migration
// OneOpenCyclePerGroup (TypeORM keeps its hands off it).
@Index("uq_order_cycles_one_open_per_group", { synchronize: false })
@Check(inList("state", ORDER_CYCLE_STATES))
@Check(`"opens_at" < "closes_at"`)
@Check(`"declaration_opens_on" <= "delivery_on"`)
export class OrderCycle {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  producerGroupId: string;

  @RestrictedManyToOne(() => ProducerGroup, "producer_group_id")
  producerGroup?: Relation<ProducerGroup>;

  /** Year and month of the cycle, e.g. "2011-04"; unique within the producer group. */
  @Column("varchar", { length: 16 })
  code: string;

  @Column("varchar", { length: 16, default: "DRAFT" })
  state: OrderCycleState;

  /** Business day households may start declaring supply (报货). */
  @Column("date")
  declarationOpensOn: string;

  /** Start of the ordering window. */
  @Column("timestamptz")
  opensAt: Date;

  /** End of the ordering window; after it orders are locked and allocated. */
  @Column("timestamptz")
  closesAt: Date;

  /** Business day orders reach the pickup points. */
  @Column("date")
  deliveryOn: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;
}
