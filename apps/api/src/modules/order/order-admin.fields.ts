import DataLoader from "dataloader";
import { In } from "typeorm";
import type { RequestContext } from "../../graphql/request-context";
import { ConsumerHousehold } from "../consumer/consumer-household.entity";
import { PickupPoint } from "../consumer/pickup-point.entity";

/**
 * A consumer household's name by id, batched per request (the orders list shows who ordered, so
 * finance can match a transfer to a family); null for an unknown id.
 */
export function consumerHouseholdNames(ctx: RequestContext): DataLoader<string, string | null> {
  return ctx.loaders.get(
    "order.consumerHouseholdName",
    () =>
      new DataLoader<string, string | null>(async (ids) => {
        const rows = await ctx.manager
          .getRepository(ConsumerHousehold)
          .find({ where: { id: In([...ids]) }, select: { id: true, displayName: true } });
        const byId = new Map(rows.map((r) => [r.id, r.displayName]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  ) as DataLoader<string, string | null>;
}

/** A pickup point's Chinese name by id, batched per request; null for an unknown id. */
export function pickupPointNames(ctx: RequestContext): DataLoader<string, string | null> {
  return ctx.loaders.get(
    "order.pickupPointName",
    () =>
      new DataLoader<string, string | null>(async (ids) => {
        const rows = await ctx.manager.getRepository(PickupPoint).find({
          where: { id: In([...ids]) },
          select: { id: true, nameZh: true },
          withDeleted: true,
        });
        const byId = new Map(rows.map((r) => [r.id, r.nameZh]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  ) as DataLoader<string, string | null>;
}
