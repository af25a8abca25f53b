import { ORDER_STATES, PAYMENT_STATES, type OrderState, type PaymentState } from "@nested/domain";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { PaginatedList } from "../../graphql/pagination";
import { enumOf } from "../../graphql/type-helpers";
import { LocalDateScalar, MoneyScalar } from "../../graphql/scalars";
import { ADJUSTMENT_KINDS, type AdjustmentKind } from "./adjustment.entity";
import { PAYMENT_METHODS, type PaymentMethod } from "./payment.entity";

/** GraphQL enum of order fulfilment states (DESIGN.md, "State machines"). */
export const OrderStateEnum = enumOf(ORDER_STATES);
registerEnumType(OrderStateEnum, {
  name: "OrderState",
  description: "Where an order is: PLACED (editable while its cycle is OPEN) … CLOSED; CANCELLED.",
});

/** GraphQL enum of order payment states, kept apart from fulfilment. */
export const PaymentStateEnum = enumOf(PAYMENT_STATES);
registerEnumType(PaymentStateEnum, { name: "PaymentState" });

/** GraphQL enum of adjustment kinds. */
export const AdjustmentKindEnum = enumOf(ADJUSTMENT_KINDS);
registerEnumType(AdjustmentKindEnum, {
  name: "AdjustmentKind",
  description: "REFUND: money back; CREDIT: owed against a later order; CHARGE: more owed.",
});

/** GraphQL enum of payment methods. */
export const PaymentMethodEnum = enumOf(PAYMENT_METHODS);
registerEnumType(PaymentMethodEnum, { name: "PaymentMethod" });

/** The order cycle an order belongs to, as a consumer needs it on the order. */
@ObjectType("OrderCycleOfOrder")
export class OrderCycleOfOrderType {
  @Field(() => ID)
  id: string;

  @Field({ description: "Year and month, e.g. 2011-04." })
  code: string;

  @Field(() => Date, { description: "Start of the ordering window." })
  opensAt: Date;

  @Field(() => Date, { description: "End of the ordering window (exclusive)." })
  closesAt: Date;

  @Field(() => LocalDateScalar, { description: "Day the orders reach the pickup points." })
  deliveryOn: string;
}

/**
 * Where the units of an order line came from once allocated: a household's lot. Only the
 * household's pseudonymous code and village, never a name.
 */
@ObjectType("LineProvenance")
export class LineProvenanceType {
  @Field({ description: "Pseudonymous code of the producing household, e.g. SG-017." })
  householdCode: string;

  @Field()
  villageNameZh: string;

  @Field()
  villageNameEn: string;

  @Field(() => Int, { description: "Units of this line served from that household's lot." })
  quantity: number;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Day the lot passed its quality check; null until checked.",
  })
  qualityCheckedOn: string | null;
}

/** One offer in an order, with the names and unit price as they were when it was ordered. */
@ObjectType("OrderLine")
export class OrderLineType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  offerId: string;

  @Field()
  productNameZh: string;

  @Field()
  productNameEn: string;

  @Field()
  variantNameZh: string;

  @Field()
  variantNameEn: string;

  @Field(() => MoneyScalar, { description: "Price of one unit when ordered, in fen." })
  unitPriceFen: number;

  @Field(() => Int)
  quantity: number;

  @Field(() => MoneyScalar, { description: "unitPriceFen × quantity, in fen." })
  lineTotalFen: number;

  @Field(() => Int, {
    nullable: true,
    description: "Units delivered after the quality check; null until then.",
  })
  quantityAccepted: number | null;
}

/** A refund, credit or charge on an order, usually after the quality check. */
@ObjectType("Adjustment")
export class AdjustmentType {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  orderLineId: string | null;

  @Field(() => AdjustmentKindEnum)
  kind: AdjustmentKind;

  @Field(() => MoneyScalar, { description: "Always positive; kind says which way it goes." })
  amountFen: number;

  @Field()
  reason: string;

  @Field(() => Date)
  createdAt: Date;
}

/** Money received for an order. */
@ObjectType("Payment")
export class PaymentType {
  @Field(() => ID)
  id: string;

  @Field(() => MoneyScalar)
  amountFen: number;

  @Field(() => PaymentMethodEnum)
  method: PaymentMethod;

  @Field(() => Date)
  paidAt: Date;
}

/** A consumer household's order in one cycle. Lines, money and provenance are field resolvers. */
@ObjectType("Order")
export class OrderType {
  @Field(() => ID)
  id: string;

  @Field(() => OrderStateEnum)
  state: OrderState;

  @Field(() => PaymentStateEnum)
  paymentState: PaymentState;

  @Field(() => MoneyScalar, { description: "Sum of the line totals, in fen." })
  totalFen: number;

  @Field(() => Date)
  placedAt: Date;

  orderCycleId: string;
  pickupPointId: string;
}

/** A page of the caller's orders. */
@ObjectType("OrderList")
export class OrderList extends PaginatedList(OrderType) {}

/** One line of an order to place or change: an offer of the cycle and a number of units. */
@InputType()
export class OrderLineInput {
  @Field(() => ID)
  offerId: string;

  @Field(() => Int, {
    description: "Whole units. placeOrder: at least 1; changeOrder: 0 removes the line.",
  })
  quantity: number;
}

/** What placeOrder needs. */
@InputType()
export class PlaceOrderInput {
  @Field(() => ID)
  orderCycleId: string;

  @Field(() => ID)
  pickupPointId: string;

  @Field(() => [OrderLineInput], {
    description: "Two lines for the same offer are added together.",
  })
  lines: OrderLineInput[];

  @Field({
    description:
      "Chosen by the client once per order (a UUID, say; 8–64 of A–Z a–z 0–9 - _ . :). Sending it again returns the same order.",
  })
  idempotencyKey: string;
}

/** Which of the caller's orders to list. */
@InputType()
export class MyOrdersFilter {
  @Field(() => ID, { nullable: true })
  orderCycleId?: string | null;

  @Field(() => OrderStateEnum, { nullable: true })
  state?: OrderState | null;
}
