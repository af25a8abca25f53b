import { IsOptional, Max, Min } from "class-validator";
import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { MoneyScalar } from "../../graphql/scalars";

/** Arguments of `impactSummary`. */
@ArgsType()
export class ImpactSummaryArgs {
  @Field(() => Int, {
    nullable: true,
    description: "Calendar year (Asia/Shanghai), 2000–2100; default the current year.",
  })
  @IsOptional()
  @Min(2000)
  @Max(2100)
  year?: number | null;
}

/**
 * The market's public impact for one year, across all producer groups: aggregates only. Any
 * figure drawn from fewer than `suppressionThreshold` households is null.
 */
@ObjectType("ImpactSummary", {
  description:
    "Public impact for one calendar year (Asia/Shanghai), all markets together. Figures drawn from fewer than `suppressionThreshold` households are null.",
})
export class ImpactSummaryType {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: "Figures from fewer households than this are null (k = 5)." })
  suppressionThreshold: number;

  @Field(() => Int, {
    nullable: true,
    description:
      "Distinct households with a lot allocated or accepted (not only declared, not rejected) in cycles opening that year.",
  })
  householdsReached: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Σ net payouts of settlements PAID or ACKNOWLEDGED with a payout day that year.",
  })
  totalPaidToHouseholds: number | null;

  @Field(() => MoneyScalar, { description: "Σ consumer payments received that year." })
  paidByConsumers: number;

  @Field(() => Int, {
    nullable: true,
    description:
      "Farmer share: totalPaidToHouseholds / paidByConsumers in basis points (10000 = the whole yuan; 6500 = 65 fen of each yuan), exact integer arithmetic rounded to the nearest basis point, halves away from zero. Null when suppressed or nothing was paid by consumers.",
  })
  farmerShareBasisPoints: number | null;
}
