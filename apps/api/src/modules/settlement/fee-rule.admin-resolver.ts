import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { LocalDateScalar } from "../../graphql/scalars";
import { createFeeRule, endFeeRule, listFeeRules } from "./fee-rule.service";
import { CreateFeeRuleInput, FeeRuleResult, FeeRuleType } from "./fee-rule.types";

/**
 * Fee rules (transport, packaging, group fund) of a producer group. They decide what is taken
 * from households' payouts, so they need `settlement:approve` (finance and admin) to read and
 * to change — the same people who approve the settlements they produce.
 */
@Resolver()
export class FeeRuleAdminResolver {
  @RequirePermission("settlement:approve")
  @Query(() => [FeeRuleType], {
    description: "A producer group's fee rules; with activeOn only those valid that day.",
  })
  feeRules(
    @Ctx() ctx: RequestContext,
    @Arg("producerGroupId", () => ID) producerGroupId: string,
    @Arg("activeOn", () => LocalDateScalar, { nullable: true }) activeOn: string | null,
  ) {
    return listFeeRules(ctx, producerGroupId, activeOn);
  }

  @RequirePermission("settlement:approve")
  @Mutation(() => FeeRuleResult, {
    description: "Adds a fee rule; two rules of one kind may not be valid on the same day.",
  })
  createFeeRule(
    @Ctx() ctx: RequestContext,
    @Arg("input", () => CreateFeeRuleInput) input: CreateFeeRuleInput,
  ): Promise<typeof FeeRuleResult> {
    return createFeeRule(ctx, input);
  }

  @RequirePermission("settlement:approve")
  @Mutation(() => FeeRuleResult, { description: "Sets the rule's last valid day (inclusive)." })
  endFeeRule(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("validTo", () => LocalDateScalar) validTo: string,
  ): Promise<typeof FeeRuleResult> {
    return endFeeRule(ctx, id, validTo);
  }
}
