import type { Redis } from "ioredis";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { sharedLimiter } from "../../server/rate-limit";

/** Failed sign-ins allowed per login (e-mail or phone as typed, lower-cased) in {@link WINDOW_SECONDS}. */
export const FAILURES_PER_LOGIN = 10;
/** Failed sign-ins allowed per client address in {@link WINDOW_SECONDS}. */
export const FAILURES_PER_ADDRESS = 100;
/** The window of both limits: 15 minutes, after which the count starts again. */
export const WINDOW_SECONDS = 15 * 60;

/**
 * Slows down password guessing (DESIGN.md, "Security and privacy"): after too many failed
 * sign-ins for one login, or from one address, further attempts are refused until the window
 * ends — whether the account exists or not, so the limit tells nothing about accounts.
 *
 * Counters live in Redis when the API has one (REDIS_URL), so every replica counts the same
 * attempts; while Redis cannot be reached each process falls back to its own memory counters
 * (rate-limiter-flexible's insurance limiter). Without Redis, memory only: right for one process.
 */
export class SignInLimiter {
  private readonly byLogin: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  /** `redis`: the shared store; `keyPrefix` goes before every key (default "nm:"). */
  constructor(options: { redis?: Redis | null; keyPrefix?: string } = {}) {
    const prefix = options.keyPrefix ?? "nm:";
    this.byLogin = limiter(options.redis, `${prefix}sign-in-login`, FAILURES_PER_LOGIN);
    this.byAddress = limiter(options.redis, `${prefix}sign-in-address`, FAILURES_PER_ADDRESS);
  }

  /** Seconds until `login` from `address` may try again, or 0 when it may try now. */
  async retryAfterSeconds(login: string, address: string): Promise<number> {
    const [perLogin, perAddress] = await Promise.all([
      this.byLogin.get(loginKey(login)),
      this.byAddress.get(address),
    ]);
    const waits = [
      perLogin && perLogin.consumedPoints >= FAILURES_PER_LOGIN ? perLogin.msBeforeNext : 0,
      perAddress && perAddress.consumedPoints >= FAILURES_PER_ADDRESS ? perAddress.msBeforeNext : 0,
    ];
    return Math.ceil(Math.max(...waits) / 1000);
  }

  /** Counts one failed sign-in against the login and the address. */
  async recordFailure(login: string, address: string): Promise<void> {
    await Promise.all([
      this.byLogin.penalty(loginKey(login), 1),
      this.byAddress.penalty(address, 1),
    ]);
  }

  /** Forgets the login's failures after a successful sign-in. */
  async recordSuccess(login: string): Promise<void> {
    await this.byLogin.delete(loginKey(login));
  }
}

function limiter(
  redis: Redis | null | undefined,
  keyPrefix: string,
  points: number,
): RateLimiterAbstract {
  return sharedLimiter(redis, keyPrefix, points, WINDOW_SECONDS);
}

function loginKey(login: string): string {
  return login.trim().toLowerCase();
}
