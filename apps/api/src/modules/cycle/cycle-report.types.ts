import type { OrderCycleState, SettlementState } from "@nested/domain";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { LocalDateScalar, MoneyScalar } from "../../graphql/scalars";
import { OrderCycleStateEnum } from "./cycle.types";
import { VariantNamed } from "./supply.types";

/** One variant of a cycle from declaration to intake, in units of the variant. */
@ObjectType("CycleVariantOverview", { simpleResolvers: true })
export class CycleVariantOverviewType extends VariantNamed {
  @Field(() => Int, { description: "Units declared by households (报货)." })
  declared: number;

  @Field(() => Int, { description: "Units on offer (the offer's total; 0 without an offer)." })
  offered: number;

  @Field(() => Int, { description: "Units on lines of orders that are not cancelled." })
  ordered: number;

  @Field(() => Int, { description: "Units allocated from households' lots to order lines." })
  allocated: number;

  @Field(() => Int, { description: "Units accepted at the intake quality check." })
  accepted: number;
}

/** What one household declared, sold and was paid in one cycle. */
@ObjectType("HouseholdCycleHistory", { simpleResolvers: true })
export class HouseholdCycleHistoryType {
  @Field(() => ID)
  orderCycleId: string;

  @Field()
  code: string;

  @Field(() => OrderCycleStateEnum)
  state: OrderCycleState;

  @Field(() => LocalDateScalar)
  deliveryOn: string;

  @Field(() => Int)
  declaredUnits: number;

  @Field(() => Int)
  allocatedUnits: number;

  @Field(() => Int)
  acceptedUnits: number;

  @Field(() => MoneyScalar, {
    description:
      "Per lot, the allocated units that were accepted (the smaller of the two) × the offer's producer price, summed.",
  })
  salesFen: number;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Net of the settlement plus its corrections; null before any settlement.",
  })
  payoutFen: number | null;

  @Field(() => String, {
    nullable: true,
    description: "State of the cycle's first settlement (not of its corrections).",
  })
  settlementState: SettlementState | null;

  @Field(() => Int, { description: "Corrections made to the settlement after it." })
  corrections: number;
}
