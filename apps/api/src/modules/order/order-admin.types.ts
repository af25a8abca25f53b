import type { OrderState, PaymentState } from "@nested/domain";
import { createUnionType, Field, ID, InputType, ObjectType } from "type-graphql";
import {
  ErrorResult,
  InvalidInputError,
  InvalidTransitionError,
  NotFoundError,
} from "../../graphql/error-result";
import { PaginatedList } from "../../graphql/pagination";
import { MoneyScalar } from "../../graphql/scalars";
import type { AdminOrder } from "./order-payment.service";
import { OrderStateEnum, PaymentStateEnum, PaymentType } from "./order.types";

/** An order as staff see it for payments: states and money worked out from the recorded rows. */
@ObjectType("AdminOrder")
export class AdminOrderType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  orderCycleId: string;

  @Field(() => ID)
  consumerHouseholdId: string;

  /** Where the order is collected (resolved to its name by the admin resolver). */
  pickupPointId: string;

  @Field(() => OrderStateEnum)
  state: OrderState;

  @Field(() => PaymentStateEnum)
  paymentState: PaymentState;

  @Field(() => MoneyScalar, { description: "Σ line totals as ordered, in fen." })
  totalFen: number;

  @Field(() => MoneyScalar, {
    description:
      "What the order owes: Σ line totals − refunds − credits + charges (0 when cancelled).",
  })
  dueFen: number;

  @Field(() => MoneyScalar, { description: "Σ payments received, in fen." })
  paidFen: number;

  @Field(() => MoneyScalar, {
    description:
      "dueFen − paidFen: positive while the consumer owes, negative when owed back, 0 once refunded.",
  })
  balanceFen: number;

  @Field(() => Date)
  placedAt: Date;

  /** The GraphQL view of an order and its money. */
  static of({ order, due }: AdminOrder): AdminOrderType {
    return Object.assign(new AdminOrderType(), {
      id: order.id,
      orderCycleId: order.orderCycleId,
      consumerHouseholdId: order.consumerHouseholdId,
      pickupPointId: order.pickupPointId,
      state: order.state,
      paymentState: order.paymentState,
      totalFen: order.totalFen,
      dueFen: due.dueFen,
      paidFen: due.paidFen,
      balanceFen: order.paymentState === "REFUNDED" ? 0 : due.dueFen - due.paidFen,
      placedAt: order.placedAt,
    });
  }
}

/** A page of a cycle's orders. */
@ObjectType("AdminOrderList")
export class AdminOrderList extends PaginatedList(AdminOrderType) {}

/** An order with every payment recorded for it. */
@ObjectType("OrderPayments")
export class OrderPaymentsType {
  @Field(() => AdminOrderType)
  order: AdminOrderType;

  @Field(() => [RecordedPaymentType])
  payments: RecordedPaymentType[];
}

/** A payment as finance sees it: with its reference. */
@ObjectType("RecordedPayment")
export class RecordedPaymentType extends PaymentType {
  @Field(() => String, { nullable: true })
  reference: string | null;

  @Field(() => ID)
  orderId: string;
}

/** Which of a cycle's orders to list. */
@InputType()
export class AdminOrdersFilter {
  @Field(() => PaymentStateEnum, { nullable: true })
  paymentState?: PaymentState | null;

  @Field(() => OrderStateEnum, { nullable: true })
  state?: OrderState | null;
}

/** recordPayment: the payment, or why nothing was recorded. */
export const RecordPaymentResult = createUnionType({
  name: "RecordPaymentResult",
  types: () => [RecordedPaymentType, NotFoundError, InvalidInputError] as const,
  resolveType: (value: object) =>
    value instanceof ErrorResult ? value.constructor.name : "RecordedPayment",
});

/** recordRefund: the order, or why nothing changed. */
export const RecordRefundResult = createUnionType({
  name: "RecordRefundResult",
  types: () => [AdminOrderType, NotFoundError, InvalidTransitionError, InvalidInputError] as const,
  resolveType: (value: object) =>
    value instanceof ErrorResult ? value.constructor.name : "AdminOrder",
});

/** orderPayments: the order with its payments, or NotFoundError. */
export const OrderPaymentsResult = createUnionType({
  name: "OrderPaymentsResult",
  types: () => [OrderPaymentsType, NotFoundError] as const,
  resolveType: (value: object) =>
    value instanceof ErrorResult ? value.constructor.name : "OrderPayments",
});
