import type { FieldProblem } from "../../graphql/error-result";
import { InvalidInputError } from "../../graphql/error-result";
import { isUuid } from "../../graphql/ids";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { managesGroup } from "../household/household.service";
import { OrderCycle } from "./order-cycle.entity";

/** A translator of the caller's locale. */
export type Translate = ReturnType<typeof translatorFor>;

/**
 * One cycle the caller may manage (ADMIN: any; staff and finance: their producer groups'), or
 * null when unknown, of another group, or the id is malformed — the same answer, so ids of other
 * groups are not confirmed. `lock` takes the row `FOR UPDATE` (transitions, edits) or
 * `FOR SHARE` (writes that need the state to stay as read: declarations, offers).
 */
export async function findManagedCycle(
  ctx: RequestContext,
  id: string,
  lock?: "update" | "share",
): Promise<OrderCycle | null> {
  if (!isUuid(id)) return null;
  const cycle = await ctx.manager.getRepository(OrderCycle).findOne({
    where: { id },
    lock: lock ? { mode: lock === "update" ? "pessimistic_write" : "pessimistic_read" } : undefined,
  });
  return cycle && managesGroup(ctx, cycle.producerGroupId) ? cycle : null;
}

/** InvalidInputError with the cycle module's "nothing was saved" message. */
export function cycleInputRefused(t: Translate, problems: FieldProblem[]): InvalidInputError {
  return new InvalidInputError(t("cycle.inputRefused"), problems);
}
