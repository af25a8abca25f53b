import { Client } from "pg";
import PgBoss from "pg-boss";
import type { Logger } from "pino";
import { isUuid } from "../../graphql/ids";
import {
  JOB_NAMES,
  type JobHandlers,
  type JobName,
  type JobOutcome,
  type JobQueue,
  type JobRecord,
  type JobRequester,
  type JobState,
} from "./job-queue";

/** The PostgreSQL schema pg-boss keeps its tables in (created and migrated by pg-boss itself). */
export const PGBOSS_SCHEMA = "pgboss";

/** How the pg-boss queue runs (from ApiConfig's JOB_* settings). */
export interface PgBossQueueOptions {
  connectionString: string;
  /** Run the workers in this process (JOB_WORKERS); false: enqueue only. */
  workers: boolean;
  /**
   * Seconds an active job may run before pg-boss counts it as failed and retries it elsewhere
   * (JOB_EXPIRE_SECONDS): how long a job of a replica that died waits before another takes it.
   */
  expireSeconds: number;
  /** Seconds between pg-boss maintenance runs, which expire such jobs (JOB_MAINTENANCE_SECONDS). */
  maintenanceSeconds: number;
  /** Seconds between a worker's polls for new jobs (JOB_POLL_SECONDS). */
  pollSeconds: number;
  /** Connections of pg-boss's own pool. */
  poolMax: number;
  handlers: JobHandlers;
  log: Logger;
}

/** Retries after a fault (not after a refusal): 3, after 1 s, 2 s, 4 s (pg-boss backoff). */
const RETRY = { retryLimit: 3, retryDelay: 1, retryBackoff: true } as const;

/** Advisory lock key held while the queues are created ("nmjb" in ASCII; not the migration lock). */
export const QUEUE_LOCK_KEY = 0x6e6d6a62;

/**
 * Creates (or updates) one pg-boss queue per job kind. Replicas starting together would
 * deadlock in pg-boss's create_queue (each attaches a partition to the job table), so one at a
 * time: under a session advisory lock held on a connection of its own.
 */
async function createQueues(boss: PgBoss, options: PgBossQueueOptions): Promise<void> {
  const lock = new Client({ connectionString: options.connectionString });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [QUEUE_LOCK_KEY]);
    for (const name of JOB_NAMES) {
      const queue = {
        name,
        // impact.refresh: at most one waiting and one running, so a burst of requests is one job.
        policy: name === "impact.refresh" ? ("stately" as const) : ("standard" as const),
        expireInSeconds: options.expireSeconds,
        ...RETRY,
      };
      if (await boss.getQueue(name)) await boss.updateQueue(name, queue);
      else await boss.createQueue(name, queue);
    }
  } finally {
    // Ending the session releases the lock too, should the unlock itself fail.
    await lock.query("SELECT pg_advisory_unlock($1)", [QUEUE_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}

interface JobRow {
  id: string;
  name: string;
  state: "created" | "retry" | "active" | "completed" | "cancelled" | "failed";
  data: JobRequester & Record<string, unknown>;
  output: unknown;
  created_on: Date;
  completed_on: Date | null;
}

/** pg-boss's state → the admin API's; a completed job whose handler refused is FAILED. */
function stateOf(row: JobRow, outcome: JobOutcome | null): JobState {
  if (row.state === "created" || row.state === "retry") return "QUEUED";
  if (row.state === "active") return "ACTIVE";
  if (row.state === "completed") return outcome && !outcome.ok ? "FAILED" : "COMPLETED";
  return "FAILED";
}

function outcomeOf(row: JobRow): JobOutcome | null {
  const output = row.output as Partial<JobOutcome> | null;
  if (row.state === "completed" && output && typeof output.ok === "boolean") {
    return output as JobOutcome;
  }
  if (row.state === "failed" || row.state === "cancelled") {
    // A fault after every retry: pg-boss keeps the serialised error; its text is not for people.
    return { ok: false, errorCode: "JOB_FAULT", message: "" };
  }
  return null;
}

/**
 * The job queue on PostgreSQL with pg-boss: jobs are rows in the `pgboss` schema, so any replica
 * may take any job; a job whose replica dies stays active until `expireSeconds` pass, then
 * maintenance fails it and it is retried (RETRY) by whichever worker polls first. A handler's
 * refusal completes the job with the refusal as output (no retry: the answer would be the same).
 */
export class PgBossQueue implements JobQueue {
  readonly engine = "pg-boss";
  private readonly boss: PgBoss;

  private constructor(
    boss: PgBoss,
    private readonly options: PgBossQueueOptions,
  ) {
    this.boss = boss;
  }

  /**
   * Starts pg-boss (creating or migrating its schema under its own advisory lock, so replicas
   * may start together), creates the queues and, when `workers`, one worker per queue.
   */
  static async start(options: PgBossQueueOptions): Promise<PgBossQueue> {
    const boss = new PgBoss({
      connectionString: options.connectionString,
      schema: PGBOSS_SCHEMA,
      max: options.poolMax,
      application_name: "nested-market-jobs",
      supervise: true,
      maintenanceIntervalSeconds: options.maintenanceSeconds,
      // Nobody reads pg-boss's state events; no cron schedules are used.
      schedule: false,
    });
    boss.on("error", (error) => options.log.error({ err: error }, "job queue error"));
    await boss.start();
    try {
      await createQueues(boss, options);
    } catch (error) {
      await boss.stop({ graceful: false, close: true, wait: true });
      throw error;
    }
    const queue = new PgBossQueue(boss, options);
    if (options.workers) {
      for (const name of JOB_NAMES) await queue.work(name);
    }
    return queue;
  }

  private async work(name: JobName): Promise<void> {
    const handler = this.options.handlers[name];
    await this.boss.work<JobRequester & Record<string, unknown>>(
      name,
      { batchSize: 1, pollingIntervalSeconds: this.options.pollSeconds },
      async ([job]) => {
        const log = this.options.log.child({ job: job!.id, queue: name });
        log.info("job started");
        const outcome = await handler(job!.data, job!.id);
        log.info({ ok: outcome.ok }, "job ended");
        return outcome;
      },
    );
  }

  /** See {@link JobQueue.enqueue}. */
  async enqueue(
    name: JobName,
    data: JobRequester & Record<string, unknown>,
  ): Promise<string | null> {
    const id = await this.boss.send(name, data);
    if (id !== null || name !== "impact.refresh") return id;
    // The stately queue refused a second waiting job: answer the one already waiting.
    const [row] = (await this.boss
      .getDb()
      .executeSql(
        `SELECT id FROM ${PGBOSS_SCHEMA}.job WHERE name = $1 AND state < 'active' LIMIT 1`,
        [name],
      )
      .then((r) => r.rows)) as { id: string }[];
    return row?.id ?? null;
  }

  /** See {@link JobQueue.find}; looks in pg-boss's job table and its archive. */
  async find(id: string): Promise<JobRecord | null> {
    if (!isUuid(id)) return null;
    const columns = "id, name, state, data, output, created_on, completed_on";
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT ${columns} FROM ${PGBOSS_SCHEMA}.job WHERE id = $1
       UNION ALL SELECT ${columns} FROM ${PGBOSS_SCHEMA}.archive WHERE id = $1 LIMIT 1`,
      [id],
    );
    const row = rows[0] as JobRow | undefined;
    if (!row || !(JOB_NAMES as readonly string[]).includes(row.name)) return null;
    const outcome = outcomeOf(row);
    return {
      id: row.id,
      name: row.name as JobName,
      state: stateOf(row, outcome),
      data: row.data,
      outcome,
      createdAt: row.created_on,
      completedAt: row.completed_on,
    };
  }

  /**
   * Stops fetching, waits up to `timeoutMs` for active jobs (graceful), then closes pg-boss's
   * pool. A job still active at the timeout is failed by pg-boss and so retried elsewhere.
   */
  async stop(timeoutMs: number): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, close: true, timeout: timeoutMs });
  }
}
