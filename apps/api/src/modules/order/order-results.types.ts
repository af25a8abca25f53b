import type { OrderState } from "@nested/domain";
import { createUnionType, Field, ID, Int, ObjectType } from "type-graphql";
import {
  ErrorCode,
  ErrorResult,
  InvalidInputError,
  NotFoundError,
  TooManyAttemptsError,
} from "../../graphql/error-result";
import { Order } from "./order.entity";
import { OrderStateEnum, OrderType } from "./order.types";

/** The cycle is not OPEN by the database clock (before opening, at or after closing, or not OPEN). */
@ObjectType({ implements: ErrorResult })
export class CycleNotOpenError extends ErrorResult {
  constructor(message: string) {
    super();
    this.errorCode = ErrorCode.CYCLE_NOT_OPEN;
    this.message = message;
  }
}

/** An offer has fewer units left than asked for; nothing was reserved or stored. */
@ObjectType({ implements: ErrorResult })
export class InsufficientStockError extends ErrorResult {
  @Field(() => ID)
  offerId: string;

  @Field(() => Int, { description: "Units of the offer still available when refused." })
  quantityAvailable: number;

  constructor(message: string, offerId: string, quantityAvailable: number) {
    super();
    this.errorCode = ErrorCode.INSUFFICIENT_STOCK;
    this.message = message;
    this.offerId = offerId;
    this.quantityAvailable = quantityAvailable;
  }
}

/** A quantity is not a whole number in range (zero, negative, above the variant's per-order maximum). */
@ObjectType({ implements: ErrorResult })
export class InvalidQuantityError extends ErrorResult {
  @Field(() => ID)
  offerId: string;

  @Field(() => Int, { description: "The quantity refused, after merging lines of one offer." })
  quantity: number;

  @Field(() => Int, { nullable: true, description: "Most units one order may hold, if known." })
  maxPerOrder: number | null;

  constructor(message: string, offerId: string, quantity: number, maxPerOrder: number | null) {
    super();
    this.errorCode = ErrorCode.INVALID_QUANTITY;
    this.message = message;
    this.offerId = offerId;
    this.quantity = quantity;
    this.maxPerOrder = maxPerOrder;
  }
}

/** The pickup point is not one of the cycle's producer group, or is no longer in service. */
@ObjectType({ implements: ErrorResult })
export class PickupPointNotServedError extends ErrorResult {
  constructor(message: string) {
    super();
    this.errorCode = ErrorCode.PICKUP_POINT_NOT_SERVED;
    this.message = message;
  }
}

/** The order has moved past PLACED (or was cancelled), so the consumer can no longer change it. */
@ObjectType({ implements: ErrorResult })
export class OrderNotEditableError extends ErrorResult {
  @Field(() => OrderStateEnum)
  state: OrderState;

  constructor(message: string, state: OrderState) {
    super();
    this.errorCode = ErrorCode.ORDER_NOT_EDITABLE;
    this.message = message;
    this.state = state;
  }
}

/** Any refusal of an order operation: nothing was stored. */
export type OrderRefusal =
  | CycleNotOpenError
  | InsufficientStockError
  | InvalidQuantityError
  | PickupPointNotServedError
  | OrderNotEditableError
  | NotFoundError
  | InvalidInputError;

// Services answer with the Order entity itself; every other member's class bears its type name.
const resolveType = (value: object) => (value instanceof Order ? "Order" : value.constructor.name);

/** The answer to placeOrder: the order, or why not (TooManyAttemptsError: over an ordering rate limit). */
export const PlaceOrderResult = createUnionType({
  name: "PlaceOrderResult",
  types: () =>
    [
      OrderType,
      CycleNotOpenError,
      InsufficientStockError,
      InvalidQuantityError,
      PickupPointNotServedError,
      NotFoundError,
      InvalidInputError,
      TooManyAttemptsError,
    ] as const,
  resolveType,
});

/** The answer to changeOrder: the changed order, or why not. */
export const ChangeOrderResult = createUnionType({
  name: "ChangeOrderResult",
  types: () =>
    [
      OrderType,
      CycleNotOpenError,
      InsufficientStockError,
      InvalidQuantityError,
      OrderNotEditableError,
      NotFoundError,
      InvalidInputError,
      TooManyAttemptsError,
    ] as const,
  resolveType,
});

/** The answer to cancelOrder: the cancelled order, or why not. */
export const CancelOrderResult = createUnionType({
  name: "CancelOrderResult",
  types: () =>
    [
      OrderType,
      CycleNotOpenError,
      OrderNotEditableError,
      NotFoundError,
      TooManyAttemptsError,
    ] as const,
  resolveType,
});

/** The answer to myOrder: the caller's order, or the same not-found as for an unknown id. */
export const MyOrderResult = createUnionType({
  name: "MyOrderResult",
  types: () => [OrderType, NotFoundError] as const,
  resolveType,
});
