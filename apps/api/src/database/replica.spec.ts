import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import type { RequestContext } from "../graphql/request-context";
import { startApi, type RunningApi } from "../server/start-api";
import { createOrderingMarket, type OrderingMarket } from "../test/order-fixtures";
import { type OrderAnswer, PLACE_ORDER } from "../test/order-operations";
import { GraphqlClient } from "../test/test-api";
import {
  adminQuery,
  createMigratedDataSource,
  createTestDatabase,
  type TestDatabase,
} from "../test/test-database";
import { readFromReplica } from "./replica";

// DATABASE_REPLICA_URLS: the shop's catalogue lists may read a replica; orders, sessions and
// everything in a transaction use the primary. The "replica" here is a copy of the primary made
// with CREATE DATABASE … TEMPLATE and then changed, so that each answer shows where it was read.

let primary: TestDatabase;
let replica: TestDatabase;
let market: OrderingMarket;
let api: RunningApi;

async function scalar(db: TestDatabase, sql: string): Promise<number> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query(sql);
    return Number(Object.values(rows[0] as object)[0]);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const made = await createMigratedDataSource("replica_primary");
  primary = made.db;
  market = await createOrderingMarket(made.dataSource, 1);
  await made.dataSource.destroy();
  // An empty database made only to get a unique name, then replaced by the primary's copy.
  replica = await createTestDatabase("replica_copy");
  await adminQuery(`DROP DATABASE "${replica.name}"`);
  await adminQuery(`CREATE DATABASE "${replica.name}" TEMPLATE "${primary.name}"`);
  // The replica "lags": it still shows 99 eggs and an older product name.
  const lagging = new Client({ connectionString: replica.url });
  await lagging.connect();
  await lagging.query("UPDATE offers SET quantity_total = 99 WHERE id = $1", [market.eggs.id]);
  await lagging.query("UPDATE products SET name_zh = '柴鸡蛋（旧）' WHERE name_zh = '柴鸡蛋'");
  await lagging.end();
  // Meanwhile the primary has only 4 eggs.
  const current = new Client({ connectionString: primary.url });
  await current.connect();
  await current.query("UPDATE offers SET quantity_total = 4 WHERE id = $1", [market.eggs.id]);
  await current.end();
  api = await startApi({
    ...loadConfig({
      DATABASE_URL: primary.url,
      DATABASE_REPLICA_URLS: replica.url,
      PORT: "0",
      LOG_LEVEL: "silent",
    }),
    seedDemo: false,
  });
}, 60_000);

afterAll(async () => {
  await api?.stop();
  await replica?.drop();
  await primary?.drop();
});

const shop = (bearer?: string) => {
  const client = new GraphqlClient(`${api.url}/shop/graphql`);
  client.bearer = bearer ?? null;
  return client;
};

/** placeOrder of `quantity` eggs by the market's consumer. */
async function orderEggs(quantity: number): Promise<{ placeOrder: OrderAnswer }> {
  return shop(market.consumers[0]!.token).data<{ placeOrder: OrderAnswer }>(PLACE_ORDER, {
    input: {
      orderCycleId: market.cycle.id,
      pickupPointId: market.pickupPoint.id,
      lines: [{ offerId: market.eggs.id, quantity }],
      idempotencyKey: randomUUID(),
    },
  });
}

describe("with DATABASE_REPLICA_URLS", () => {
  it("reads the catalogue lists from the replica", async () => {
    const data = await shop().data<{
      offers: { items: { id: string; quantityAvailable: number }[] };
      products: { items: { nameZh: string }[] };
    }>(
      `query($cycle: ID!) {
        offers(orderCycleId: $cycle) { items { id quantityAvailable } }
        products { items { nameZh } }
      }`,
      { cycle: market.cycle.id },
    );
    // Replica: 99 eggs, none reserved; the primary has 4.
    expect(data.offers.items.find((o) => o.id === market.eggs.id)?.quantityAvailable).toBe(99);
    expect(data.products.items.map((p) => p.nameZh)).toContain("柴鸡蛋（旧）");
  });

  it("places orders on the primary, against the primary's stock", async () => {
    const answer = await orderEggs(6);
    // 6 > the primary's 4 (the replica's 99 does not count): refused with what is left.
    expect(answer.placeOrder).toMatchObject({
      __typename: "InsufficientStockError",
      quantityAvailable: 4,
    });
    const placed = await orderEggs(3);
    expect(placed.placeOrder.__typename).toBe("Order");
    expect(await scalar(primary, "SELECT count(*) FROM orders")).toBe(1);
    expect(await scalar(replica, "SELECT count(*) FROM orders")).toBe(0);
    // 3 of the primary's 4 reserved: 1 left.
    expect(
      await scalar(
        primary,
        `SELECT quantity_total - quantity_reserved FROM offers
                              WHERE id = '${market.eggs.id}'`,
      ),
    ).toBe(1);
  });

  it("keeps a read inside a transaction on the primary", async () => {
    const ctx = { dataSource: api.dataSource, manager: api.dataSource.manager } as RequestContext;
    const where = (c: RequestContext) =>
      c.manager.query("SELECT current_database() AS db") as Promise<[{ db: string }]>;
    expect((await readFromReplica(ctx, where))[0].db).toBe(replica.name);
    const inTransaction = await api.dataSource.transaction((manager) =>
      readFromReplica({ ...ctx, manager }, where),
    );
    expect(inTransaction[0].db).toBe(primary.name);
  });
});
