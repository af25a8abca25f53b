import { callerConsumerHousehold } from "../consumer/consumer-household.service";
import { QueryFailedError } from "typeorm";
import { inRefusableTransaction, refuse as refuseWith } from "../../graphql/refusal";
import type { RequestContext } from "../../graphql/request-context";
import type { OrderRefusal } from "./order-results.types";

/** Ends the transaction of {@link inOrderTransaction} with a rollback, answering `refusal`. */
export function refuse(refusal: OrderRefusal): never {
  return refuseWith(refusal);
}

/**
 * Runs `work` in one transaction. When it calls {@link refuse} the transaction is rolled back
 * (every reservation and row of it undone: nothing is stored) and the refusal is returned.
 * Faults are rethrown after the rollback.
 */
export function inOrderTransaction<T>(
  ctx: RequestContext,
  work: (tx: RequestContext) => Promise<T>,
): Promise<T | OrderRefusal> {
  return inRefusableTransaction<T, OrderRefusal>(ctx, work);
}

/** Whether `error` is PostgreSQL's unique violation of the named index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === "23505" && driverError.constraint === constraint;
}

/** The caller's consumer household and the producer group (market) it belongs to. */
export interface Consumer {
  consumerHouseholdId: string;
  producerGroupId: string;
}

/** The consumer household of the signed-in caller, or null (anonymous, API key, staff). */
export async function consumerOf(ctx: RequestContext): Promise<Consumer | null> {
  const household = await callerConsumerHousehold(ctx);
  return household
    ? { consumerHouseholdId: household.id, producerGroupId: household.producerGroupId }
    : null;
}
