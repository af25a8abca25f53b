import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FAILURES_PER_LOGIN } from "../modules/identity/sign-in-limiter";
import { ORDER_OPERATIONS_PER_HOUSEHOLD } from "../modules/order/order-limiter";
import { hashPassword } from "../modules/identity/password";
import { type ApiProcess, startApiProcess } from "../test/api-process";
import { createOrderingMarket, type OrderingMarket } from "../test/order-fixtures";
import { clearOrders, type OrderAnswer, PLACE_ORDER } from "../test/order-operations";
import { createMigratedDataSource } from "../test/test-database";
import { createTestRedis, type TestRedis } from "../test/test-redis";

// Two built API processes (node dist/main.js, as deployed) on one real PostgreSQL database and
// one Redis: what several replicas behind a load balancer share, and what they must not lose.

const PASSWORD = "replica-test-2011";
let db: Awaited<ReturnType<typeof createMigratedDataSource>>;
let redis: TestRedis;
let market: OrderingMarket;
let a: ApiProcess;
let b: ApiProcess;

beforeAll(async () => {
  db = await createMigratedDataSource("replicas");
  market = await createOrderingMarket(db.dataSource, 40);
  await db.dataSource.query("UPDATE users SET password_hash = $1 WHERE id = $2", [
    await hashPassword(PASSWORD),
    market.consumers[0]!.userId,
  ]);
  redis = await createTestRedis();
  const env = {
    DATABASE_URL: db.db.url,
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: redis.keyPrefix,
    LOG_LEVEL: "warn",
  };
  // Both at once, as a rolling start would: the migration lock makes the second wait.
  [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.kill("SIGTERM"), b?.kill("SIGTERM")]);
  await redis?.close();
  await db?.close();
});

beforeEach(async () => {
  await clearOrders(db.dataSource);
  // Every test starts with no ordering operations counted (the limit is tested on its own).
  const counters = (await redis.keys()).filter((key) => key.includes(":order-"));
  if (counters.length > 0) await redis.client.del(...counters);
});

function oneOf(offerId: string) {
  return {
    orderCycleId: market.cycle.id,
    pickupPointId: market.pickupPoint.id,
    lines: [{ offerId, quantity: 1 }],
    idempotencyKey: randomUUID(),
  };
}

/** placeOrder through `api`; a transport failure (process gone) is answered as "lost". */
async function placeOn(api: ApiProcess, token: string, offerId: string): Promise<OrderAnswer> {
  try {
    const res = await api.shop(token).request<{ placeOrder: OrderAnswer }>(PLACE_ORDER, {
      input: oneOf(offerId),
    });
    return res.body.data?.placeOrder ?? { __typename: `HTTP ${res.status}` };
  } catch {
    return { __typename: "lost" };
  }
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = (await db.dataSource.query(sql, params)) as [{ n: number }];
  return row.n;
}

describe("two API processes on one database and one Redis", () => {
  it("serves a session made on one process on the other", async () => {
    const signIn = await a.shop().data<{ signIn: { __typename: string; token?: string } }>(
      `mutation($login: String!, $password: String!) {
        signIn(input: { login: $login, password: $password, tokenDelivery: BEARER }) {
          __typename ... on SignedIn { token }
        }
      }`,
      { login: "consumer0@orders.test", password: PASSWORD },
    );
    expect(signIn.signIn.__typename).toBe("SignedIn");
    const onB = await b
      .shop(signIn.signIn.token!)
      .data<{ me: { displayName: string } | null }>("{ me { displayName } }");
    expect(onB.me).toEqual({ displayName: "家庭 0" });
  });

  it("sells exactly the 10 eggs there are when 40 households order at once over both", async () => {
    const answers = await Promise.all(
      market.consumers.map((c, i) => placeOn(i % 2 === 0 ? a : b, c.token, market.eggs.id)),
    );
    const tally = (name: string) => answers.filter((x) => x.__typename === name).length;
    // 10 units, one each: 10 orders; the other 40 - 10 = 30 are told stock is short.
    expect({ orders: tally("Order"), short: tally("InsufficientStockError") }).toEqual({
      orders: 10,
      short: 30,
    });
    expect(await count("SELECT count(*)::int AS n FROM orders")).toBe(10);
    expect(
      await count("SELECT quantity_reserved AS n FROM offers WHERE id = $1", [market.eggs.id]),
    ).toBe(10);
  });

  it("counts failed sign-ins made on both processes against one limit (Redis)", async () => {
    const login = "consumer1@orders.test";
    const attempt = (api: ApiProcess, password: string) =>
      api
        .shop()
        .data<{ signIn: { __typename: string } }>(
          `mutation($login: String!, $password: String!) {
            signIn(input: { login: $login, password: $password }) { __typename }
          }`,
          { login, password },
        )
        .then((d) => d.signIn.__typename);
    // 10 wrong passwords, alternating: 5 on each process. In memory each would have counted 5.
    for (let i = 0; i < FAILURES_PER_LOGIN; i += 1) {
      expect(await attempt(i % 2 === 0 ? a : b, `wrong-${i}`)).toBe("InvalidCredentialsError");
    }
    // The 11th is refused on either process, whatever the password.
    expect(await attempt(a, "wrong-again")).toBe("TooManyAttemptsError");
    expect(await attempt(b, "wrong-again")).toBe("TooManyAttemptsError");
    const key = `${redis.keyPrefix}sign-in-login:${login}`;
    expect(await redis.client.get(key)).toBe(String(FAILURES_PER_LOGIN));
  });
});

describe("the ordering rate limit over two processes (Redis)", () => {
  it("counts one household's operations on both processes against one limit", async () => {
    const consumer = market.consumers[2]!;
    const input = { ...oneOf(market.millet.id), idempotencyKey: randomUUID() };
    const place = (api: ApiProcess, idempotencyKey: string) =>
      api
        .shop(consumer.token)
        .data<{ placeOrder: { __typename: string; retryAfterSeconds?: number } }>(
          `mutation($input: PlaceOrderInput!) {
            placeOrder(input: $input) {
              __typename ... on TooManyAttemptsError { retryAfterSeconds }
            }
          }`,
          { input: { ...input, idempotencyKey } },
        )
        .then((d) => d.placeOrder);
    // 30 operations, alternating: 15 on each process (the first places, the repeats of its key
    // answer the same order). In memory each process would have counted only 15.
    for (let i = 0; i < ORDER_OPERATIONS_PER_HOUSEHOLD; i += 1) {
      expect((await place(i % 2 === 0 ? a : b, input.idempotencyKey)).__typename).toBe("Order");
    }
    // The 31st is refused on either process; a new key places nothing.
    for (const api of [a, b]) {
      const refused = await place(api, randomUUID());
      expect(refused.__typename).toBe("TooManyAttemptsError");
      expect(refused.retryAfterSeconds).toBeGreaterThan(3600 - 120);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(3600);
    }
    expect(await count("SELECT count(*)::int AS n FROM orders")).toBe(1);
    // One counter in Redis: 30 allowed + 2 refused = 32 consumed points.
    const key = `${redis.keyPrefix}order-household:${consumer.userId}`;
    expect(await redis.client.get(key)).toBe("32");
  });
});

describe("a process killed (SIGKILL) with requests in flight", () => {
  it("loses no order the client was told succeeded", async () => {
    const millet = market.millet.id;
    await db.dataSource.query("UPDATE offers SET quantity_total = 100 WHERE id = $1", [millet]);
    const tokens = market.consumers.map((c) => c.token);
    // Round 1: 10 orders on each process, all answered.
    const first = await Promise.all(
      tokens.slice(0, 20).map((t, i) => placeOn(i % 2 === 0 ? a : b, t, millet)),
    );
    // Round 2: the offer row is held by another transaction, so 10 orders on each process wait
    // inside their transactions; then process A dies and the row is let go.
    const holder = new Client({ connectionString: db.db.url });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query("SELECT id FROM offers WHERE id = $1 FOR UPDATE", [millet]);
    const second = tokens.slice(20, 40).map((t, i) => ({
      on: i % 2 === 0 ? "a" : "b",
      answer: placeOn(i % 2 === 0 ? a : b, t, millet),
    }));
    await waitForLockWaiters(holder, db.db.name, 20);
    const killed = await a.kill("SIGKILL");
    expect(killed.signal).toBe("SIGKILL");
    await holder.query("COMMIT");
    await holder.end();
    const answers = [...first, ...(await Promise.all(second.map((s) => s.answer)))];

    const succeeded = answers.filter((x) => x.__typename === "Order");
    // Round 1: 20 orders; round 2: B's 10 complete, A's 10 died with A (never committed).
    expect(succeeded).toHaveLength(30);
    expect(answers.filter((x) => x.__typename === "lost")).toHaveLength(10);
    const stored = (await db.dataSource.query(
      `SELECT o.id, sum(l.quantity)::int AS units FROM orders o
         JOIN order_lines l ON l.order_id = o.id GROUP BY o.id`,
    )) as { id: string; units: number }[];
    const storedIds = new Set(stored.map((row) => row.id));
    for (const order of succeeded) expect(storedIds.has(order.id!)).toBe(true);
    expect(stored).toHaveLength(30);
    // Reserved stock agrees with the stored orders: 30 orders × 1 bag.
    expect(await count("SELECT quantity_reserved AS n FROM offers WHERE id = $1", [millet])).toBe(
      30,
    );
    // B still serves.
    expect((await fetch(`${b.url}/health`)).status).toBe(200);
  }, 60_000);
});

/** Waits until `n` sessions of database `name` wait for a lock. */
async function waitForLockWaiters(client: Client, name: string, n: number): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = $1 AND wait_event_type = 'Lock'`,
      [name],
    );
    if ((rows[0] as { n: number }).n >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`fewer than ${n} requests waited for the lock`);
}
