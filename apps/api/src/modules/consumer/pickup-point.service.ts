import type { RequestContext } from "../../graphql/request-context";
import { PickupPoint } from "./pickup-point.entity";

/** Pickup points in service (not deleted), optionally of one producer group, by city and name. */
export function listPickupPoints(
  ctx: RequestContext,
  producerGroupId?: string | null,
): Promise<PickupPoint[]> {
  return ctx.manager.getRepository(PickupPoint).find({
    where: producerGroupId ? { producerGroupId } : {},
    order: { city: "ASC", nameZh: "ASC", id: "ASC" },
  });
}
