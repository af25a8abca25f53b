import type { MarketProfile } from "./market-profiles";
import { shanghaiInstant } from "./calendar";
import type { DemoRandom } from "./random";

/** A village (行政村) whose households are on the register. */
export interface VillageRecord {
  id: string;
  nameZh: string;
  nameEn: string;
  townshipZh: string;
  townshipEn: string;
  countyZh: string;
  countyEn: string;
  provinceZh: string;
  provinceEn: string;
  /** Road distance, km (taihang-facts.md: Sanggang about 190 km from Beijing, 60 km from the county seat). */
  distanceToBeijingKm: number;
  distanceToCountySeatKm: number;
  createdAt: Date;
}

/**
 * A producer group (生产小组): the boundary organisation of one nested market. Cycles, offers,
 * consumer groups, pickup points, fee rules and settlements belong to it.
 */
export interface ProducerGroupRecord {
  id: string;
  villageId: string;
  /** Short code, e.g. `SG`. */
  code: string;
  nameZh: string;
  nameEn: string;
  /** Business day (`YYYY-MM-DD`, Asia/Shanghai). */
  foundedOn: string;
  /** Filled once households exist: the first founder heads the group. */
  leaderHouseholdId: string | null;
  timeZone: "Asia/Shanghai";
  currency: "CNY";
  createdAt: Date;
}

/** Builds a market's village and producer group records. */
export function buildVillageAndGroup(
  profile: MarketProfile,
  random: DemoRandom,
): { village: VillageRecord; group: ProducerGroupRecord } {
  const [fy, fm, fd] = profile.group.foundedOn.split("-").map(Number);
  const createdAt = shanghaiInstant(fy ?? 2011, fm ?? 1, (fd ?? 1) - 30, 10);
  const village: VillageRecord = {
    id: random.uuid(),
    nameZh: profile.village.nameZh,
    nameEn: profile.village.nameEn,
    townshipZh: profile.village.townshipZh,
    townshipEn: profile.village.townshipEn,
    countyZh: profile.village.countyZh,
    countyEn: profile.village.countyEn,
    provinceZh: profile.village.provinceZh,
    provinceEn: profile.village.provinceEn,
    distanceToBeijingKm: profile.village.distanceToBeijingKm,
    distanceToCountySeatKm: profile.village.distanceToCountySeatKm,
    createdAt,
  };
  const group: ProducerGroupRecord = {
    id: random.uuid(),
    villageId: village.id,
    code: profile.key,
    nameZh: profile.group.nameZh,
    nameEn: profile.group.nameEn,
    foundedOn: profile.group.foundedOn,
    leaderHouseholdId: null,
    timeZone: "Asia/Shanghai",
    currency: "CNY",
    createdAt: shanghaiInstant(fy ?? 2011, fm ?? 1, fd ?? 1, 10),
  };
  return { village, group };
}
