import { Field, InterfaceType, Int, ObjectType, registerEnumType } from "type-graphql";

/**
 * Codes of the business outcomes a client must handle (DESIGN.md, "Expected failures are data").
 * Unexpected faults are thrown and reach `errors` instead.
 */
export enum ErrorCode {
  INVALID_CREDENTIALS = "INVALID_CREDENTIALS",
  TOO_MANY_ATTEMPTS = "TOO_MANY_ATTEMPTS",
  INVALID_INPUT = "INVALID_INPUT",
  INVALID_INVITATION = "INVALID_INVITATION",
  ACCOUNT_EXISTS = "ACCOUNT_EXISTS",
  NOT_FOUND = "NOT_FOUND",
  FORBIDDEN = "FORBIDDEN",
  CYCLE_NOT_OPEN = "CYCLE_NOT_OPEN",
  INSUFFICIENT_STOCK = "INSUFFICIENT_STOCK",
  INVALID_QUANTITY = "INVALID_QUANTITY",
  PICKUP_POINT_NOT_SERVED = "PICKUP_POINT_NOT_SERVED",
  ORDER_NOT_EDITABLE = "ORDER_NOT_EDITABLE",
  FEEDBACK_NOT_ALLOWED = "FEEDBACK_NOT_ALLOWED",
  FEEDBACK_ALREADY_GIVEN = "FEEDBACK_ALREADY_GIVEN",
  ALREADY_SIGNED_UP = "ALREADY_SIGNED_UP",
  VISIT_FULL = "VISIT_FULL",
  INVITATION_LIMIT_REACHED = "INVITATION_LIMIT_REACHED",
  INVALID_TRANSITION = "INVALID_TRANSITION",
  IN_USE = "IN_USE",
  WRONG_CYCLE_STATE = "WRONG_CYCLE_STATE",
}
registerEnumType(ErrorCode, {
  name: "ErrorCode",
  description: "Why an operation did not do what was asked.",
});

/** What every expected failure shares: a code for the program and a message for the person. */
@InterfaceType({
  description: "An expected failure: the code for programs, the message for people.",
})
export abstract class ErrorResult {
  @Field(() => ErrorCode)
  errorCode: ErrorCode;

  @Field({ description: "In the caller's language (zh-CN or en)." })
  message: string;
}

/** Sign-in refused; says nothing about whether the account exists. */
@ObjectType({ implements: ErrorResult })
export class InvalidCredentialsError extends ErrorResult {
  constructor(message: string) {
    super();
    this.errorCode = ErrorCode.INVALID_CREDENTIALS;
    this.message = message;
  }
}

/** One field of the input that was wrong, and why, in the caller's language. */
@ObjectType()
export class FieldProblem {
  @Field()
  field: string;

  @Field()
  message: string;
}

/** A {@link FieldProblem} for `field` with `message` (already in the caller's language). */
export function fieldProblem(field: string, message: string): FieldProblem {
  return Object.assign(new FieldProblem(), { field, message });
}

/** The input was refused as a whole; nothing was stored. */
@ObjectType({ implements: ErrorResult })
export class InvalidInputError extends ErrorResult {
  @Field(() => [FieldProblem])
  problems: FieldProblem[];

  constructor(message: string, problems: FieldProblem[]) {
    super();
    this.errorCode = ErrorCode.INVALID_INPUT;
    this.message = message;
    this.problems = problems;
  }
}

/** The thing named by an id does not exist, or is not the caller's to see: the same answer. */
@ObjectType({ implements: ErrorResult })
export class NotFoundError extends ErrorResult {
  constructor(message: string) {
    super();
    this.errorCode = ErrorCode.NOT_FOUND;
    this.message = message;
  }
}

/** The caller may do the operation but not with this part of the input (e.g. sensitive fields). */
@ObjectType({ implements: ErrorResult })
export class ForbiddenError extends ErrorResult {
  constructor(message: string) {
    super();
    this.errorCode = ErrorCode.FORBIDDEN;
    this.message = message;
  }
}

/**
 * A state change the state machine refuses: `from` (null when there was no state yet), the
 * `to` asked for, and the states `from` may move to. Nothing was changed.
 */
@ObjectType({ implements: ErrorResult })
export class InvalidTransitionError extends ErrorResult {
  @Field(() => String, { nullable: true })
  from: string | null;

  @Field()
  to: string;

  @Field(() => [String], { description: "The states `from` may move to directly." })
  allowed: string[];

  constructor(message: string, from: string | null, to: string, allowed: readonly string[]) {
    super();
    this.errorCode = ErrorCode.INVALID_TRANSITION;
    this.message = message;
    this.from = from;
    this.to = to;
    this.allowed = [...allowed];
  }
}

/** The record cannot be removed because others refer to it; nothing was changed. */
@ObjectType({ implements: ErrorResult })
export class InUseError extends ErrorResult {
  @Field(() => [String], {
    description:
      "What refers to it: offers, orders, supplyDeclarations, lots, consumerGroups, consumerHouseholds.",
  })
  referencedBy: string[];

  constructor(message: string, referencedBy: string[]) {
    super();
    this.errorCode = ErrorCode.IN_USE;
    this.message = message;
    this.referencedBy = referencedBy;
  }
}

/** Too many failed attempts for now; try again after `retryAfterSeconds`. */
@ObjectType({ implements: ErrorResult })
export class TooManyAttemptsError extends ErrorResult {
  @Field(() => Int, { description: "Seconds until the next attempt is allowed." })
  retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super();
    this.errorCode = ErrorCode.TOO_MANY_ATTEMPTS;
    this.message = message;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
