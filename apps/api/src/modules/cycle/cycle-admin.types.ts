import { createUnionType, Field, ID, InputType, ObjectType } from "type-graphql";
import {
  ErrorResult,
  InUseError,
  InvalidInputError,
  InvalidTransitionError,
  NotFoundError,
} from "../../graphql/error-result";
import { PaginatedList } from "../../graphql/pagination";
import { LocalDateScalar } from "../../graphql/scalars";
import { OrderCycleType } from "./cycle.types";

/**
 * An order cycle as project staff see it: the shop's fields plus the declaration day and the
 * states it may move to next (`nextStates`, resolved from `orderCycleMachine`).
 */
@ObjectType("AdminOrderCycle", { description: "An order cycle with what staff may do next." })
export class AdminOrderCycleType extends OrderCycleType {
  @Field(() => LocalDateScalar, { description: "Day households may start declaring supply." })
  declarationOpensOn: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

/** A page of cycles, newest first. */
@ObjectType("AdminOrderCycleList")
export class AdminOrderCycleList extends PaginatedList(AdminOrderCycleType) {}

/** The calendar of a cycle, as entered; every field is needed to create one. */
@InputType()
export class OrderCycleChangesInput {
  @Field(() => String, { nullable: true, description: 'Year and month, "YYYY-MM".' })
  code?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  declarationOpensOn?: string | null;

  @Field(() => Date, { nullable: true, description: "Start of ordering (ISO-8601 instant)." })
  opensAt?: Date | null;

  @Field(() => Date, { nullable: true, description: "End of ordering (ISO-8601 instant)." })
  closesAt?: Date | null;

  @Field(() => LocalDateScalar, { nullable: true })
  deliveryOn?: string | null;
}

/** A new cycle of a producer group the caller manages; it starts as DRAFT. */
@InputType()
export class CreateOrderCycleInput extends OrderCycleChangesInput {
  @Field(() => ID)
  producerGroupId: string;
}

/** A created, changed or moved cycle, or why nothing was changed. */
export const OrderCycleResult = createUnionType({
  name: "OrderCycleResult",
  types: () =>
    [
      AdminOrderCycleType,
      NotFoundError,
      InvalidInputError,
      InvalidTransitionError,
      InUseError,
    ] as const,
  resolveType: (value) =>
    value instanceof ErrorResult ? value.constructor.name : "AdminOrderCycle",
});

/** One cycle, or NotFoundError (unknown or another group's). */
export const OrderCycleLookup = createUnionType({
  name: "OrderCycleLookup",
  types: () => [AdminOrderCycleType, NotFoundError] as const,
  resolveType: (value) =>
    value instanceof ErrorResult ? value.constructor.name : "AdminOrderCycle",
});
