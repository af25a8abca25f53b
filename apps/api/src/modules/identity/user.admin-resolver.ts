import type { Role } from "@nested/domain";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { type Page, PageInput } from "../../graphql/pagination";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { RoleEnum } from "./identity.types";
import { changeUserRole, deactivateUser, reactivateUser } from "./user-access.service";
import { createStaffUser, listUsers, setUserProducerGroups } from "./user-admin.service";
import {
  CreateStaffUserInput,
  UserAccountList,
  UserAccountResult,
  UserAccountType,
} from "./user-admin.types";

/** User accounts and roles, managed by admins only. */
@Resolver(() => UserAccountType)
export class UserAdminResolver {
  @RequirePermission("user:manage")
  @Query(() => UserAccountList, {
    description: "Accounts of every role, by display name; search matches name, e-mail, phone.",
  })
  users(
    @Ctx() ctx: RequestContext,
    @Arg("page", () => PageInput, { defaultValue: { skip: 0, take: 20 } }) page: PageInput,
    @Arg("role", () => RoleEnum, { nullable: true }) role?: Role | null,
    @Arg("search", () => String, { nullable: true }) search?: string | null,
    @Arg("staffSide", () => Boolean, {
      nullable: true,
      description: "true: only the project's accounts (every role but CONSUMER).",
    })
    staffSide?: boolean | null,
  ): Promise<Page<UserAccountType>> {
    return listUsers(ctx, { ...page, role, search, staffSide });
  }

  @RequirePermission("user:manage")
  @Mutation(() => UserAccountResult, {
    description: "Creates a STAFF, FINANCE, ADMIN or PARTNER account with an initial password.",
  })
  createStaffUser(
    @Ctx() ctx: RequestContext,
    @Arg("input", () => CreateStaffUserInput) input: CreateStaffUserInput,
  ): Promise<typeof UserAccountResult> {
    return createStaffUser(ctx, input);
  }

  @RequirePermission("user:manage")
  @Mutation(() => UserAccountResult, {
    description: "Gives a project-side account another role; never your own, never the last admin.",
  })
  changeUserRole(
    @Ctx() ctx: RequestContext,
    @Arg("userId", () => ID) userId: string,
    @Arg("role", () => RoleEnum) role: Role,
    @Arg("partnerOrganisationId", () => ID, { nullable: true, description: "For PARTNER." })
    partnerOrganisationId?: string | null,
  ): Promise<typeof UserAccountResult> {
    return changeUserRole(ctx, userId, role, partnerOrganisationId);
  }

  @RequirePermission("user:manage")
  @Mutation(() => UserAccountResult, {
    description: "Sets the producer groups a STAFF or FINANCE user works for.",
  })
  setUserProducerGroups(
    @Ctx() ctx: RequestContext,
    @Arg("userId", () => ID) userId: string,
    @Arg("producerGroupIds", () => [ID]) producerGroupIds: string[],
  ): Promise<typeof UserAccountResult> {
    return setUserProducerGroups(ctx, userId, producerGroupIds);
  }

  @RequirePermission("user:manage")
  @Mutation(() => UserAccountResult, {
    description:
      "Deactivates an account and ends its sessions at once; not yourself or the last admin.",
  })
  deactivateUser(
    @Ctx() ctx: RequestContext,
    @Arg("userId", () => ID) userId: string,
  ): Promise<typeof UserAccountResult> {
    return deactivateUser(ctx, userId);
  }

  @RequirePermission("user:manage")
  @Mutation(() => UserAccountResult, { description: "Lets a deactivated account sign in again." })
  reactivateUser(
    @Ctx() ctx: RequestContext,
    @Arg("userId", () => ID) userId: string,
  ): Promise<typeof UserAccountResult> {
    return reactivateUser(ctx, userId);
  }
}
