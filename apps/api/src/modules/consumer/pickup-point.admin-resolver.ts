import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { RemoveResult } from "../catalog/catalog-admin.types";
import { removePickupPoint } from "./pickup-point-admin.service";

/** Pickup points as project staff maintain them (part of running cycles: `cycle:manage`). */
@Resolver()
export class PickupPointAdminResolver {
  @RequirePermission("cycle:manage")
  @Mutation(() => RemoveResult, {
    description: "Soft-deletes a pickup point; refused while orders or consumers refer to it.",
  })
  removePickupPoint(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
  ): Promise<typeof RemoveResult> {
    return removePickupPoint(ctx, id);
  }
}
