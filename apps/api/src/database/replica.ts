import type { DataSource } from "typeorm";
import type { RequestContext } from "../graphql/request-context";

/** True when the data source was built with read replicas (DATABASE_REPLICA_URLS). */
export function hasReadReplicas(dataSource: DataSource): boolean {
  const options = dataSource.options as { replication?: { slaves?: unknown[] } };
  return (options.replication?.slaves?.length ?? 0) > 0;
}

/**
 * Runs a read-only `work` on a read replica when there is one: `work` gets a context whose
 * `manager` reads through a replica connection (TypeORM "slave" query runner, a replica picked
 * at random), released afterwards. Inside a transaction, or without replicas, `work` runs on the
 * context as it is, i.e. on the primary.
 *
 * Only for reads that may be a little stale — the shop catalogue, impact figures — never for a
 * read that decides a write (stock, state checks) or must show the caller's own latest write.
 * `work` must not create per-request DataLoaders: they would outlive the replica connection.
 */
export async function readFromReplica<T>(
  ctx: RequestContext,
  work: (replicaCtx: RequestContext) => Promise<T>,
): Promise<T> {
  if (ctx.manager.queryRunner?.isTransactionActive || !hasReadReplicas(ctx.dataSource)) {
    return work(ctx);
  }
  const runner = ctx.dataSource.createQueryRunner("slave");
  try {
    return await work({ ...ctx, manager: runner.manager });
  } finally {
    await runner.release();
  }
}
