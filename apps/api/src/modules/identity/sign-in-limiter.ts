import { RateLimiterMemory } from "rate-limiter-flexible";

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
 * Counters live in this process (rate-limiter-flexible's memory store); several API replicas
 * need its Redis store instead, which the deployment issue brings.
 */
export class SignInLimiter {
  private readonly byLogin = new RateLimiterMemory({
    keyPrefix: "sign-in-login",
    points: FAILURES_PER_LOGIN,
    duration: WINDOW_SECONDS,
  });
  private readonly byAddress = new RateLimiterMemory({
    keyPrefix: "sign-in-address",
    points: FAILURES_PER_ADDRESS,
    duration: WINDOW_SECONDS,
  });

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

function loginKey(login: string): string {
  return login.trim().toLowerCase();
}
