import { Field, ObjectType } from "type-graphql";
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
