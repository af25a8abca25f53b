import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

/**
 * The Redis server the tests use (TEST_REDIS_URL, default redis://127.0.0.1:6379). A test takes
 * a database from 1 to 15 and a key prefix of its own, so parallel runs never share a key.
 */
export const TEST_REDIS_SERVER = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A test's corner of Redis: the URL with its database, its key prefix and a cleanup. */
export interface TestRedis {
  url: string;
  keyPrefix: string;
  client: Redis;
  /** Keys under this test's prefix, sorted. */
  keys(): Promise<string[]>;
  /** Deletes this test's keys and disconnects. */
  close(): Promise<void>;
}

/** Picks a database from 1 to 15 and a fresh prefix `nm-test-<hex>:`. */
export async function createTestRedis(): Promise<TestRedis> {
  const url = new URL(TEST_REDIS_SERVER);
  url.pathname = `/${1 + (randomBytes(1)[0]! % 15)}`;
  const keyPrefix = `nm-test-${randomBytes(6).toString("hex")}:`;
  const client = new Redis(url.toString(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  await client.connect();
  const keys = async () => {
    const found: string[] = [];
    let cursor = "0";
    do {
      const [next, batch] = await client.scan(cursor, "MATCH", `${keyPrefix}*`, "COUNT", 1000);
      found.push(...batch);
      cursor = next;
    } while (cursor !== "0");
    return found.sort();
  };
  return {
    url: url.toString(),
    keyPrefix,
    client,
    keys,
    async close() {
      const mine = await keys();
      if (mine.length > 0) await client.del(...mine);
      client.disconnect();
    },
  };
}
