import { type InUseError, NotFoundError } from "../../graphql/error-result";
import { isUuid } from "../../graphql/ids";
import { inTransaction, type RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { inUse } from "../catalog/catalog-admin.service";
import { recordChange } from "../audit/audit.service";
import { managesGroup } from "../household/household.service";
import { PickupPoint } from "./pickup-point.entity";

/** Tables whose rows refer to a pickup point, with the code listed in an InUseError. */
const PICKUP_POINT_REFERENCES = [
  ["orders", "pickup_point_id", "orders"],
  ["consumer_groups", "default_pickup_point_id", "consumerGroups"],
  ["consumer_households", "default_pickup_point_id", "consumerHouseholds"],
] as const;

/**
 * Soft-deletes a pickup point of a group the caller manages (ADMIN: any), unless orders refer to
 * it or consumer groups or households have it as their default (InUseError, nothing changed).
 * A removed point disappears from the shop's `pickupPoints`. Writes `pickupPoint.remove`.
 */
export async function removePickupPoint(
  ctx: RequestContext,
  id: string,
): Promise<{ id: string } | NotFoundError | InUseError> {
  const t = translatorFor(ctx.locale);
  return inTransaction(ctx, async (tx) => {
    const point = isUuid(id)
      ? await tx.manager
          .getRepository(PickupPoint)
          .findOne({ where: { id }, lock: { mode: "pessimistic_write" } })
      : null;
    if (!point || !managesGroup(tx, point.producerGroupId))
      return new NotFoundError(t("catalog.pickupPointNotFound"));
    const referencedBy: string[] = [];
    for (const [table, column, label] of PICKUP_POINT_REFERENCES) {
      const rows: unknown[] = await tx.manager.query(
        `SELECT 1 FROM ${table} WHERE ${column} = $1 LIMIT 1`,
        [id],
      );
      if (rows.length) referencedBy.push(label);
    }
    if (referencedBy.length) return inUse(t, referencedBy);
    await tx.manager.getRepository(PickupPoint).softDelete({ id });
    await recordChange(tx, {
      action: "pickupPoint.remove",
      entityType: "PickupPoint",
      entityId: id,
      before: point,
      after: null,
    });
    return { id };
  });
}
