import { NotFoundError } from "../../graphql/error-result";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { scopedCycle } from "../settlement/settlement.service";
import { BackgroundJobStateEnum, type BackgroundJobType } from "./background-job.types";
import type { JobName, JobRecord } from "./job-queue";

function queueOf(ctx: RequestContext) {
  if (!ctx.jobs) throw new Error("no job queue in this context");
  return ctx.jobs;
}

function numberOr(value: unknown): number | null {
  return typeof value === "number" ? value : null;
}

/** A job record as the admin API shows it, errors in the caller's language. */
export function toBackgroundJob(ctx: RequestContext, job: JobRecord): BackgroundJobType {
  const t = translatorFor(ctx.locale);
  const outcome = job.outcome;
  const result = outcome?.ok ? outcome.result : {};
  const failed = outcome && !outcome.ok ? outcome : null;
  return {
    id: job.id,
    kind: job.name,
    state: BackgroundJobStateEnum[job.state],
    createdAt: job.createdAt,
    completedAt: job.completedAt,
    failureCode: failed?.errorCode ?? null,
    failureMessage: failed
      ? failed.errorCode === "JOB_FAULT"
        ? t("jobs.fault")
        : failed.message
      : null,
    settlementCount: numberOr(result.settlementCount),
    grossFen: numberOr(result.grossFen),
    deductionsFen: numberOr(result.deductionsFen),
    netFen: numberOr(result.netFen),
    downloadPath: typeof result.downloadPath === "string" ? result.downloadPath : null,
    rowCount: numberOr(result.rowCount),
  };
}

/**
 * Enqueues `name` for cycle `orderCycleId` as the caller, after checking the cycle is one the
 * caller may see (else NotFoundError, nothing enqueued); whether the cycle is in the right state
 * is the job's to check, as the synchronous operation does (a refusal ends the job FAILED).
 */
export async function enqueueCycleJob(
  ctx: RequestContext,
  name: Extract<JobName, "settlement.calculate" | "export.packing-list">,
  orderCycleId: string,
): Promise<BackgroundJobType | NotFoundError> {
  const cycle = await scopedCycle(ctx, orderCycleId);
  if (!cycle) return new NotFoundError(translatorFor(ctx.locale)("settlement.cycleNotFound"));
  const id = await queueOf(ctx).enqueue(name, {
    orderCycleId: cycle.id,
    requestedByUserId: ctx.principal.kind === "user" ? ctx.principal.userId : null,
    locale: ctx.locale,
  });
  const job = id ? await queueOf(ctx).find(id) : null;
  if (!job) throw new Error(`job ${id} vanished after it was enqueued`);
  return toBackgroundJob(ctx, job);
}

/** The job `id` if the caller requested it; anyone else's, or an unknown id → NotFoundError. */
export async function backgroundJob(
  ctx: RequestContext,
  id: string,
): Promise<BackgroundJobType | NotFoundError> {
  const job = await queueOf(ctx).find(id);
  const mine =
    job !== null &&
    ctx.principal.kind === "user" &&
    job.data.requestedByUserId === ctx.principal.userId;
  if (!mine) return new NotFoundError(translatorFor(ctx.locale)("jobs.notFound"));
  return toBackgroundJob(ctx, job);
}

/**
 * Asks for the impact views to be refreshed (after settlements were paid or a cycle SETTLED):
 * at most one waiting refresh, so a burst of payments is one job. Never fails the caller: a
 * queue that cannot take it is logged (the next payment asks again).
 */
export async function requestImpactRefresh(ctx: RequestContext): Promise<void> {
  if (!ctx.jobs) return;
  try {
    await ctx.jobs.enqueue("impact.refresh", { requestedByUserId: null, locale: ctx.locale });
  } catch (error) {
    ctx.log.warn({ err: error }, "impact refresh not enqueued");
  }
}
