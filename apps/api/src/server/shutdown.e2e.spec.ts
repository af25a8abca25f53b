import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiProcess, startApiProcess } from "../test/api-process";
import { createOrderingMarket, type OrderingMarket } from "../test/order-fixtures";
import { type OrderAnswer, PLACE_ORDER } from "../test/order-operations";
import { createMigratedDataSource } from "../test/test-database";

// SIGTERM on the built API (node dist/main.js) while a request is in flight: readiness goes
// false, new requests are refused, the request in flight completes, the process exits 0.

let db: Awaited<ReturnType<typeof createMigratedDataSource>>;
let market: OrderingMarket;
let api: ApiProcess | null = null;
/** How long /health answers 503 before the listener closes (SHUTDOWN_DELAY_MS). */
const DELAY_MS = 1_000;

beforeAll(async () => {
  db = await createMigratedDataSource("shutdown");
  market = await createOrderingMarket(db.dataSource, 1);
}, 60_000);

afterAll(async () => {
  await api?.kill("SIGKILL");
  await db?.close();
});

/** How a request ended: its HTTP status, or that no connection could be made. */
async function probe(url: string): Promise<number | "refused"> {
  try {
    return (await fetch(url, { headers: { connection: "close" } })).status;
  } catch {
    return "refused";
  }
}

describe("SIGTERM during a slow request", () => {
  it("finishes it, refuses new ones, closes and exits 0", async () => {
    api = await startApiProcess({
      DATABASE_URL: db.db.url,
      SHUTDOWN_DELAY_MS: String(DELAY_MS),
      LOG_LEVEL: "warn",
    });
    const running = api;
    // The slow request: placeOrder waits for the offer row, which this transaction holds.
    const holder = new Client({ connectionString: db.db.url });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query("SELECT id FROM offers WHERE id = $1 FOR UPDATE", [market.eggs.id]);
    const slow = running
      .shop(market.consumers[0]!.token)
      .request<{ placeOrder: OrderAnswer }>(PLACE_ORDER, {
        input: {
          orderCycleId: market.cycle.id,
          pickupPointId: market.pickupPoint.id,
          lines: [{ offerId: market.eggs.id, quantity: 2 }],
          idempotencyKey: randomUUID(),
        },
      });
    await waitFor(async () => {
      const { rows } = await holder.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'",
        [db.db.name],
      );
      return (rows[0] as { n: number }).n === 1;
    });

    running.child.kill("SIGTERM");
    // Readiness first: /health answers 503 while the listener is still open.
    await waitFor(async () => (await probe(`${running.url}/health`)) === 503);
    // Then the listener closes: a new request finds nobody (or a 503 on a late connection).
    await waitFor(async () => {
      const answer = await probe(`${running.url}/health`);
      return answer === "refused";
    }, DELAY_MS + 5_000);
    expect(["refused", 503]).toContain(await probe(`${running.url}/shop/graphql`));
    // The process waits for the request in flight.
    expect(running.child.exitCode).toBeNull();

    await holder.query("COMMIT");
    await holder.end();
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(answer.body.data?.placeOrder.__typename).toBe("Order");
    // 2 eggs at ¥16.00 = 3200 fen, stored before the pool closed.
    expect(answer.body.data?.placeOrder.totalFen).toBe(3200);
    expect(await running.exited).toEqual({ code: 0, signal: null });
    const [row] = (await db.dataSource.query("SELECT quantity_reserved FROM offers WHERE id = $1", [
      market.eggs.id,
    ])) as [{ quantity_reserved: number }];
    expect(row.quantity_reserved).toBe(2);
    api = null;
  }, 60_000);
});

async function waitFor(check: () => Promise<boolean>, limitMs = 10_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`condition not met within ${limitMs} ms`);
}
