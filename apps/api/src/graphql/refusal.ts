import type { ErrorResult } from "./error-result";
import { inTransaction, type RequestContext } from "./request-context";

class Refused<R extends ErrorResult> extends Error {
  constructor(readonly result: R) {
    super(`refused: ${result.errorCode}`);
  }
}

/**
 * Ends the transaction of {@link inRefusableTransaction} with a rollback, answering `result`.
 * Use it deep inside a service when a business rule refuses the operation after some rows may
 * already have been written: nothing of the transaction is kept.
 */
export function refuse(result: ErrorResult): never {
  throw new Refused(result);
}

/**
 * Runs `work` in one transaction (reusing an outer one). When `work` calls {@link refuse}, the
 * transaction is rolled back and the refusal is returned instead of thrown; any other error is
 * rethrown after the rollback. Inside an outer transaction the refusal propagates to the
 * outermost {@link inRefusableTransaction}, so the whole unit of work is undone.
 */
export async function inRefusableTransaction<T, R extends ErrorResult = ErrorResult>(
  ctx: RequestContext,
  work: (tx: RequestContext) => Promise<T>,
): Promise<T | R> {
  const nested = ctx.manager.queryRunner?.isTransactionActive ?? false;
  try {
    return await inTransaction(ctx, work);
  } catch (error) {
    if (error instanceof Refused && !nested) return error.result as R;
    throw error;
  }
}
