import { createUnionType, Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { ErrorCode, ErrorResult, NotFoundError } from "../../graphql/error-result";

/** Where an invitation code stands. */
export enum InvitationCodeState {
  UNUSED = "UNUSED",
  USED = "USED",
  EXPIRED = "EXPIRED",
}
registerEnumType(InvitationCodeState, { name: "InvitationCodeState" });

/**
 * An invitation code the caller's household issued. Who used it is not shown: that is another
 * household's data.
 */
@ObjectType("InvitationCode")
export class InvitationCodeType {
  @Field({ description: "8 characters without 0, O, 1 or I, e.g. 7KQ3HX2M." })
  code: string;

  @Field(() => InvitationCodeState)
  state: InvitationCodeState;

  @Field()
  createdAt: Date;

  @Field()
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  usedAt: Date | null;
}

/** The household already holds as many unused codes as it may. */
@ObjectType({ implements: ErrorResult })
export class InvitationLimitError extends ErrorResult {
  @Field(() => Int, { description: "Most unused codes a household may hold at a time." })
  maxUnused: number;

  constructor(message: string, maxUnused: number) {
    super();
    this.errorCode = ErrorCode.INVITATION_LIMIT_REACHED;
    this.message = message;
    this.maxUnused = maxUnused;
  }
}

/** A new code, or why none was made. */
export const CreateInvitationCodeResult = createUnionType({
  name: "CreateInvitationCodeResult",
  types: () => [InvitationCodeType, InvitationLimitError, NotFoundError] as const,
  // The view class is named …Type; error classes are named as in the schema.
  resolveType: (value) =>
    value instanceof InvitationCodeType ? InvitationCodeType : value.constructor.name,
});
