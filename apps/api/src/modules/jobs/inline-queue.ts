import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { JobHandlers, JobName, JobQueue, JobRecord, JobRequester } from "./job-queue";

/**
 * The job queue of the embedded PGlite default (no DATABASE_URL), where pg-boss cannot connect:
 * the same handlers run in this process, one job at a time in the order enqueued, after the
 * request that enqueued them; jobs and their outcomes are kept in memory (lost on restart, which
 * is fine for one process on one machine). A fault fails the job at once (no retry).
 */
export class InlineQueue implements JobQueue {
  readonly engine = "inline";
  private readonly jobs = new Map<string, JobRecord>();
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly handlers: JobHandlers,
    private readonly log: Logger,
  ) {}

  /** See {@link JobQueue.enqueue}; impact.refresh answers the one already waiting, if any. */
  async enqueue(
    name: JobName,
    data: JobRequester & Record<string, unknown>,
  ): Promise<string | null> {
    if (this.stopped) throw new Error("the job queue has stopped");
    if (name === "impact.refresh") {
      for (const job of this.jobs.values()) {
        if (job.name === name && job.state === "QUEUED") return job.id;
      }
    }
    const job: JobRecord = {
      id: randomUUID(),
      name,
      state: "QUEUED",
      data,
      outcome: null,
      createdAt: new Date(),
      completedAt: null,
    };
    this.jobs.set(job.id, job);
    // setImmediate: not within the enqueuing call (nor its transaction); nobody awaits the job.
    this.chain = this.chain
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => this.run(job));
    return job.id;
  }

  private async run(job: JobRecord): Promise<void> {
    job.state = "ACTIVE";
    try {
      job.outcome = await this.handlers[job.name](job.data, job.id);
      job.state = job.outcome.ok ? "COMPLETED" : "FAILED";
    } catch (error) {
      this.log.error({ err: error, job: job.id, queue: job.name }, "job fault");
      job.outcome = { ok: false, errorCode: "JOB_FAULT", message: "" };
      job.state = "FAILED";
    }
    job.completedAt = new Date();
  }

  /** See {@link JobQueue.find}. */
  async find(id: string): Promise<JobRecord | null> {
    return this.jobs.get(id) ?? null;
  }

  /** Refuses new jobs and waits (up to `timeoutMs`) for those already enqueued. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopped = true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.chain,
      new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }
}
