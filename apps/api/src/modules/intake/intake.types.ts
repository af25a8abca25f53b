import { LOT_STATES, type LotState, type OrderState } from "@nested/domain";
import {
  createUnionType,
  Field,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from "type-graphql";
import {
  InvalidInputError,
  InvalidTransitionError,
  NotFoundError,
} from "../../graphql/error-result";
import { PaginatedList } from "../../graphql/pagination";
import { enumOf, resolveAs } from "../../graphql/type-helpers";
import { LocalDateScalar, MoneyScalar } from "../../graphql/scalars";
import { AdjustmentType, OrderStateEnum } from "../order/order.types";
import { WrongCycleStateError } from "./intake-errors.types";
import {
  QUALITY_RESULTS,
  type QualityResult,
  REJECTION_REASONS,
  type RejectionReason,
} from "./quality-check.entity";

/** GraphQL enum of lot states (DESIGN.md, "State machines"). */
export const LotStateEnum = enumOf(LOT_STATES);
registerEnumType(LotStateEnum, {
  name: "LotState",
  description: "DECLARED → ALLOCATED → RECEIVED → ACCEPTED | PARTIAL | REJECTED → PACKED → SOLD.",
});

/** GraphQL enum of why units were refused at the quality check. */
export const RejectionReasonEnum = enumOf(REJECTION_REASONS);
registerEnumType(RejectionReasonEnum, { name: "RejectionReason" });

/** GraphQL enum of quality check results. */
export const QualityResultEnum = enumOf(QUALITY_RESULTS);
registerEnumType(QualityResultEnum, { name: "QualityResult" });

/** One lot on the intake screen. Quantities in whole units of the variant. */
@ObjectType("IntakeLot", { simpleResolvers: true })
export class IntakeLotType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  householdId: string;

  @Field({ description: "Pseudonymous household code, e.g. SG-017." })
  householdCode: string;

  @Field()
  villageNameZh: string;

  @Field()
  villageNameEn: string;

  @Field(() => ID)
  variantId: string;

  @Field()
  productNameZh: string;

  @Field()
  productNameEn: string;

  @Field()
  variantNameZh: string;

  @Field()
  variantNameEn: string;

  @Field(() => LotStateEnum)
  state: LotState;

  @Field(() => Int)
  quantityDeclared: number;

  @Field(() => Int)
  quantityAllocated: number;

  @Field(() => Int, { nullable: true, description: "Null until received at intake." })
  quantityReceived: number | null;

  @Field(() => Int, { nullable: true, description: "Null until checked." })
  quantityAccepted: number | null;

  @Field(() => Int, { description: "Complaints about this household's produce, all cycles." })
  householdComplaints: number;

  @Field(() => RejectionReasonEnum, {
    nullable: true,
    description: "Reason recorded by the lot's quality check; null before it or when all passed.",
  })
  rejectionReason: RejectionReason | null;

  @Field(() => MoneyScalar, {
    description: "Σ refunds the lot's quality check wrote for its shortfall, in fen; 0 before it.",
  })
  refundedFen: number;
}

/** A page of lots. */
@ObjectType("IntakeLotList")
export class IntakeLotList extends PaginatedList(IntakeLotType) {}

/** What was found at intake for one lot. */
@InputType()
export class QualityCheckInput {
  @Field(() => ID)
  lotId: string;

  @Field(() => Int, { description: "Units brought." })
  quantityReceived: number;

  @Field(() => Int, { description: "Units that passed; at most those received." })
  quantityAccepted: number;

  @Field(() => RejectionReasonEnum, {
    nullable: true,
    description: "Required unless every allocated unit was accepted.",
  })
  reason?: RejectionReason | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

/** A stored quality check. */
@ObjectType("QualityCheck", { simpleResolvers: true })
export class QualityCheckType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  lotId: string;

  @Field(() => LocalDateScalar)
  checkedOn: string;

  @Field(() => Int)
  quantityReceived: number;

  @Field(() => Int)
  quantityAccepted: number;

  @Field(() => QualityResultEnum)
  result: QualityResult;

  @Field(() => RejectionReasonEnum, { nullable: true })
  reason: RejectionReason | null;

  @Field(() => String, { nullable: true })
  note: string | null;
}

/** A refund written for a lot's shortfall. */
@ObjectType("ShortfallRefund")
export class ShortfallRefundType {
  @Field(() => Int, { description: "Units taken off the order line." })
  units: number;

  @Field(() => AdjustmentType)
  adjustment: AdjustmentType;
}

/** The answer to a recorded quality check: the check, the lot's new state and the refunds. */
@ObjectType("QualityCheckRecorded")
export class QualityCheckRecorded {
  @Field(() => QualityCheckType)
  qualityCheck: QualityCheckType;

  @Field(() => LotStateEnum)
  lotState: LotState;

  @Field(() => Int, { description: "Units the lot fell short of its allocation." })
  shortfall: number;

  @Field(() => [ShortfallRefundType])
  refunds: ShortfallRefundType[];
}

/** The answer to recordQualityCheck. */
export const QualityCheckResult = createUnionType({
  name: "QualityCheckResult",
  types: () =>
    [
      QualityCheckRecorded,
      NotFoundError,
      InvalidInputError,
      InvalidTransitionError,
      WrongCycleStateError,
    ] as const,
  resolveType: resolveAs("QualityCheckRecorded"),
});

/** An order's new state after pickup marking. */
@ObjectType("OrderStateChange")
export class OrderStateChange {
  @Field(() => ID)
  orderId: string;

  @Field(() => OrderStateEnum)
  state: OrderState;
}

/** Orders marked at pickup. */
@ObjectType("OrdersMarked")
export class OrdersMarked {
  @Field(() => [OrderStateChange])
  orders: OrderStateChange[];
}

/** The answer to markOrdersPickedUp / markOrderNoShow. */
export const PickupResult = createUnionType({
  name: "PickupResult",
  types: () => [OrdersMarked, NotFoundError, InvalidInputError, InvalidTransitionError] as const,
  resolveType: resolveAs("OrdersMarked"),
});

/** A complaint about a household's produce. */
@ObjectType("HouseholdComplaint", { simpleResolvers: true })
export class HouseholdComplaintType {
  @Field(() => ID)
  feedbackId: string;

  @Field(() => ID)
  orderLineId: string;

  @Field(() => ID, { description: "The household's lot that served the line." })
  lotId: string;

  @Field()
  orderCycleCode: string;

  @Field()
  productNameZh: string;

  @Field()
  productNameEn: string;

  @Field(() => Int)
  rating: number;

  @Field()
  category: string;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field(() => Date)
  createdAt: Date;
}

/** The complaints about one household's produce. */
@ObjectType("HouseholdComplaints")
export class HouseholdComplaintsType {
  @Field(() => ID)
  householdId: string;

  @Field()
  householdCode: string;

  @Field(() => Int)
  count: number;

  @Field(() => [HouseholdComplaintType], { description: "Newest first." })
  complaints: HouseholdComplaintType[];
}

/** The answer to householdComplaints. */
export const HouseholdComplaintsResult = createUnionType({
  name: "HouseholdComplaintsResult",
  types: () => [HouseholdComplaintsType, NotFoundError] as const,
  resolveType: resolveAs("HouseholdComplaints"),
});
