import { In } from "typeorm";
import { isUuid } from "../../graphql/ids";
import type { RequestContext } from "../../graphql/request-context";
import { ProducerGroup } from "./producer-group.entity";

/**
 * The producer groups the caller may see, oldest first (founding day, then id): every group for an admin,
 * the groups a staff or finance user works for otherwise (none for anyone else).
 */
export function listProducerGroups(ctx: RequestContext): Promise<ProducerGroup[]> {
  const qb = ctx.manager
    .getRepository(ProducerGroup)
    .createQueryBuilder("g")
    .orderBy("g.founded_on", "ASC")
    .addOrderBy("g.id", "ASC");
  if (ctx.principal.kind === "anonymous") return qb.andWhere("false").getMany();
  if (ctx.principal.role !== "ADMIN") {
    qb.andWhere("g.id = ANY(:groups)", { groups: [...ctx.principal.producerGroupIds] });
  }
  return qb.getMany();
}

/**
 * The positions in `ids` of those that name no producer group (malformed ids included), in
 * order, read in one query; empty when every id is known. For field problems such as
 * `producerGroupIds.<i>`.
 */
export async function unknownProducerGroupPositions(
  ctx: RequestContext,
  ids: readonly string[],
): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = await ctx.manager
    .getRepository(ProducerGroup)
    .findBy({ id: In(ids.filter(isUuid)) });
  const known = new Set(found.map((g) => g.id));
  return ids.flatMap((id, i) => (known.has(id) ? [] : [i]));
}
