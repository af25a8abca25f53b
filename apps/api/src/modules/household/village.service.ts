import DataLoader from "dataloader";
import { In } from "typeorm";
import { byKey } from "../../graphql/loader-registry";
import type { RequestContext } from "../../graphql/request-context";
import { Village } from "./village.entity";

/** Every village, by Chinese name then id. */
export function listVillages(ctx: RequestContext): Promise<Village[]> {
  return ctx.manager.getRepository(Village).find({ order: { nameZh: "ASC", id: "ASC" } });
}

/** Villages by id, batched per request. */
export function villageById(ctx: RequestContext): DataLoader<string, Village | null> {
  return ctx.loaders.get(
    "household.villageById",
    () =>
      new DataLoader<string, Village | null>(async (ids) => {
        const villages = await ctx.manager.getRepository(Village).findBy({ id: In([...ids]) });
        return byKey(ids, villages, (v) => v.id);
      }),
  );
}
