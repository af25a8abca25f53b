import type { EntityManager } from "typeorm";
import { ProducerGroup } from "../modules/household/producer-group.entity";
import { Village } from "../modules/household/village.entity";

/** The two villages of the trial and their producer groups, as most scenarios start. */
export interface TaihangVillages {
  villages: { sanggang: Village; baoshi: Village };
  groups: { sanggang: ProducerGroup; baoshi: ProducerGroup };
}

/**
 * Writes Sanggang (183 households, group from spring 2011) and Baoshi (group from 2016), both in
 * Pocang Township, Yi County (shared/reference/taihang-facts.md).
 */
export async function createTaihangVillages(m: EntityManager): Promise<TaihangVillages> {
  const place = { township: "坡仓乡", county: "易县", province: "河北省" };
  const [sanggang, baoshi] = await m.save(Village, [
    { nameZh: "桑岗村", nameEn: "Sanggang", householdsTotal: 183, ...place },
    { nameZh: "宝石村", nameEn: "Baoshi", householdsTotal: 150, ...place },
  ]);
  const [sgGroup, bsGroup] = await m.save(ProducerGroup, [
    {
      villageId: sanggang!.id,
      nameZh: "桑岗生产小组",
      nameEn: "Sanggang producer group",
      foundedOn: "2011-03-15",
    },
    {
      villageId: baoshi!.id,
      nameZh: "宝石生产小组",
      nameEn: "Baoshi producer group",
      foundedOn: "2016-04-01",
    },
  ]);
  return {
    villages: { sanggang: sanggang!, baoshi: baoshi! },
    groups: { sanggang: sgGroup!, baoshi: bsGroup! },
  };
}
