import type { Role } from "@nested/domain";
import {
  fieldProblem,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from "../../graphql/error-result";
import { inRefusableTransaction, refuse } from "../../graphql/refusal";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { actorOf, recordChange } from "../audit/audit.service";
import { Session } from "./session.entity";
import { User } from "./user.entity";
import { UserProducerGroup } from "./user-producer-group.entity";
import {
  accessProblems,
  GROUP_ROLES,
  lockUser,
  userAccount,
  userRefusal,
} from "./user-admin.service";
import type { UserAccountType } from "./user-admin.types";

type AccessOutcome = UserAccountType | InvalidInputError | NotFoundError | ForbiddenError;

/**
 * Locks every active ADMIN row (ordered by id, so two admins acting at once queue up instead of
 * deadlocking) and then the target user's row; refuses NotFoundError for an unknown target.
 * After the wait a concurrent change is visible: READ COMMITTED re-checks the locked rows, so
 * an admin deactivated or demoted meanwhile is no longer in the returned list.
 */
async function lockForAccessChange(
  ctx: RequestContext,
  userId: string,
): Promise<{ user: User; activeAdminIds: string[] }> {
  const t = translatorFor(ctx.locale);
  const admins: { id: string }[] = await ctx.manager.query(
    `SELECT id FROM users WHERE role = 'ADMIN' AND disabled_at IS NULL AND deleted_at IS NULL
      ORDER BY id FOR UPDATE`,
  );
  const user = await lockUser(ctx, userId);
  if (!user) refuse(new NotFoundError(t("identity.userNotFound")));
  return { user, activeAdminIds: admins.map((a) => a.id) };
}

/**
 * The refusals every access change shares: acting on oneself, leaving no active ADMIN (when
 * `removesAdmin` and the target is the only active admin), and a caller who is no longer an
 * active admin (deactivated or demoted by a request that committed while this one waited).
 */
function guardAccessChange(
  ctx: RequestContext,
  user: User,
  activeAdminIds: string[],
  removesAdmin: boolean,
): void {
  const t = translatorFor(ctx.locale);
  if (user.id === actorOf(ctx)) refuse(new ForbiddenError(t("identity.notOnYourself")));
  const remaining = activeAdminIds.filter((id) => id !== user.id);
  if (removesAdmin && activeAdminIds.includes(user.id) && remaining.length === 0)
    refuse(new ForbiddenError(t("identity.lastAdmin")));
  if (!activeAdminIds.includes(actorOf(ctx) ?? ""))
    refuse(new ForbiddenError(t("identity.callerNoLongerAdmin")));
}

async function audited(
  ctx: RequestContext,
  action: string,
  userId: string,
  change: () => Promise<void>,
): Promise<UserAccountType> {
  const before = await userAccount(ctx, userId);
  await change();
  const after = await userAccount(ctx, userId);
  await recordChange(ctx, { action, entityType: "User", entityId: userId, before, after });
  return after;
}

/**
 * Gives a project-side account another role (`user:manage`). CONSUMER accounts keep their role
 * and nobody becomes one (InvalidInputError on `role`); PARTNER needs `partnerOrganisationId`,
 * other roles drop it; leaving STAFF/FINANCE drops the producer groups. An admin cannot change
 * their own role, and the last active ADMIN cannot be demoted (ForbiddenError). Takes effect on
 * the user's next request (roles are read per request). Writes `user.changeRole`.
 */
export async function changeUserRole(
  ctx: RequestContext,
  userId: string,
  role: Role,
  partnerOrganisationId?: string | null,
): Promise<AccessOutcome> {
  const t = translatorFor(ctx.locale);
  return inRefusableTransaction(ctx, async (tx) => {
    const { user, activeAdminIds } = await lockForAccessChange(tx, userId);
    if (user.role === "CONSUMER")
      refuse(userRefusal(t, [fieldProblem("role", t("identity.consumerRoleFixed"))]));
    const problems = await accessProblems(tx, role, [], partnerOrganisationId, t);
    if (problems.length) refuse(userRefusal(t, problems));
    guardAccessChange(tx, user, activeAdminIds, role !== "ADMIN");
    return audited(tx, "user.changeRole", userId, async () => {
      if (!GROUP_ROLES.includes(role))
        await tx.manager.getRepository(UserProducerGroup).delete({ userId });
      await tx.manager
        .getRepository(User)
        .update(
          { id: userId },
          { role, partnerOrganisationId: role === "PARTNER" ? partnerOrganisationId! : null },
        );
    });
  });
}

/**
 * Deactivates an account (`user:manage`): it can no longer sign in and every session of it is
 * revoked in the same transaction, so its next request is anonymous. An admin cannot deactivate
 * themself, and the last active ADMIN cannot be deactivated (ForbiddenError); two admins
 * deactivating each other at once leave one of them active. Deactivating an inactive account
 * changes nothing but still ends any session. Writes `user.deactivate`.
 */
export async function deactivateUser(ctx: RequestContext, userId: string): Promise<AccessOutcome> {
  return inRefusableTransaction(ctx, async (tx) => {
    const { user, activeAdminIds } = await lockForAccessChange(tx, userId);
    guardAccessChange(tx, user, activeAdminIds, true);
    return audited(tx, "user.deactivate", userId, async () => {
      await tx.manager
        .getRepository(User)
        .update({ id: userId }, { disabledAt: () => "COALESCE(disabled_at, now())" });
      await tx.manager
        .getRepository(Session)
        .createQueryBuilder()
        .update()
        .set({ revokedAt: () => "now()" })
        .where("user_id = :userId AND revoked_at IS NULL", { userId })
        .execute();
    });
  });
}

/**
 * Lets a deactivated account sign in again (`user:manage`); its old sessions stay revoked.
 * Writes `user.reactivate`. NotFoundError for an unknown user.
 */
export async function reactivateUser(ctx: RequestContext, userId: string): Promise<AccessOutcome> {
  return inRefusableTransaction(ctx, async (tx) => {
    const { user, activeAdminIds } = await lockForAccessChange(tx, userId);
    guardAccessChange(tx, user, activeAdminIds, false);
    return audited(tx, "user.reactivate", userId, async () => {
      await tx.manager.getRepository(User).update({ id: userId }, { disabledAt: null });
    });
  });
}
