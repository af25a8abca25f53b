import { SETTLEMENT_STATES, type SettlementState } from "@nested/domain";
import { createUnionType, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import {
  ErrorResult,
  InvalidInputError,
  InvalidTransitionError,
  NotFoundError,
} from "../../graphql/error-result";
import { PaginatedList } from "../../graphql/pagination";
import { LocalDateScalar, MoneyScalar } from "../../graphql/scalars";
import { PaymentMethodEnum } from "../order/order.types";
import type { PaymentMethod } from "../order/payment.entity";
import { FeeKindEnum } from "./fee-rule.types";
import type { FeeKind } from "./fee-rule.entity";

/** GraphQL enum of settlement states. */
export const SettlementStateEnum = Object.fromEntries(SETTLEMENT_STATES.map((s) => [s, s])) as {
  [K in SettlementState]: K;
};
registerEnumType(SettlementStateEnum, {
  name: "SettlementState",
  description: "DRAFT → CALCULATED → APPROVED → PAID → ACKNOWLEDGED; DISPUTED ↔ ADJUSTED.",
});

/** One fee taken from a settlement under a fee rule. */
@ObjectType("SettlementDeduction")
export class SettlementDeductionType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  feeRuleId: string;

  @Field(() => FeeKindEnum)
  kind: FeeKind;

  @Field(() => MoneyScalar)
  amountFen: number;
}

/** What a household is paid for one cycle, in fen: net = gross − deductions + adjustments. */
@ObjectType("Settlement")
export class SettlementType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  orderCycleId: string;

  @Field(() => ID)
  householdId: string;

  @Field(() => SettlementStateEnum)
  state: SettlementState;

  @Field(() => MoneyScalar, { description: "Accepted allocated units × producer price." })
  grossFen: number;

  @Field(() => MoneyScalar, { description: "Σ deductions (never more than gross)." })
  deductionsFen: number;

  @Field(() => MoneyScalar, { description: "Corrections; negative when money is taken back." })
  adjustmentsFen: number;

  @Field(() => MoneyScalar, { description: "The payout: gross − deductions + adjustments." })
  netFen: number;

  @Field(() => ID, { nullable: true, description: "The earlier settlement this one corrects." })
  correctsSettlementId: string | null;

  @Field(() => Date, { nullable: true })
  calculatedAt: Date | null;

  @Field(() => Date, { nullable: true })
  approvedAt: Date | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Business day of the payout." })
  paidOn: string | null;

  @Field(() => PaymentMethodEnum, { nullable: true })
  paidMethod: PaymentMethod | null;

  @Field(() => String, { nullable: true })
  payoutReference: string | null;

  @Field(() => Date, { nullable: true })
  acknowledgedAt: Date | null;

  producerGroupId: string;
}

/** A page of settlements. */
@ObjectType("SettlementList")
export class SettlementList extends PaginatedList(SettlementType) {}

/** A cycle's reconciliation, all in fen (see `reconcile` in @nested/domain). */
@ObjectType("Reconciliation")
export class ReconciliationType {
  @Field(() => ID)
  orderCycleId: string;

  @Field(() => MoneyScalar, { description: "Σ consumer payments received." })
  paymentsFen: number;

  @Field(() => MoneyScalar, { description: "Σ settlement nets (corrections excluded)." })
  payoutsFen: number;

  @Field(() => MoneyScalar, { description: "Σ fee-rule deductions." })
  deductionsFen: number;

  @Field(() => MoneyScalar, { description: "Σ accepted units × (consumer − producer price)." })
  marketMarginFen: number;

  @Field(() => MoneyScalar, { description: "deductions + market margin." })
  feesFen: number;

  @Field(() => MoneyScalar, { description: "Per order max(0, paid − due)." })
  refundsFen: number;

  @Field(() => MoneyScalar, { description: "Per order max(0, due − paid)." })
  balancesDueFen: number;

  @Field(() => MoneyScalar, {
    description: "payments − (payouts + fees + refunds − balances); 0 when the books agree.",
  })
  differenceFen: number;

  @Field(() => MoneyScalar, { description: "Σ accepted units × consumer unit price." })
  deliveredRevenueFen: number;

  @Field(() => MoneyScalar, { description: "Σ settlement gross (corrections excluded)." })
  grossFen: number;

  @Field(() => MoneyScalar, {
    description: "Σ corrections of earlier cycles booked here (outside the identity).",
  })
  correctionsFen: number;
}

const resolveAs = (name: string) => (value: object) =>
  value instanceof ErrorResult ? value.constructor.name : name;

/** One settlement, or NotFoundError. */
export const SettlementResult = createUnionType({
  name: "SettlementResult",
  types: () => [SettlementType, NotFoundError] as const,
  resolveType: resolveAs("Settlement"),
});

/** A settlement after a change, or why nothing changed. */
export const SettlementChangeResult = createUnionType({
  name: "SettlementChangeResult",
  types: () => [SettlementType, NotFoundError, InvalidTransitionError, InvalidInputError] as const,
  resolveType: resolveAs("Settlement"),
});

/** A cycle's recalculated settlements, or why nothing changed. */
@ObjectType("RecalculatedSettlements")
export class RecalculatedSettlementsType {
  @Field(() => [SettlementType])
  settlements: SettlementType[];
}

/** recalculateSettlements' answer. */
export const RecalculateSettlementsResult = createUnionType({
  name: "RecalculateSettlementsResult",
  types: () => [RecalculatedSettlementsType, NotFoundError, InvalidTransitionError] as const,
  resolveType: resolveAs("RecalculatedSettlements"),
});

/** A cycle's reconciliation, or NotFoundError. */
export const ReconciliationResult = createUnionType({
  name: "ReconciliationResult",
  types: () => [ReconciliationType, NotFoundError] as const,
  resolveType: resolveAs("Reconciliation"),
});
