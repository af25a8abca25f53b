/** The kinds of background work, each a pg-boss queue of this name. */
export const JOB_NAMES = ["settlement.calculate", "impact.refresh", "export.packing-list"] as const;
/** One kind of background work. */
export type JobName = (typeof JOB_NAMES)[number];

/** Where a job is, as the admin API reports it. */
export type JobState = "QUEUED" | "ACTIVE" | "COMPLETED" | "FAILED";

/** Who asked for a job and in which language its refusal is written. */
export interface JobRequester {
  requestedByUserId: string | null;
  locale: "zh-CN" | "en";
}

/** What a handler answers: a JSON result, or a refusal (the job ends FAILED with its message). */
export type JobOutcome =
  { ok: true; result: Record<string, unknown> } | { ok: false; errorCode: string; message: string };

/** One job as stored: its payload (with the requester), state and outcome once it ended. */
export interface JobRecord {
  id: string;
  name: JobName;
  state: JobState;
  data: JobRequester & Record<string, unknown>;
  /** Set once COMPLETED (ok) or FAILED (a refusal, or a fault after every retry). */
  outcome: JobOutcome | null;
  createdAt: Date;
  completedAt: Date | null;
}

/**
 * The job queue as the services see it, whichever engine runs it: pg-boss on PostgreSQL
 * (pg-boss-queue.ts) or, with the embedded PGlite, the same handlers run in this process after
 * the request (inline-queue.ts).
 */
export interface JobQueue {
  /** "pg-boss" or "inline", for logs and /health. */
  readonly engine: "pg-boss" | "inline";
  /**
   * Enqueues `name` with `data`; answers the job id. Kinds with one pending job at most
   * (impact.refresh) answer the pending job's id, or null, when one is already waiting.
   */
  enqueue(name: JobName, data: JobRequester & Record<string, unknown>): Promise<string | null>;
  /** The job with `id`, or null when unknown (or the id is not a UUID). */
  find(id: string): Promise<JobRecord | null>;
  /** Stops the workers: active jobs get `timeoutMs` to finish (graceful), then the engine closes. */
  stop(timeoutMs: number): Promise<void>;
}

/** Runs job `jobId`'s work; `data` is what was enqueued. Throws only on faults (then retried). */
export type JobHandler = (
  data: JobRequester & Record<string, unknown>,
  jobId: string,
) => Promise<JobOutcome>;

/** The handler of every job kind. */
export type JobHandlers = Record<JobName, JobHandler>;
