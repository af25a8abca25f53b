import type { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
} from "rate-limiter-flexible";

/**
 * A fixed-window counter of `points` per key in `durationSeconds` (rate-limiter-flexible).
 * With `redis` the counters live there, under `keyPrefix:key`, so every replica counts the same
 * attempts; while Redis cannot be reached each process falls back to its own memory counters
 * (the insurance limiter). Without `redis`: memory only, right for one process.
 */
export function sharedLimiter(
  redis: Redis | null | undefined,
  keyPrefix: string,
  points: number,
  durationSeconds: number,
): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds });
  if (!redis) return memory;
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points,
    duration: durationSeconds,
    insuranceLimiter: memory,
  });
}
