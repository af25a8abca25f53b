import { createUnionType, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { NotFoundError } from "../../graphql/error-result";
import { MoneyScalar } from "../../graphql/scalars";
import { resolveAs } from "../../graphql/type-helpers";

/** Where a background job is. */
export enum BackgroundJobStateEnum {
  QUEUED = "QUEUED",
  ACTIVE = "ACTIVE",
  COMPLETED = "COMPLETED",
  FAILED = "FAILED",
}
registerEnumType(BackgroundJobStateEnum, {
  name: "BackgroundJobState",
  description:
    "QUEUED (waiting, or waiting for a retry), ACTIVE (a worker runs it), COMPLETED, FAILED (refused, or a fault after every retry).",
});

/**
 * A background job (settlement calculation, packing list export) as its requester sees it: the
 * state, and once ended the result fields of its kind or the refusal in the caller's language.
 */
@ObjectType("BackgroundJob")
export class BackgroundJobType {
  @Field(() => ID)
  id: string;

  @Field({ description: "settlement.calculate, export.packing-list or impact.refresh." })
  kind: string;

  @Field(() => BackgroundJobStateEnum)
  state: BackgroundJobStateEnum;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Field(() => String, { nullable: true, description: "FAILED: why (an ErrorCode, or JOB_FAULT)." })
  failureCode: string | null;

  @Field(() => String, { nullable: true, description: "FAILED: why, for people." })
  failureMessage: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "settlement.calculate: settlements now in the cycle.",
  })
  settlementCount: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: "settlement.calculate: Σ gross, fen." })
  grossFen: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "settlement.calculate: Σ deductions, fen.",
  })
  deductionsFen: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "settlement.calculate: Σ net payouts, fen.",
  })
  netFen: number | null;

  @Field(() => String, {
    nullable: true,
    description: "export jobs: GET this path (signed in as the requester) for the CSV; 24 hours.",
  })
  downloadPath: string | null;

  @Field(() => Int, { nullable: true, description: "export jobs: data rows in the CSV." })
  rowCount: number | null;
}

/** A background job, or NotFoundError (unknown, or requested by someone else). */
export const BackgroundJobResult = createUnionType({
  name: "BackgroundJobResult",
  types: () => [BackgroundJobType, NotFoundError] as const,
  resolveType: resolveAs("BackgroundJob"),
});
