import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { TooManyAttemptsError } from "../../graphql/error-result";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { sharedLimiter } from "../../server/rate-limit";
import {
  ORDER_OPERATIONS_PER_ADDRESS,
  ORDER_OPERATIONS_PER_HOUSEHOLD,
  ORDER_WINDOW_SECONDS,
} from "./order-limits";

export { ORDER_OPERATIONS_PER_ADDRESS, ORDER_OPERATIONS_PER_HOUSEHOLD, ORDER_WINDOW_SECONDS };

/**
 * Counts ordering operations per household account (the signed-in user: one user per consumer
 * household) and per client address, in Redis when the API has one (REDIS_URL), so all replicas
 * count against one limit; otherwise in this process's memory (see {@link sharedLimiter}).
 */
export class OrderLimiter {
  private readonly byHousehold: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  /**
   * `redis`: the shared store; `keyPrefix` goes before every key (default "nm:"); `perHousehold`
   * and `perAddress` override {@link ORDER_OPERATIONS_PER_HOUSEHOLD} and
   * {@link ORDER_OPERATIONS_PER_ADDRESS}.
   */
  constructor(
    options: {
      redis?: Redis | null;
      keyPrefix?: string;
      perHousehold?: number;
      perAddress?: number;
    } = {},
  ) {
    const prefix = options.keyPrefix ?? "nm:";
    this.byHousehold = sharedLimiter(
      options.redis,
      `${prefix}order-household`,
      options.perHousehold ?? ORDER_OPERATIONS_PER_HOUSEHOLD,
      ORDER_WINDOW_SECONDS,
    );
    this.byAddress = sharedLimiter(
      options.redis,
      `${prefix}order-address`,
      options.perAddress ?? ORDER_OPERATIONS_PER_ADDRESS,
      ORDER_WINDOW_SECONDS,
    );
  }

  /**
   * Counts one ordering operation of `userId` from `address` (atomically, in Redis or memory).
   * Answers 0 when it may go ahead, or the seconds until the window in which a limit was reached
   * ends; a refused operation is not counted against the address, only against the household.
   */
  async take(userId: string, address: string): Promise<number> {
    const household = await waitOf(this.byHousehold.consume(userId));
    if (household > 0) return household;
    const fromAddress = await waitOf(this.byAddress.consume(address));
    if (fromAddress > 0) await this.byHousehold.reward(userId, 1);
    return fromAddress;
  }
}

/** 0 when the consume went through, else the whole seconds (at least 1) until it may. */
async function waitOf(consumed: Promise<RateLimiterRes>): Promise<number> {
  try {
    await consumed;
    return 0;
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
  }
}

/**
 * Counts one ordering operation of the caller and answers a TooManyAttemptsError (in the
 * caller's language, with retryAfterSeconds) when a limit is reached, or null to go ahead.
 * Called before anything is read or written, so a refused operation changes nothing. Callers
 * that are not signed-in users are left to the operation's own refusal.
 */
export async function limitOrdering(ctx: RequestContext): Promise<TooManyAttemptsError | null> {
  if (!ctx.orderLimiter || ctx.principal.kind !== "user") return null;
  const wait = await ctx.orderLimiter.take(ctx.principal.userId, ctx.clientAddress);
  if (wait === 0) return null;
  const t = translatorFor(ctx.locale);
  return new TooManyAttemptsError(
    t("order.tooManyOperations", { minutes: Math.ceil(wait / 60) }),
    wait,
  );
}
