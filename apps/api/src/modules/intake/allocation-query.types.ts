import type { AllocationTier } from "@nested/domain";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { VariantNamed } from "../cycle/supply.types";

/** The tiers of the pro-poor serving order (`AllocationTier` in @nested/domain). */
export enum AllocationTierEnum {
  REGISTERED_POOR = "REGISTERED_POOR",
  BY_INCOME = "BY_INCOME",
  INCOME_UNKNOWN = "INCOME_UNKNOWN",
}
registerEnumType(AllocationTierEnum, {
  name: "AllocationTier",
  description:
    "Registered poor first, then by income against the poverty line, then those without an income on record.",
});

/** Why a lot got its place in the serving order (`AllocationReason` in @nested/domain). */
@ObjectType("AllocationReason", { simpleResolvers: true })
export class AllocationReasonType {
  @Field(() => AllocationTierEnum)
  tier: AllocationTier;

  @Field(() => Int, {
    nullable: true,
    description:
      "Per-capita net income ÷ poverty line in basis points (10000 = on the line); null when unknown.",
  })
  ratioBasisPoints: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Income band, ⌊income ÷ line ÷ 0.25⌋ (0 = below a quarter of the line).",
  })
  band: number | null;

  @Field(() => Int, { description: "Place (1-based) within its tier and band this cycle." })
  rotationPosition: number;

  @Field(() => Int, { description: "Households sharing the tier and band." })
  groupSize: number;

  @Field(() => Int, { description: "The cycle's sequence number that set the rotation." })
  cycleSequence: number;
}

/** One household's lot of one variant after allocation, with its rank and the reason. */
@ObjectType("LotAllocation", { simpleResolvers: true })
export class LotAllocationType extends VariantNamed {
  @Field(() => ID)
  lotId: string;

  @Field(() => ID)
  householdId: string;

  @Field({ description: "Pseudonymous household code, e.g. BS-004." })
  householdCode: string;

  @Field(() => Int, { description: "Units declared (the lot's size)." })
  quantityDeclared: number;

  @Field(() => Int, { description: "Units allocated to order lines (Σ of its allocations)." })
  quantityAllocated: number;

  @Field(() => Int, { description: "Order lines served from the lot." })
  orderLines: number;

  @Field(() => Int, {
    nullable: true,
    description: "Place in the serving order of its variant (1 = first); null if given nothing.",
  })
  rank: number | null;

  @Field(() => AllocationReasonType, {
    nullable: true,
    description: "Why that place; null if given nothing or the stored reason is unreadable.",
  })
  reason: AllocationReasonType | null;
}
