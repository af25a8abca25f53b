import DataLoader from "dataloader";
import { In } from "typeorm";
import { byKey, groupByKey } from "../../graphql/loader-registry";
import type { RequestContext } from "../../graphql/request-context";
import { ConsentRecord } from "./consent-record.entity";
import { Household } from "./household.entity";
import { HouseholdMember } from "./household-member.entity";
import { HouseholdYear } from "./household-year.entity";

/**
 * Households by id, batched per request; null for an unknown id. No scoping: for fields of rows
 * the caller was already allowed to read (e.g. a settlement's household code).
 */
export function householdById(ctx: RequestContext): DataLoader<string, Household | null> {
  return ctx.loaders.get(
    "household.householdById",
    () =>
      new DataLoader<string, Household | null>(async (ids) => {
        const rows = await ctx.manager.getRepository(Household).findBy({ id: In([...ids]) });
        return byKey(ids, rows, (h) => h.id);
      }),
  );
}

/** Members of each household (head first by relation order, then birth year, then id), batched. */
export function membersByHousehold(ctx: RequestContext): DataLoader<string, HouseholdMember[]> {
  return ctx.loaders.get(
    "household.membersByHousehold",
    () =>
      new DataLoader<string, HouseholdMember[]>(async (ids) => {
        const rows = await ctx.manager
          .getRepository(HouseholdMember)
          .createQueryBuilder("m")
          .where("m.household_id IN (:...ids)", { ids: [...ids] })
          .orderBy("m.relation = 'HEAD'", "DESC")
          .addOrderBy("m.birth_year", "ASC", "NULLS LAST")
          .addOrderBy("m.id", "ASC")
          .getMany();
        return groupByKey(ids, rows, (m) => m.householdId);
      }),
  );
}

/** Yearly poverty status and income of each household, oldest year first, batched. */
export function yearsByHousehold(ctx: RequestContext): DataLoader<string, HouseholdYear[]> {
  return ctx.loaders.get(
    "household.yearsByHousehold",
    () =>
      new DataLoader<string, HouseholdYear[]>(async (ids) => {
        const rows = await ctx.manager.getRepository(HouseholdYear).find({
          where: { householdId: In([...ids]) },
          order: { year: "ASC" },
        });
        return groupByKey(ids, rows, (y) => y.householdId);
      }),
  );
}

/** Consent records of each household, by grant date then id, batched. */
export function consentsByHousehold(ctx: RequestContext): DataLoader<string, ConsentRecord[]> {
  return ctx.loaders.get(
    "household.consentsByHousehold",
    () =>
      new DataLoader<string, ConsentRecord[]>(async (ids) => {
        const rows = await ctx.manager.getRepository(ConsentRecord).find({
          where: { householdId: In([...ids]) },
          order: { grantedOn: "ASC", id: "ASC" },
        });
        return groupByKey(ids, rows, (c) => c.householdId);
      }),
  );
}
