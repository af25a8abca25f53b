import { createUnionType, Field, InputType, ObjectType } from "type-graphql";
import { ErrorCode, ErrorResult, InvalidInputError } from "../../graphql/error-result";
import { SignedIn, TokenDelivery } from "./identity.types";

/** A consumer household joining the market with an invitation code. */
@InputType()
export class RegisterInput {
  @Field({ description: "From an existing consumer household or from staff." })
  invitationCode: string;

  @Field({ description: "How the household wants to be addressed, e.g. 王老师家." })
  displayName: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Mainland China mobile or landline number." })
  phone?: string | null;

  @Field({ description: "At least 8 characters." })
  password: string;

  @Field(() => TokenDelivery, { defaultValue: TokenDelivery.COOKIE })
  tokenDelivery: TokenDelivery = TokenDelivery.COOKIE;
}

/** The invitation code is unknown, used or expired. */
@ObjectType({ implements: ErrorResult })
export class InvalidInvitationError extends ErrorResult {
  constructor(message: string) {
    super();
    this.errorCode = ErrorCode.INVALID_INVITATION;
    this.message = message;
  }
}

/** The e-mail or phone number already belongs to an account. */
@ObjectType({ implements: ErrorResult })
export class AccountExistsError extends ErrorResult {
  constructor(message: string) {
    super();
    this.errorCode = ErrorCode.ACCOUNT_EXISTS;
    this.message = message;
  }
}

/** The answer to a registration: signed in, or why not (nothing is stored then). */
export const RegisterResult = createUnionType({
  name: "RegisterResult",
  types: () => [SignedIn, InvalidInputError, InvalidInvitationError, AccountExistsError] as const,
  resolveType: (value) => value.constructor.name,
});
