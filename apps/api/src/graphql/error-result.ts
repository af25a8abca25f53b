import { Field, InterfaceType, ObjectType, registerEnumType } from "type-graphql";

/**
 * Codes of the business outcomes a client must handle (DESIGN.md, "Expected failures are data").
 * Unexpected faults are thrown and reach `errors` instead.
 */
export enum ErrorCode {
  INVALID_CREDENTIALS = "INVALID_CREDENTIALS",
  INVALID_INPUT = "INVALID_INPUT",
  INVALID_INVITATION = "INVALID_INVITATION",
  ACCOUNT_EXISTS = "ACCOUNT_EXISTS",
  NOT_FOUND = "NOT_FOUND",
  FORBIDDEN = "FORBIDDEN",
  FEEDBACK_NOT_ALLOWED = "FEEDBACK_NOT_ALLOWED",
  FEEDBACK_ALREADY_GIVEN = "FEEDBACK_ALREADY_GIVEN",
  ALREADY_SIGNED_UP = "ALREADY_SIGNED_UP",
  VISIT_FULL = "VISIT_FULL",
  INVITATION_LIMIT_REACHED = "INVITATION_LIMIT_REACHED",
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
