import { Field, ID, ObjectType } from "type-graphql";
import { ErrorCode, ErrorResult } from "../../graphql/error-result";

/** The operation needs the order cycle in another state (e.g. intake only while COLLECTING). */
@ObjectType({ implements: ErrorResult })
export class WrongCycleStateError extends ErrorResult {
  @Field({ description: "The cycle's state now." })
  cycleState: string;

  @Field(() => [String], { description: "The states in which the operation is allowed." })
  requiredStates: string[];

  constructor(message: string, cycleState: string, requiredStates: readonly string[]) {
    super();
    this.errorCode = ErrorCode.WRONG_CYCLE_STATE;
    this.message = message;
    this.cycleState = cycleState;
    this.requiredStates = [...requiredStates];
  }
}

/** One lot still waiting for its quality check. */
@ObjectType()
export class UncheckedLot {
  @Field(() => ID)
  lotId: string;

  @Field({ description: "The household's pseudonymous code, e.g. SG-017." })
  householdCode: string;

  @Field()
  variantNameZh: string;

  @Field()
  variantNameEn: string;
}

/** Packing refused: allocated lots have no quality check yet (all listed). Nothing changed. */
@ObjectType({ implements: ErrorResult })
export class LotsUncheckedError extends ErrorResult {
  @Field(() => [UncheckedLot])
  lots: UncheckedLot[];

  constructor(message: string, lots: UncheckedLot[]) {
    super();
    this.errorCode = ErrorCode.LOTS_UNCHECKED;
    this.message = message;
    this.lots = lots;
  }
}
