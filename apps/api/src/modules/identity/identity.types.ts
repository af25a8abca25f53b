import { ROLES, type Role } from "@nested/domain";
import { createUnionType, Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { InvalidCredentialsError, TooManyAttemptsError } from "../../graphql/error-result";

/** GraphQL enum of the roles in `@nested/domain`. */
export const RoleEnum = Object.fromEntries(ROLES.map((role) => [role, role])) as { [R in Role]: R };
registerEnumType(RoleEnum, { name: "Role", description: "Who a user is to the market." });

/** How a new session's token reaches the client. */
export enum TokenDelivery {
  /** httpOnly cookie, for the SPAs; the token is not in the response body. */
  COOKIE = "COOKIE",
  /** In the response body, for API clients that send `Authorization: Bearer …`. */
  BEARER = "BEARER",
}
registerEnumType(TokenDelivery, { name: "TokenDelivery" });

/** The signed-in caller, as the caller sees themself. Never anyone else. */
@ObjectType({
  description: "The signed-in caller (admins list other accounts as UserAccount).",
})
export class Viewer {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true, description: "E.164, e.g. +8613812345678." })
  phone: string | null;

  @Field(() => RoleEnum)
  role: Role;

  @Field()
  locale: string;
}

/** Sign-in succeeded. `token` is set only when BEARER delivery was asked for. */
@ObjectType()
export class SignedIn {
  @Field(() => Viewer)
  viewer: Viewer;

  @Field(() => String, {
    nullable: true,
    description: "The session token, shown once; null with COOKIE delivery.",
  })
  token: string | null;

  @Field()
  expiresAt: Date;
}

/** Login with e-mail or phone number, and password. */
@InputType()
export class SignInInput {
  @Field({ description: "E-mail address or mainland China phone number." })
  login: string;

  @Field()
  password: string;

  @Field(() => TokenDelivery, { defaultValue: TokenDelivery.COOKIE })
  tokenDelivery: TokenDelivery = TokenDelivery.COOKIE;
}

/** The answer to a sign-in: a session, or the same refusal for any wrong login or password. */
export const SignInResult = createUnionType({
  name: "SignInResult",
  types: () => [SignedIn, InvalidCredentialsError, TooManyAttemptsError] as const,
  resolveType: (value) => value.constructor.name,
});
