import type { SettlementState } from "@nested/domain";
import DataLoader from "dataloader";
import { In } from "typeorm";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { ErrorResult, NotFoundError } from "../../graphql/error-result";
import { PageInput } from "../../graphql/pagination";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { LocalDateScalar } from "../../graphql/scalars";
import { translatorFor } from "../../i18n/translate";
import type { Household } from "../household/household.entity";
import { householdById } from "../household/household.loaders";
import { villageById } from "../household/village.service";
import { VillageType } from "../household/village.types";
import { PaymentMethodEnum } from "../order/order.types";
import type { PaymentMethod } from "../order/payment.entity";
import { requestImpactRefresh } from "../jobs/background-job.service";
import { reconcileCycle } from "./reconciliation.service";
import { SettlementDeduction } from "./settlement-deduction.entity";
import {
  acknowledgeSettlement,
  addSettlementCorrection,
  approveSettlement,
  disputeSettlement,
  resolveSettlementDispute,
  getSettlement,
  listSettlements,
  markSettlementPaid,
  recalculateSettlements,
  scopedCycle,
} from "./settlement.service";
import {
  RecalculateSettlementsResult,
  ReconciliationResult,
  SettlementChangeResult,
  SettlementDeductionType,
  SettlementList,
  SettlementResult,
  SettlementStateEnum,
  SettlementType,
} from "./settlement.types";

function deductionsBySettlement(ctx: RequestContext): DataLoader<string, SettlementDeduction[]> {
  return ctx.loaders.get(
    "settlement.deductions",
    () =>
      new DataLoader<string, SettlementDeduction[]>(async (ids) => {
        const rows = await ctx.manager.getRepository(SettlementDeduction).find({
          where: { settlementId: In([...ids]) },
          order: { kind: "ASC", id: "ASC" },
        });
        return ids.map((id) => rows.filter((r) => r.settlementId === id));
      }),
  ) as DataLoader<string, SettlementDeduction[]>;
}

/** The household a settlement pays (batched); every settlement has one (foreign key). */
async function settlementHousehold(
  ctx: RequestContext,
  settlement: SettlementType,
): Promise<Household> {
  const household = await householdById(ctx).load(settlement.householdId);
  if (!household) throw new Error(`settlement ${settlement.id} has no household`);
  return household;
}

/**
 * Settlements on the admin side: reading (`settlement:approve`), approval, payment
 * (`settlement:pay`), acknowledgement, disputes, corrections and the cycle's reconciliation.
 */
@Resolver(() => SettlementType)
export class SettlementAdminResolver {
  @RequirePermission("settlement:approve")
  @Query(() => SettlementList, {
    description: "A cycle's settlements (corrections booked in it included), by household code.",
  })
  settlements(
    @Ctx() ctx: RequestContext,
    @Arg("orderCycleId", () => ID) orderCycleId: string,
    @Arg("state", () => SettlementStateEnum, { nullable: true }) state: SettlementState | null,
    @Arg("page", () => PageInput, { nullable: true }) page: PageInput | null,
  ): Promise<SettlementList> {
    return listSettlements(ctx, {
      orderCycleId,
      state,
      skip: page?.skip ?? 0,
      take: page?.take ?? 20,
    });
  }

  @RequirePermission("settlement:approve")
  @Query(() => SettlementResult, { description: "One settlement with its deductions." })
  settlement(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
  ): Promise<typeof SettlementResult> {
    return getSettlement(ctx, id);
  }

  @FieldResolver(() => String, {
    description: "Pseudonymous code of the settlement's household, e.g. SG-017.",
  })
  async householdCode(
    @Root() settlement: SettlementType,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    return (await settlementHousehold(ctx, settlement)).code;
  }

  @FieldResolver(() => VillageType, { description: "The village of the settlement's household." })
  async householdVillage(
    @Root() settlement: SettlementType,
    @Ctx() ctx: RequestContext,
  ): Promise<VillageType> {
    const household = await settlementHousehold(ctx, settlement);
    const village = await villageById(ctx).load(household.villageId);
    if (!village) throw new Error(`household ${household.id} has no village`);
    return village;
  }

  @FieldResolver(() => [SettlementDeductionType], { description: "One per fee rule applied." })
  deductions(@Root() settlement: SettlementType, @Ctx() ctx: RequestContext) {
    return deductionsBySettlement(ctx).load(settlement.id);
  }

  @RequirePermission("settlement:approve")
  @Query(() => ReconciliationResult, {
    description:
      "payments = payouts + fees + refunds − balances due, each from its own rows; differenceFen must be 0.",
  })
  async reconciliation(
    @Ctx() ctx: RequestContext,
    @Arg("orderCycleId", () => ID) orderCycleId: string,
  ): Promise<typeof ReconciliationResult> {
    const cycle = await scopedCycle(ctx, orderCycleId);
    if (!cycle) return new NotFoundError(translatorFor(ctx.locale)("settlement.cycleNotFound"));
    return reconcileCycle(ctx, cycle.id);
  }

  @RequirePermission("settlement:approve")
  @Mutation(() => RecalculateSettlementsResult, {
    description:
      "While the cycle is SETTLING: recalculates DRAFT/CALCULATED settlements; APPROVED or later never change.",
  })
  async recalculateSettlements(
    @Ctx() ctx: RequestContext,
    @Arg("orderCycleId", () => ID) orderCycleId: string,
  ): Promise<typeof RecalculateSettlementsResult> {
    const result = await recalculateSettlements(ctx, orderCycleId);
    return result instanceof ErrorResult ? result : { settlements: result };
  }

  @RequirePermission("settlement:approve")
  @Mutation(() => SettlementChangeResult, { description: "CALCULATED/ADJUSTED → APPROVED." })
  approveSettlement(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
  ): Promise<typeof SettlementChangeResult> {
    return approveSettlement(ctx, id);
  }

  @RequirePermission("settlement:pay")
  @Mutation(() => SettlementChangeResult, {
    description: "APPROVED → PAID; paying twice is refused and changes nothing.",
  })
  async markSettlementPaid(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("method", () => PaymentMethodEnum) method: PaymentMethod,
    @Arg("paidOn", () => LocalDateScalar) paidOn: string,
    @Arg("reference", () => String, { nullable: true }) reference: string | null,
  ): Promise<typeof SettlementChangeResult> {
    const result = await markSettlementPaid(ctx, id, method, paidOn, reference);
    // Paid household income counts in the impact figures: refresh the impact views (a job; a
    // burst of payments is one waiting refresh).
    if (!(result instanceof ErrorResult)) await requestImpactRefresh(ctx);
    return result;
  }

  @RequirePermission("settlement:pay")
  @Mutation(() => SettlementChangeResult, {
    description: "PAID → ACKNOWLEDGED: the household confirmed receiving the payout.",
  })
  acknowledgeSettlement(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("acknowledgedOn", () => LocalDateScalar, { nullable: true })
    acknowledgedOn: string | null,
  ): Promise<typeof SettlementChangeResult> {
    return acknowledgeSettlement(ctx, id, acknowledgedOn);
  }

  @RequirePermission("settlement:approve")
  @Mutation(() => SettlementChangeResult, {
    description:
      "DISPUTED → ADJUSTED with the figures unchanged; the note (how it was resolved) goes to the audit log. Unpaid: approve and pay again. Paid: it keeps its payout. Money owed either way: addSettlementCorrection in a later cycle.",
  })
  resolveSettlementDispute(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("note") note: string,
  ): Promise<typeof SettlementChangeResult> {
    return resolveSettlementDispute(ctx, id, note);
  }

  @RequirePermission("settlement:approve")
  @Mutation(() => SettlementChangeResult, {
    description: "CALCULATED/APPROVED/PAID → DISPUTED; the note goes to the audit log.",
  })
  disputeSettlement(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("note") note: string,
  ): Promise<typeof SettlementChangeResult> {
    return disputeSettlement(ctx, id, note);
  }

  @RequirePermission("settlement:approve")
  @Mutation(() => SettlementChangeResult, {
    description:
      "Corrects a PAID/ACKNOWLEDGED settlement with a new one in a later cycle (± fen); the original never changes.",
  })
  addSettlementCorrection(
    @Ctx() ctx: RequestContext,
    @Arg("settlementId", () => ID) settlementId: string,
    @Arg("orderCycleId", () => ID) orderCycleId: string,
    @Arg("amountFen", () => Int, { description: "Fen, either sign, not 0." }) amountFen: number,
    @Arg("reason") reason: string,
  ): Promise<typeof SettlementChangeResult> {
    return addSettlementCorrection(ctx, { settlementId, orderCycleId, amountFen, reason });
  }
}
