import type { Role } from "@nested/domain";
import { createUnionType, Field, ID, InputType, ObjectType } from "type-graphql";
import {
  ErrorResult,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from "../../graphql/error-result";
import { PaginatedList } from "../../graphql/pagination";
import { RoleEnum, Viewer } from "./identity.types";
import { AccountExistsError } from "./registration.types";

/** A user account as an admin sees it (the {@link Viewer} fields and more); never the password hash. */
@ObjectType("UserAccount", { description: "A user account (ADMIN only). No password hash." })
export class UserAccountType extends Viewer {
  @Field({ description: "False once deactivated: the user cannot sign in, sessions are ended." })
  active: boolean;

  @Field(() => Date, { nullable: true })
  disabledAt: Date | null;

  @Field(() => ID, {
    nullable: true,
    description: "PARTNER users: the organisation they read for.",
  })
  partnerOrganisationId: string | null;

  @Field(() => [ID], {
    description: "STAFF and FINANCE: the producer groups they work for (ADMIN sees every group).",
  })
  producerGroupIds: string[];

  @Field()
  createdAt: Date;
}

/** A page of user accounts. */
@ObjectType("UserAccountList")
export class UserAccountList extends PaginatedList(UserAccountType) {}

/** A new project-side account made by an admin. */
@InputType()
export class CreateStaffUserInput {
  @Field()
  displayName: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Mainland China mobile number." })
  phone?: string | null;

  @Field(() => RoleEnum, { description: "STAFF, FINANCE, ADMIN or PARTNER." })
  role: Role;

  @Field(() => [ID], { nullable: true, description: "STAFF and FINANCE only." })
  producerGroupIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: "Required for PARTNER, refused otherwise." })
  partnerOrganisationId?: string | null;

  @Field({ description: "Initial password, 8 to 200 characters (as at registration)." })
  password: string;
}

/** The answer to a change of a user account: the account, or why nothing changed. */
export const UserAccountResult = createUnionType({
  name: "UserAccountResult",
  types: () =>
    [
      UserAccountType,
      InvalidInputError,
      NotFoundError,
      ForbiddenError,
      AccountExistsError,
    ] as const,
  resolveType: (value) => (value instanceof ErrorResult ? value.constructor.name : "UserAccount"),
});
