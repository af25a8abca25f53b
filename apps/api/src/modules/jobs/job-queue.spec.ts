import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/test-database";
import { InlineQueue } from "./inline-queue";
import type { JobHandlers, JobOutcome, JobRecord } from "./job-queue";
import { PgBossQueue } from "./pg-boss-queue";

const log = pino({ level: "silent" });
const requester = { requestedByUserId: "u1", locale: "en" as const };

/** Handlers that record what ran; each answers what `answers` says for its kind. */
function recordingHandlers(ran: string[], answers: Partial<Record<string, () => JobOutcome>>) {
  const handler = (name: string) => async (data: Record<string, unknown>) => {
    ran.push(`${name}:${String(data.orderCycleId ?? "-")}`);
    const answer = answers[name];
    if (!answer) throw new Error(`${name} exploded`);
    return answer();
  };
  return {
    "settlement.calculate": handler("settlement.calculate"),
    "impact.refresh": handler("impact.refresh"),
    "export.packing-list": handler("export.packing-list"),
  } as JobHandlers;
}

async function settled(queue: InlineQueue, id: string): Promise<JobRecord> {
  for (let i = 0; i < 100; i += 1) {
    const job = (await queue.find(id))!;
    if (job.state === "COMPLETED" || job.state === "FAILED") return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`job ${id} did not end`);
}

describe("the inline queue (embedded PGlite: no pg-boss)", () => {
  it("runs jobs after the request, in order, and keeps results, refusals and faults", async () => {
    const ran: string[] = [];
    const queue = new InlineQueue(
      recordingHandlers(ran, {
        "settlement.calculate": () => ({ ok: true, result: { settlementCount: 3 } }),
        "export.packing-list": () => ({ ok: false, errorCode: "NOT_FOUND", message: "gone" }),
      }),
      log,
    );
    const first = (await queue.enqueue("settlement.calculate", {
      ...requester,
      orderCycleId: "c1",
    }))!;
    const second = (await queue.enqueue("export.packing-list", {
      ...requester,
      orderCycleId: "c2",
    }))!;
    const third = (await queue.enqueue("impact.refresh", requester))!;
    // Enqueued, not yet run: the request that enqueued them answers first.
    expect((await queue.find(first))!.state).toBe("QUEUED");
    expect(ran).toEqual([]);
    expect(await settled(queue, first)).toMatchObject({
      state: "COMPLETED",
      outcome: { ok: true, result: { settlementCount: 3 } },
    });
    expect(await settled(queue, second)).toMatchObject({
      state: "FAILED",
      outcome: { ok: false, errorCode: "NOT_FOUND", message: "gone" },
    });
    expect(await settled(queue, third)).toMatchObject({
      state: "FAILED",
      outcome: { ok: false, errorCode: "JOB_FAULT" },
    });
    expect(ran).toEqual(["settlement.calculate:c1", "export.packing-list:c2", "impact.refresh:-"]);
    expect(await queue.find("no-such-job")).toBeNull();
  });

  it("keeps one waiting impact refresh for a burst of requests", async () => {
    const ran: string[] = [];
    const queue = new InlineQueue(
      recordingHandlers(ran, { "impact.refresh": () => ({ ok: true, result: {} }) }),
      log,
    );
    const ids = await Promise.all(
      Array.from({ length: 5 }, () => queue.enqueue("impact.refresh", requester)),
    );
    expect(new Set(ids).size).toBe(1);
    await queue.stop(5_000);
    expect(ran).toEqual(["impact.refresh:-"]);
    await expect(queue.enqueue("impact.refresh", requester)).rejects.toThrow("stopped");
  });
});

describe("the pg-boss queue on PostgreSQL", () => {
  let db: TestDatabase;
  let queue: PgBossQueue;

  beforeAll(async () => {
    db = await createTestDatabase("pgboss_queue");
    queue = await PgBossQueue.start({
      connectionString: db.url,
      workers: false,
      expireSeconds: 60,
      maintenanceSeconds: 60,
      pollSeconds: 1,
      poolMax: 2,
      handlers: recordingHandlers([], {}),
      log,
    });
  }, 30_000);

  afterAll(async () => {
    await queue?.stop(1_000);
    await db?.drop();
  });

  it("stores a burst of impact refreshes as one waiting job", async () => {
    const ids = await Promise.all(
      Array.from({ length: 5 }, () => queue.enqueue("impact.refresh", requester)),
    );
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    const job = await queue.find(ids[0]!);
    expect(job).toMatchObject({ name: "impact.refresh", state: "QUEUED", outcome: null });
    // Settlement jobs are not merged: two requests, two jobs.
    const a = await queue.enqueue("settlement.calculate", { ...requester, orderCycleId: "c1" });
    const b = await queue.enqueue("settlement.calculate", { ...requester, orderCycleId: "c1" });
    expect(a).not.toBe(b);
    expect(await queue.find("not-a-uuid")).toBeNull();
  });
});
