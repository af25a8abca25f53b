import type { PaymentState, OrderState } from "@nested/domain";
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { ErrorResult } from "../../graphql/error-result";
import { PageInput } from "../../graphql/pagination";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { MoneyScalar } from "../../graphql/scalars";
import {
  AdminOrderList,
  AdminOrdersFilter,
  AdminOrderType,
  OrderPaymentsResult,
  RecordPaymentResult,
  RecordRefundResult,
} from "./order-admin.types";
import {
  listCycleOrders,
  orderPayments,
  recordPayment,
  recordRefund,
} from "./order-payment.service";
import { consumerHouseholdNames, pickupPointNames } from "./order-admin.fields";
import { PaymentMethodEnum } from "./order.types";
import type { PaymentMethod } from "./payment.entity";

/**
 * Consumer payments on the admin side: list a cycle's orders (with who ordered and where they
 * collect), record payments and refunds.
 */
@Resolver(() => AdminOrderType)
export class OrderAdminResolver {
  @FieldResolver(() => String, {
    description: "The consumer household's name, so a transfer can be matched to a family.",
  })
  async consumerHouseholdName(
    @Root() order: AdminOrderType,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    return (await consumerHouseholdNames(ctx).load(order.consumerHouseholdId)) ?? "";
  }

  @FieldResolver(() => String, { description: "The pickup point's name (Chinese)." })
  async pickupPointName(
    @Root() order: AdminOrderType,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    return (await pickupPointNames(ctx).load(order.pickupPointId)) ?? "";
  }

  @RequirePermission("payment:record")
  @Query(() => AdminOrderList, {
    description: "A cycle's orders with what each owes and has paid, oldest first.",
  })
  async orders(
    @Ctx() ctx: RequestContext,
    @Arg("orderCycleId", () => ID) orderCycleId: string,
    @Arg("filter", () => AdminOrdersFilter, { nullable: true }) filter: AdminOrdersFilter | null,
    @Arg("page", () => PageInput, { nullable: true }) page: PageInput | null,
  ): Promise<AdminOrderList> {
    const result = await listCycleOrders(ctx, {
      orderCycleId,
      paymentState: filter?.paymentState as PaymentState | null,
      state: filter?.state as OrderState | null,
      skip: page?.skip ?? 0,
      take: page?.take ?? 20,
    });
    return { items: result.items.map(AdminOrderType.of), totalItems: result.totalItems };
  }

  @RequirePermission("payment:record")
  @Query(() => OrderPaymentsResult, { description: "One order's payments and money." })
  async orderPayments(
    @Ctx() ctx: RequestContext,
    @Arg("orderId", () => ID) orderId: string,
  ): Promise<typeof OrderPaymentsResult> {
    const result = await orderPayments(ctx, orderId);
    if (result instanceof ErrorResult) return result;
    return { order: AdminOrderType.of(result.order), payments: result.payments };
  }

  @RequirePermission("payment:record")
  @Mutation(() => RecordPaymentResult, {
    description:
      "Records money received (partial payments allowed, never more than still owed); UNPAID → PAID once paid in full.",
  })
  recordPayment(
    @Ctx() ctx: RequestContext,
    @Arg("orderId", () => ID) orderId: string,
    @Arg("amountFen", () => MoneyScalar) amountFen: number,
    @Arg("method", () => PaymentMethodEnum) method: PaymentMethod,
    @Arg("reference", () => String, { nullable: true }) reference: string | null,
    @Arg("paidAt", () => Date, { nullable: true }) paidAt: Date | null,
  ): Promise<typeof RecordPaymentResult> {
    return recordPayment(ctx, { orderId, amountFen, method, reference, paidAt });
  }

  @RequirePermission("payment:record")
  @Mutation(() => RecordRefundResult, {
    description: "Records that the credit owed on an order was paid back: CREDIT_OWED → REFUNDED.",
  })
  async recordRefund(
    @Ctx() ctx: RequestContext,
    @Arg("orderId", () => ID) orderId: string,
    @Arg("method", () => PaymentMethodEnum) method: PaymentMethod,
    @Arg("reference", () => String, { nullable: true }) reference: string | null,
  ): Promise<typeof RecordRefundResult> {
    const result = await recordRefund(ctx, orderId, method, reference);
    return result instanceof ErrorResult ? result : AdminOrderType.of(result);
  }
}
