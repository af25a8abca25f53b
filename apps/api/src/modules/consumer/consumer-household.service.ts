import type { RequestContext } from "../../graphql/request-context";
import { ConsumerHousehold } from "./consumer-household.entity";

/**
 * The consumer household of the signed-in caller, or null for anonymous callers and for users
 * without one (staff, partners). With `lock`, the row is locked FOR UPDATE until the caller's
 * transaction ends, which serialises a household's own concurrent writes (invitation limits).
 */
export async function callerConsumerHousehold(
  ctx: RequestContext,
  options: { lock?: boolean } = {},
): Promise<ConsumerHousehold | null> {
  if (ctx.principal.kind !== "user") return null;
  const qb = ctx.manager
    .getRepository(ConsumerHousehold)
    .createQueryBuilder("h")
    .where("h.user_id = :userId", { userId: ctx.principal.userId });
  if (options.lock) qb.setLock("pessimistic_write");
  return qb.getOne();
}
