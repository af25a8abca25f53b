import { orderMachine, type OrderState } from "@nested/domain";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { TooManyAttemptsError } from "../../graphql/error-result";
import { type Page, PageInput } from "../../graphql/pagination";
import { RequireSignIn } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { MoneyScalar } from "../../graphql/scalars";
import { PickupPointType } from "../consumer/pickup-point.types";
import type { RejectionReason } from "../intake/quality-check.entity";
import { RejectionReasonEnum } from "../intake/intake.types";
import { cancelOrder, changeOrder } from "./change-order.service";
import type { Order } from "./order.entity";
import {
  AdjustmentType,
  LineProvenanceType,
  MyOrdersFilter,
  OrderCycleOfOrderType,
  OrderLineInput,
  OrderLineType,
  OrderList,
  OrderStateEnum,
  OrderType,
  PaymentType,
  PlaceOrderInput,
} from "./order.types";
import { orderMoney } from "./order-money";
import {
  adjustmentsByOrder,
  causeByAdjustment,
  cycleById,
  linesByOrder,
  myOrder,
  myOrders,
  paymentsByOrder,
  pickupPointById,
  provenanceByLine,
} from "./order-query.service";
import {
  CancelOrderResult,
  ChangeOrderResult,
  MyOrderResult,
  PlaceOrderResult,
} from "./order-results.types";
import { limitOrdering } from "./order-limiter";
import { placeOrder } from "./place-order.service";

/** Ordering for a signed-in consumer household: place, change, cancel and read its own orders. */
@Resolver(() => OrderType)
export class OrderShopResolver {
  @RequireSignIn()
  @Mutation(() => PlaceOrderResult, {
    description:
      "Order in an OPEN cycle; stock is reserved at once. The same idempotencyKey again returns the same order. Rate-limited per household and per address (TooManyAttemptsError).",
  })
  placeOrder(
    @Arg("input", () => PlaceOrderInput) input: PlaceOrderInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof PlaceOrderResult> {
    return limitThen(ctx, () => placeOrder(ctx, input));
  }

  @RequireSignIn()
  @Mutation(() => ChangeOrderResult, {
    description:
      "While the cycle is OPEN: set the quantity of each listed offer (0 removes its line); other lines stay.",
  })
  changeOrder(
    @Arg("orderId", () => ID) orderId: string,
    @Arg("lines", () => [OrderLineInput]) lines: OrderLineInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<typeof ChangeOrderResult> {
    return limitThen(ctx, () => changeOrder(ctx, orderId, lines));
  }

  @RequireSignIn()
  @Mutation(() => CancelOrderResult, {
    description: "While the cycle is OPEN: cancel the order and give its stock back.",
  })
  cancelOrder(
    @Arg("orderId", () => ID) orderId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof CancelOrderResult> {
    return limitThen(ctx, () => cancelOrder(ctx, orderId));
  }

  @RequireSignIn()
  @Query(() => OrderList, { description: "The caller's orders, newest first." })
  myOrders(
    @Ctx() ctx: RequestContext,
    @Arg("page", () => PageInput, { defaultValue: { skip: 0, take: 20 } }) page: PageInput,
    @Arg("filter", () => MyOrdersFilter, { nullable: true }) filter?: MyOrdersFilter | null,
  ): Promise<Page<Order>> {
    return myOrders(ctx, { ...page, ...filter });
  }

  @RequireSignIn()
  @Query(() => MyOrderResult, {
    description: "One of the caller's orders; any other id is simply not found.",
  })
  myOrder(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof MyOrderResult> {
    return myOrder(ctx, id);
  }

  @FieldResolver(() => OrderCycleOfOrderType)
  async cycle(
    @Root() order: OrderType,
    @Ctx() ctx: RequestContext,
  ): Promise<OrderCycleOfOrderType> {
    const cycle = await cycleById(ctx).load(order.orderCycleId);
    if (!cycle) throw new Error(`order ${order.id} points at a missing cycle`);
    return cycle;
  }

  @FieldResolver(() => PickupPointType)
  async pickupPoint(
    @Root() order: OrderType,
    @Ctx() ctx: RequestContext,
  ): Promise<PickupPointType> {
    const point = await pickupPointById(ctx).load(order.pickupPointId);
    if (!point) throw new Error(`order ${order.id} points at a missing pickup point`);
    return point;
  }

  @FieldResolver(() => [OrderLineType])
  lines(@Root() order: OrderType, @Ctx() ctx: RequestContext): Promise<OrderLineType[]> {
    return linesByOrder(ctx).load(order.id);
  }

  @FieldResolver(() => [AdjustmentType])
  adjustments(@Root() order: OrderType, @Ctx() ctx: RequestContext): Promise<AdjustmentType[]> {
    return adjustmentsByOrder(ctx).load(order.id);
  }

  @FieldResolver(() => [PaymentType])
  payments(@Root() order: OrderType, @Ctx() ctx: RequestContext): Promise<PaymentType[]> {
    return paymentsByOrder(ctx).load(order.id);
  }

  @FieldResolver(() => MoneyScalar, { description: "Σ payments received, in fen." })
  async paidFen(@Root() order: OrderType, @Ctx() ctx: RequestContext): Promise<number> {
    return (await moneyOf(order, ctx)).paidFen;
  }

  @FieldResolver(() => MoneyScalar, { description: "Σ REFUND adjustments, in fen." })
  async refundsFen(@Root() order: OrderType, @Ctx() ctx: RequestContext): Promise<number> {
    return (await moneyOf(order, ctx)).refundsFen;
  }

  @FieldResolver(() => MoneyScalar, {
    description:
      "What the order owes (total + charges − refunds − credits; 0 once cancelled) − paid, in fen: above 0 the household owes, below 0 it is owed.",
  })
  async balanceFen(@Root() order: OrderType, @Ctx() ctx: RequestContext): Promise<number> {
    return (await moneyOf(order, ctx)).balanceFen;
  }

  @FieldResolver(() => [OrderStateEnum], {
    description: "States the order may move to next (domain order machine).",
  })
  nextStates(@Root() order: OrderType): readonly OrderState[] {
    return orderMachine.nextStates(order.state);
  }
}

/** Runs the ordering operation `work` unless the caller is over an ordering rate limit. */
async function limitThen<T>(
  ctx: RequestContext,
  work: () => Promise<T>,
): Promise<T | TooManyAttemptsError> {
  return (await limitOrdering(ctx)) ?? work();
}

async function moneyOf(order: OrderType, ctx: RequestContext) {
  const [adjustments, payments] = await Promise.all([
    adjustmentsByOrder(ctx).load(order.id),
    paymentsByOrder(ctx).load(order.id),
  ]);
  return orderMoney(
    order.totalFen,
    adjustments,
    payments,
    order.state === "CANCELLED",
    order.paymentState === "REFUNDED",
  );
}

/** Where each order line's units came from, once allocated. */
@Resolver(() => OrderLineType)
export class OrderLineShopResolver {
  @FieldResolver(() => [LineProvenanceType], {
    description: "Households' lots this line was allocated from; empty until allocation.",
  })
  provenance(
    @Root() line: OrderLineType,
    @Ctx() ctx: RequestContext,
  ): Promise<LineProvenanceType[]> {
    return provenanceByLine(ctx).load(line.id);
  }
}

/**
 * The shop's structured cause of an adjustment, so the shop writes a sentence in the consumer's
 * language instead of showing `reason` (staff's free text). Batched by `causeByAdjustment`.
 */
@Resolver(() => AdjustmentType)
export class AdjustmentShopResolver {
  @FieldResolver(() => RejectionReasonEnum, {
    nullable: true,
    description: "Rejection reason of the quality check behind this adjustment; null if none.",
  })
  async qualityReason(
    @Root() adjustment: AdjustmentType,
    @Ctx() ctx: RequestContext,
  ): Promise<RejectionReason | null> {
    return (await causeByAdjustment(ctx).load(adjustment.id)).qualityReason;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "Units refused at the quality check (amountFen ÷ unit price); null if not one.",
  })
  async units(
    @Root() adjustment: AdjustmentType,
    @Ctx() ctx: RequestContext,
  ): Promise<number | null> {
    return (await causeByAdjustment(ctx).load(adjustment.id)).units;
  }
}
