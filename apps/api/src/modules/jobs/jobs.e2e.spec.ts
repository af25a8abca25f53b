import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiProcess, startApiProcess } from "../../test/api-process";
import { type Fixture, loadFixture } from "../../test/fixtures";
import { sessionFor } from "../../test/order-fixtures";
import { pendingSchemaStatements } from "../../test/schema-drift";
import { GraphqlClient } from "../../test/test-api";
import { createMigratedDataSource } from "../../test/test-database";
import { OrderCycle } from "../cycle/order-cycle.entity";
import { FeeRule } from "../settlement/fee-rule.entity";
import { enterSettling } from "../settlement/settlement-effects";
import {
  adminContext,
  createDeliveredCycle,
  type DeliveredCycle,
  enterCycleState,
  recordSettlementIntake,
} from "../settlement/settlement-fixtures";

// Background jobs on pg-boss over real API processes (node dist/main.js) on one PostgreSQL
// database: A runs workers, B only enqueues (JOB_WORKERS=false) and serves downloads.

let db: Awaited<ReturnType<typeof createMigratedDataSource>>;
let fixture: Fixture;
let market: DeliveredCycle;
/** A cycle of the same group still DRAFT: settling jobs for it are refused. */
let draftCycle: OrderCycle;
let a: ApiProcess;
let b: ApiProcess;
let financeToken: string;
let staffToken: string;
let adminToken: string;

const JOB_ENV = {
  LOG_LEVEL: "warn",
  // Short, so that a job of a killed process is taken over within seconds.
  JOB_EXPIRE_SECONDS: "2",
  JOB_MAINTENANCE_SECONDS: "1",
  JOB_POLL_SECONDS: "1",
};

beforeAll(async () => {
  db = await createMigratedDataSource("jobs");
  const ds = db.dataSource;
  fixture = await loadFixture(ds);
  market = await createDeliveredCycle(ds, fixture);
  // The intake of settlement.spec.ts: H1 6 eggs + 2 walnut bags accepted, H2 3 of 4 eggs,
  // H3's 3 walnut bags rejected.
  await recordSettlementIntake(ds, market);
  await ds.getRepository(FeeRule).save({
    producerGroupId: fixture.groups.sanggang.id,
    kind: "TRANSPORT",
    basis: "PER_UNIT",
    perUnitFen: 30,
    validFrom: "2011-01-01",
  } as Partial<FeeRule>);
  const ctx = { ...adminContext(ds, fixture), log: undefined as never };
  expect(await enterCycleState(ctx, market.cycle.id, "SETTLING", enterSettling)).toBe("entered");
  draftCycle = await ds.getRepository(OrderCycle).save({
    producerGroupId: fixture.groups.sanggang.id,
    code: "2011-05",
    state: "DRAFT",
    declarationOpensOn: "2011-04-25",
    opensAt: new Date("2011-05-01T00:00:00+08:00"),
    closesAt: new Date("2011-05-10T00:00:00+08:00"),
    deliveryOn: "2011-05-16",
  });
  financeToken = await sessionFor(ds, fixture.users.FINANCE.id);
  staffToken = await sessionFor(ds, fixture.users.STAFF.id);
  adminToken = await sessionFor(ds, fixture.users.ADMIN.id);
  const env = { ...JOB_ENV, DATABASE_URL: db.db.url };
  // Both at once: the migration lock and pg-boss's own lock make the second wait.
  [a, b] = await Promise.all([
    startApiProcess(env),
    startApiProcess({ ...env, JOB_WORKERS: "false" }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.kill("SIGTERM"), b?.kill("SIGTERM")]);
  await db?.close();
});

function admin(api: ApiProcess, token: string, locale = "en"): GraphqlClient {
  const client = new GraphqlClient(`${api.url}/admin/graphql`);
  client.bearer = token;
  client.locale = locale;
  return client;
}

interface JobView {
  __typename: string;
  id: string;
  kind: string;
  state: string;
  failureCode: string | null;
  failureMessage: string | null;
  settlementCount: number | null;
  grossFen: number | null;
  deductionsFen: number | null;
  netFen: number | null;
  downloadPath: string | null;
  rowCount: number | null;
}

const JOB_FIELDS = `__typename ... on BackgroundJob { id kind state failureCode failureMessage
  settlementCount grossFen deductionsFen netFen downloadPath rowCount }
  ... on ErrorResult { errorCode message }`;

async function enqueue(client: GraphqlClient, mutation: string, cycleId: string) {
  const data = await client.data<Record<string, JobView>>(
    `mutation($id: ID!) { ${mutation}(orderCycleId: $id) { ${JOB_FIELDS} } }`,
    { id: cycleId },
  );
  return data[mutation]!;
}

async function jobOn(client: GraphqlClient, id: string): Promise<JobView> {
  const data = await client.data<{ backgroundJob: JobView }>(
    `query($id: ID!) { backgroundJob(id: $id) { ${JOB_FIELDS} } }`,
    { id },
  );
  return data.backgroundJob;
}

/** Polls until the job has ended (COMPLETED or FAILED), for at most `limitMs`. */
async function ended(client: GraphqlClient, id: string, limitMs = 30_000): Promise<JobView> {
  const started = Date.now();
  for (;;) {
    const job = await jobOn(client, id);
    if (job.state === "COMPLETED" || job.state === "FAILED") return job;
    if (Date.now() - started > limitMs) throw new Error(`job ${id} still ${job.state}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("pg-boss in the database", () => {
  it("keeps its tables in its own schema, which the entities' drift check ignores", async () => {
    const [row] = (await db.dataSource.query(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'pgboss'",
    )) as [{ n: number }];
    expect(row.n).toBeGreaterThan(0);
    expect(await pendingSchemaStatements(db.dataSource)).toEqual([]);
  });
});

describe("settlement calculation as a job", () => {
  it("enqueued on B (no workers), run by A: the same settlements as the synchronous mutation", async () => {
    const queued = await enqueue(
      admin(b, financeToken),
      "enqueueSettlementCalculation",
      market.cycle.id,
    );
    expect(queued).toMatchObject({ __typename: "BackgroundJob", kind: "settlement.calculate" });
    const job = await ended(admin(b, financeToken), queued.id);
    // gross: H1 6 eggs × 1200 + 2 bags × 2700 = 12600; H2 3 × 1200 = 3600; H3 0 → Σ 16200
    // TRANSPORT 30 fen/unit: H1 8 units × 30 = 240, H2 3 × 30 = 90 → Σ 330
    // net: 16200 − 330 = 15870; 3 settlements (H3's of 0 included)
    expect(job).toMatchObject({
      state: "COMPLETED",
      settlementCount: 3,
      grossFen: 16200,
      deductionsFen: 330,
      netFen: 15870,
      failureCode: null,
    });
    const sync = await admin(a, financeToken).data<{
      recalculateSettlements: { settlements: { grossFen: number; netFen: number }[] };
    }>(
      `mutation($id: ID!) { recalculateSettlements(orderCycleId: $id) {
        ... on RecalculatedSettlements { settlements { grossFen netFen } } } }`,
      { id: market.cycle.id },
    );
    const rows = sync.recalculateSettlements.settlements;
    expect(rows).toHaveLength(3);
    expect(rows.reduce((s, r) => s + r.grossFen, 0)).toBe(16200);
    expect(rows.reduce((s, r) => s + r.netFen, 0)).toBe(15870);
  });

  it("ends FAILED with the refusal in the requester's language when the cycle is not SETTLING", async () => {
    const queued = await enqueue(
      admin(a, financeToken, "zh-CN"),
      "enqueueSettlementCalculation",
      draftCycle.id,
    );
    const job = await ended(admin(a, financeToken, "zh-CN"), queued.id);
    expect(job).toMatchObject({
      state: "FAILED",
      failureCode: "INVALID_TRANSITION",
      failureMessage: "只有在结算中的周期才能重新计算结算（现在是 DRAFT）。",
      settlementCount: null,
    });
    // Nothing was written for the DRAFT cycle.
    const [row] = (await db.dataSource.query(
      "SELECT count(*)::int AS n FROM settlements WHERE order_cycle_id = $1",
      [draftCycle.id],
    )) as [{ n: number }];
    expect(row.n).toBe(0);
  });

  it("shows a job only to whoever asked for it", async () => {
    const queued = await enqueue(
      admin(a, financeToken),
      "enqueueSettlementCalculation",
      market.cycle.id,
    );
    const other = await jobOn(admin(b, adminToken), queued.id);
    expect(other).toMatchObject({ __typename: "NotFoundError", errorCode: "NOT_FOUND" });
    await ended(admin(a, financeToken), queued.id);
  });
});

describe("impact view refresh", () => {
  it("is enqueued when a settlement is paid, and run", async () => {
    const finance = admin(b, financeToken);
    const [h1] = (await db.dataSource.query(
      "SELECT id FROM settlements WHERE order_cycle_id = $1 AND household_id = $2",
      [market.cycle.id, market.households.h1.id],
    )) as [{ id: string }];
    const approved = await finance.data<{ approveSettlement: { __typename: string } }>(
      `mutation($id: ID!) { approveSettlement(id: $id) { __typename } }`,
      { id: h1.id },
    );
    expect(approved.approveSettlement.__typename).toBe("Settlement");
    const paid = await finance.data<{ markSettlementPaid: { __typename: string } }>(
      `mutation($id: ID!) { markSettlementPaid(id: $id, method: BANK_TRANSFER, paidOn: "2011-04-25") { __typename } }`,
      { id: h1.id },
    );
    expect(paid.markSettlementPaid.__typename).toBe("Settlement");
    // One payment, one refresh job: the six impact_ views of the migration ImpactViews, each
    // populated when the migration made it, so each refreshed CONCURRENTLY, by name.
    await waitFor(async () => {
      const rows = (await db.dataSource.query(
        "SELECT state FROM pgboss.job WHERE name = 'impact.refresh'",
      )) as { state: string }[];
      return rows.length === 1 && rows[0]!.state === "completed";
    });
    const [job] = (await db.dataSource.query(
      "SELECT output FROM pgboss.job WHERE name = 'impact.refresh'",
    )) as [{ output: unknown }];
    const views = [
      "impact_consumer_retention",
      "impact_consumer_spending",
      "impact_consumer_years",
      "impact_order_lines",
      "impact_premium",
      "impact_quality",
    ].map((view) => ({ view, mode: "CONCURRENTLY" }));
    expect(job.output).toEqual({ ok: true, result: { views } });
  });
});

describe("packing list export as a job", () => {
  it("stores the CSV in PostgreSQL: B serves it to its owner only, equal to the direct download", async () => {
    const queued = await enqueue(admin(b, staffToken), "requestPackingListExport", market.cycle.id);
    const job = await ended(admin(b, staffToken), queued.id);
    expect(job.state).toBe("COMPLETED");
    expect(job.downloadPath).toMatch(/^\/admin\/exports\/[0-9a-f-]{36}$/);
    const get = (api: ApiProcess, path: string, token: string | null) =>
      fetch(`${api.url}${path}`, {
        headers: {
          "accept-language": "en",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      });
    const mine = await get(b, job.downloadPath!, staffToken);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const body = await mine.text();
    const direct = await get(
      a,
      `/admin/packing-list.csv?orderCycleId=${market.cycle.id}&lang=en`,
      staffToken,
    );
    expect(body).toBe(await direct.text());
    // Header + one row per line: rowCount data rows, CRLF after each (csv-stringify).
    expect(body.split("\r\n").filter((line) => line !== "")).toHaveLength(job.rowCount! + 1);
    // Another user (even an ADMIN) is told it does not exist; nobody signed in must sign in.
    const others = await get(b, job.downloadPath!, adminToken);
    expect(others.status).toBe(404);
    expect(((await others.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      "No such export file: it has expired, or someone else asked for it.",
    );
    expect((await get(a, job.downloadPath!, null)).status).toBe(401);
  });

  it("refuses an expired file like an unknown one", async () => {
    const queued = await enqueue(admin(a, staffToken), "requestPackingListExport", market.cycle.id);
    const job = await ended(admin(a, staffToken), queued.id);
    await db.dataSource.query(
      "UPDATE export_files SET expires_at = now() - interval '1 second' WHERE id = $1",
      [job.downloadPath!.split("/").pop()],
    );
    const res = await fetch(`${b.url}${job.downloadPath}`, {
      headers: { authorization: `Bearer ${staffToken}` },
    });
    expect(res.status).toBe(404);
  });

  it("deletes expired files (consumers' names and phones) when it stores a new one", async () => {
    const first = await ended(
      admin(a, staffToken),
      (await enqueue(admin(a, staffToken), "requestPackingListExport", market.cycle.id)).id,
    );
    const firstId = first.downloadPath!.split("/").pop();
    await db.dataSource.query(
      "UPDATE export_files SET expires_at = now() - interval '1 second' WHERE id = $1",
      [firstId],
    );
    const second = await ended(
      admin(a, staffToken),
      (await enqueue(admin(a, staffToken), "requestPackingListExport", market.cycle.id)).id,
    );
    expect(second.state).toBe("COMPLETED");
    const left = (await db.dataSource.query(
      "SELECT id FROM export_files WHERE expires_at <= now()",
    )) as unknown[];
    // Every expired file is gone (this one and the earlier test's); the new one is there.
    expect(left).toEqual([]);
    const kept = (await db.dataSource.query("SELECT id FROM export_files WHERE id = $1", [
      second.downloadPath!.split("/").pop(),
    ])) as unknown[];
    expect(kept).toHaveLength(1);
  });
});

describe("a requester who lost the permission since", () => {
  it("may not download the export, nor have a queued job run", async () => {
    const queued = await enqueue(admin(a, staffToken), "requestPackingListExport", market.cycle.id);
    const job = await ended(admin(a, staffToken), queued.id);
    expect(job.state).toBe("COMPLETED");
    const download = () =>
      fetch(`${b.url}${job.downloadPath}`, { headers: { authorization: `Bearer ${staffToken}` } });
    expect((await download()).status).toBe(200);
    // The staff member becomes FINANCE (no intake:record; the session stays): the packing list's
    // names and phone numbers are no longer theirs to take away, nor is a new job run for them.
    const setRole = (role: string) =>
      db.dataSource.query("UPDATE users SET role = $1 WHERE id = $2", [
        role,
        fixture.users.STAFF.id,
      ]);
    await setRole("FINANCE");
    try {
      expect((await download()).status).toBe(404);
      // Enqueued while still STAFF on B (no workers), run by A after the role changed.
      await setRole("STAFF");
      const later = await enqueue(
        admin(b, staffToken),
        "requestPackingListExport",
        market.cycle.id,
      );
      await setRole("FINANCE");
      const refused = await ended(admin(b, staffToken), later.id);
      expect([refused.state, refused.failureCode, refused.downloadPath]).toEqual([
        "FAILED",
        "FORBIDDEN",
        null,
      ]);
      expect(refused.failureMessage).toBe(
        "The account that asked for this job may no longer do this; the job did nothing.",
      );
    } finally {
      await setRole("STAFF");
    }
  });
});

describe("a replica killed (SIGKILL) mid-job", () => {
  it("leaves the job to another process, which finishes it", async () => {
    // The cycle row is held by another transaction, so the settlement job (which locks it) waits
    // inside A's transaction; then A dies.
    const { holder, queued } = await settlementJobWaitingForTheCycle();
    expect((await a.kill("SIGKILL")).signal).toBe("SIGKILL");
    // A third process with workers; B still only enqueues.
    const c = await startApiProcess({ ...JOB_ENV, DATABASE_URL: db.db.url });
    try {
      await holder.query("COMMIT");
      await holder.end();
      // A's job stays ACTIVE until it expires (2 s), is retried, and C's worker runs it.
      const job = await ended(admin(b, financeToken), queued.id, 45_000);
      expect(job).toMatchObject({ state: "COMPLETED", settlementCount: 3, netFen: 15870 });
      const [row] = (await db.dataSource.query("SELECT retry_count FROM pgboss.job WHERE id = $1", [
        queued.id,
      ])) as [{ retry_count: number }];
      expect(row.retry_count).toBeGreaterThanOrEqual(1);
    } finally {
      await c.kill("SIGTERM");
    }
  }, 90_000);
});

/**
 * Holds the cycle row in a transaction of its own, enqueues a settlement job on B and waits until
 * a worker runs it and waits for the row (inside its transaction). COMMIT on `holder` lets it go.
 */
describe("a replica stopped (SIGTERM) mid-job", () => {
  it("finishes the active job before it closes its pool, and exits 0", async () => {
    const d = await startApiProcess({ ...JOB_ENV, DATABASE_URL: db.db.url });
    const { holder, queued } = await settlementJobWaitingForTheCycle();
    const exit = d.kill("SIGTERM");
    // The job is still waiting for the row while D stops; then the row is let go.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await holder.query("COMMIT");
    await holder.end();
    expect(await exit).toEqual({ code: 0, signal: null });
    const job = await jobOn(admin(b, financeToken), queued.id);
    expect(job).toMatchObject({ state: "COMPLETED", settlementCount: 3, netFen: 15870 });
    // Finished by D on its first run: no retry was needed.
    const [row] = (await db.dataSource.query("SELECT retry_count FROM pgboss.job WHERE id = $1", [
      queued.id,
    ])) as [{ retry_count: number }];
    expect(row.retry_count).toBe(0);
  }, 60_000);
});

async function settlementJobWaitingForTheCycle(): Promise<{ holder: Client; queued: JobView }> {
  const holder = new Client({ connectionString: db.db.url });
  holder.on("error", () => undefined); // ended by the database's drop should the test fail
  await holder.connect();
  await holder.query("BEGIN");
  await holder.query("SELECT id FROM order_cycles WHERE id = $1 FOR UPDATE", [market.cycle.id]);
  const queued = await enqueue(
    admin(b, financeToken),
    "enqueueSettlementCalculation",
    market.cycle.id,
  );
  await waitFor(async () => (await jobOn(admin(b, financeToken), queued.id)).state === "ACTIVE");
  await waitFor(async () => {
    const { rows } = await holder.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = $1 AND wait_event_type = 'Lock'`,
      [db.db.name],
    );
    return (rows[0] as { n: number }).n >= 1;
  });
  return { holder, queued };
}

async function waitFor(check: () => Promise<boolean>, limitMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > limitMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
