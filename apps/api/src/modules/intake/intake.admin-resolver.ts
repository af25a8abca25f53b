import type { LotState } from "@nested/domain";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { NotFoundError } from "../../graphql/error-result";
import { type Page, PageInput } from "../../graphql/pagination";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import type { Order } from "../order/order.entity";
import { householdComplaints, type IntakeLot, listLots } from "./intake-query.service";
import {
  HouseholdComplaintsResult,
  IntakeLotList,
  LotStateEnum,
  OrdersMarked,
  PickupResult,
  QualityCheckInput,
  QualityCheckRecorded,
  QualityCheckResult,
} from "./intake.types";
import { markOrderNoShow, markOrdersPickedUp } from "./packing.service";
import { type PackingList, packingList } from "./packing-list.service";
import { PackingListResult } from "./packing-list.types";
import { recordQualityCheck } from "./quality-check.service";

function marked(orders: Order[]): OrdersMarked {
  return Object.assign(new OrdersMarked(), {
    orders: orders.map((o) => ({ orderId: o.id, state: o.state })),
  });
}

/** Intake at the group leader's house, packing and pickup, for project staff. */
@Resolver()
export class IntakeAdminResolver {
  @RequirePermission("intake:record")
  @Query(() => IntakeLotList, {
    description: "The lots of a cycle for the intake screen, by household code and product.",
  })
  lots(
    @Ctx() ctx: RequestContext,
    @Arg("orderCycleId", () => ID) orderCycleId: string,
    @Arg("state", () => LotStateEnum, { nullable: true }) state?: LotState | null,
    @Arg("page", () => PageInput, { defaultValue: { skip: 0, take: 100 } }) page?: PageInput,
  ): Promise<Page<IntakeLot>> {
    return listLots(ctx, { orderCycleId, state, skip: page?.skip ?? 0, take: page?.take ?? 100 });
  }

  @RequirePermission("intake:record")
  @Mutation(() => QualityCheckResult, {
    description:
      "Records a lot's quality check (cycle COLLECTING); shortfalls become refunds on the order lines.",
  })
  async recordQualityCheck(
    @Ctx() ctx: RequestContext,
    @Arg("input", () => QualityCheckInput) input: QualityCheckInput,
  ): Promise<typeof QualityCheckResult> {
    const outcome = await recordQualityCheck(ctx, input);
    if (!("qualityCheck" in outcome)) return outcome;
    return Object.assign(new QualityCheckRecorded(), {
      qualityCheck: outcome.qualityCheck,
      lotState: outcome.lot.state,
      shortfall: outcome.refunds.reduce((sum, r) => sum + r.units, 0),
      refunds: outcome.refunds,
    });
  }

  @RequirePermission("intake:record")
  @Query(() => HouseholdComplaintsResult, {
    description: "Complaints about the produce of one household (through its lots).",
  })
  async householdComplaints(
    @Ctx() ctx: RequestContext,
    @Arg("householdId", () => ID) householdId: string,
  ): Promise<typeof HouseholdComplaintsResult> {
    const found = await householdComplaints(ctx, householdId);
    if (!found) return new NotFoundError(translatorFor(ctx.locale)("intake.householdNotFound"));
    return { ...found, count: found.complaints.length };
  }

  @RequirePermission("intake:record")
  @Query(() => PackingListResult, {
    description: "What to pack per pickup point, with who collects each order.",
  })
  async packingList(
    @Ctx() ctx: RequestContext,
    @Arg("orderCycleId", () => ID) orderCycleId: string,
    @Arg("pickupPointId", () => ID, { nullable: true }) pickupPointId?: string | null,
  ): Promise<PackingList | NotFoundError> {
    const list = await packingList(ctx, orderCycleId, pickupPointId);
    const t = translatorFor(ctx.locale);
    if (list === "cycle-not-found") return new NotFoundError(t("intake.cycleNotFound"));
    if (list === "pickup-point-not-found")
      return new NotFoundError(t("intake.pickupPointNotFound"));
    return list;
  }

  @RequirePermission("intake:record")
  @Mutation(() => PickupResult, {
    description: "Marks DELIVERED orders as picked up; all or none.",
  })
  async markOrdersPickedUp(
    @Ctx() ctx: RequestContext,
    @Arg("orderIds", () => [ID]) orderIds: string[],
  ): Promise<typeof PickupResult> {
    const result = await markOrdersPickedUp(ctx, orderIds);
    return Array.isArray(result) ? marked(result) : result;
  }

  @RequirePermission("intake:record")
  @Mutation(() => PickupResult, { description: "Marks a DELIVERED order as not collected." })
  async markOrderNoShow(
    @Ctx() ctx: RequestContext,
    @Arg("orderId", () => ID) orderId: string,
  ): Promise<typeof PickupResult> {
    const result = await markOrderNoShow(ctx, orderId);
    return "errorCode" in result ? result : marked([result]);
  }
}
