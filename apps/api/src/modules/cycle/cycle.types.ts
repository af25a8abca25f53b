import { ORDER_CYCLE_STATES, type OrderCycleState } from "@nested/domain";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { LocalDateScalar } from "../../graphql/scalars";

/** GraphQL enum of the order cycle states in `@nested/domain`. */
export const OrderCycleStateEnum = Object.fromEntries(ORDER_CYCLE_STATES.map((s) => [s, s])) as {
  [S in OrderCycleState]: S;
};
registerEnumType(OrderCycleStateEnum, {
  name: "OrderCycleState",
  description: "Where a monthly order cycle stands; consumers order while it is OPEN.",
});

/** One monthly round of a producer group's market, as consumers see it. */
@ObjectType("OrderCycle", { simpleResolvers: true })
export class OrderCycleType {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: "The producer group (market) running the cycle." })
  producerGroupId: string;

  @Field({ description: 'Year and month, e.g. "2011-04".' })
  code: string;

  @Field(() => OrderCycleStateEnum)
  state: OrderCycleState;

  @Field({ description: "Start of the ordering window (ISO-8601 instant, UTC)." })
  opensAt: Date;

  @Field({
    description:
      "End of the ordering window (ISO-8601 instant, UTC); orders at or after it are refused.",
  })
  closesAt: Date;

  @Field(() => LocalDateScalar, { description: "Day the orders reach the pickup points." })
  deliveryOn: string;
}

/** The cycle a producer group's shop shows now, and the one after it. */
@ObjectType("MarketCycles", { simpleResolvers: true })
export class MarketCyclesType {
  @Field(() => ID)
  producerGroupId: string;

  @Field(() => OrderCycleType, {
    nullable: true,
    description:
      "The OPEN cycle whose ordering window holds the database's current instant; when none " +
      "does, the next cycle to open. Null when nothing is planned.",
  })
  current: OrderCycleType | null;

  @Field(() => OrderCycleType, {
    nullable: true,
    description: "The cycle that opens after `current`, if one is planned.",
  })
  next: OrderCycleType | null;
}
