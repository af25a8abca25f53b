import { Redis } from "ioredis";
import type { Logger } from "pino";

/** Where a Redis URL points, without its password, for messages and logs. */
export function describeRedisUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}:${parsed.port || "6379"}${parsed.pathname || "/0"}`;
}

/** Thrown when REDIS_URL is set but Redis cannot be reached at start. */
export class RedisUnavailableError extends Error {
  override name = "RedisUnavailableError";
}

/**
 * Connects to Redis (ioredis) and checks it answers PING, or rejects with
 * {@link RedisUnavailableError} naming the address. After the start the client reconnects by
 * itself; commands sent while it is disconnected fail at once instead of queueing (callers fall
 * back, see SignInLimiter), and connection errors are logged rather than thrown.
 */
export async function connectRedis(url: string, log: Logger): Promise<Redis> {
  let started = false;
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 5_000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    // At start one try (a refused start is clearer than a wait); later, reconnect for ever.
    retryStrategy: (attempt) => (started ? Math.min(attempt * 200, 2_000) : null),
  });
  let lastLogged = 0;
  let lastError: Error | null = null;
  client.on("error", (error: Error) => {
    lastError = error;
    // Before the start the error is thrown instead; after, one line per 10 s while Redis is away.
    if (!started || Date.now() - lastLogged < 10_000) return;
    lastLogged = Date.now();
    log.warn({ err: error, redis: describeRedisUrl(url) }, "redis connection error");
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    const cause = (lastError as Error | null) ?? (error as Error);
    throw new RedisUnavailableError(
      `Cannot reach Redis at REDIS_URL (${describeRedisUrl(url)}): ${cause.message}`,
    );
  }
  started = true;
  return client;
}
