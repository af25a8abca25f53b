import type { Role } from "@nested/domain";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import { LoaderRegistry } from "../../graphql/loader-registry";
import type { Principal, RequestContext } from "../../graphql/request-context";
import { SignInLimiter } from "../identity/sign-in-limiter";
import type { JobRequester } from "./job-queue";

/**
 * The context a job's work runs in: the requester as they are now (role and producer groups read
 * again, so a user disabled or moved since the request gets what they may now do; a deleted or
 * disabled user is anonymous), in the requester's language. Jobs that act for nobody
 * (impact.refresh) run as anonymous.
 */
export async function jobContext(
  dataSource: DataSource,
  log: Logger,
  jobId: string,
  requester: JobRequester,
): Promise<RequestContext> {
  let principal: Principal = { kind: "anonymous" };
  if (requester.requestedByUserId) {
    const [row] = (await dataSource.query(
      `SELECT u.id, u.role,
              (SELECT array_agg(g.producer_group_id) FROM user_producer_groups g
                WHERE g.user_id = u.id) AS producer_group_ids
         FROM users u WHERE u.id = $1 AND u.deleted_at IS NULL AND u.disabled_at IS NULL`,
      [requester.requestedByUserId],
    )) as { id: string; role: Role; producer_group_ids: string[] | null }[];
    if (row) {
      principal = {
        kind: "user",
        userId: row.id,
        role: row.role,
        sessionId: `job:${jobId}`,
        producerGroupIds: row.producer_group_ids ?? [],
      };
    }
  }
  return {
    requestId: `job:${jobId}`,
    principal,
    locale: requester.locale,
    dataSource,
    manager: dataSource.manager,
    loaders: new LoaderRegistry(),
    cookies: { set() {}, clear() {} },
    clientAddress: "job",
    signInLimiter: new SignInLimiter(),
    log: log.child({ job: jobId }),
  };
}
