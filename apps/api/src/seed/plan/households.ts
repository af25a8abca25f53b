import type { ResourceKind } from "./catalog";
import { atShanghaiTime, dateOfDayNumber, dayNumber } from "./calendar";
import type { MarketProfile } from "./market-profiles";
import { GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, SURNAMES } from "./names";
import type { DemoRandom } from "./random";
import type { ProducerGroupRecord, VillageRecord } from "./villages";

/** Age band of a household head, years. */
export type AgeBand = "30-44" | "45-59" | "60-69" | "70+";

/** Why a registered-poor household is poor (致贫原因), as recorded at registration. */
export type PovertyCause =
  | "ILLNESS"
  | "DISABILITY"
  | "LACK_OF_LABOUR"
  | "EDUCATION_COSTS"
  | "LACK_OF_SKILLS"
  | "LACK_OF_LAND";

/**
 * A household (农户) on a village's register, identified to consumers only by its pseudonymous
 * `code` (`SG-001`…). Names and stories are invented. `registeredPoor` is 建档立卡 status as of
 * 2017 (taihang-facts.md: 53 in Sanggang).
 */
export interface HouseholdRecord {
  id: string;
  villageId: string;
  code: string;
  headNameZh: string;
  headNameEn: string;
  headSex: "FEMALE" | "MALE";
  headAgeBand: AgeBand;
  /** People living in the household. */
  size: number;
  registeredPoor: boolean;
  /** Year of registration (建档立卡), when `registeredPoor`. */
  registeredPoorSince: number | null;
  /** Shown to consumers only with PUBLIC_PROFILE consent. */
  publicDisplayNameZh: string | null;
  storyZh: string | null;
  storyEn: string | null;
  createdAt: Date;
}

/** One livelihood resource holding of a household: counts of animals, trees, hives; land in mu (one decimal). */
export interface LivelihoodResourceRecord {
  id: string;
  householdId: string;
  kind: ResourceKind;
  quantity: number;
  unit: "head" | "tree" | "hive" | "mu";
  recordedOn: string;
}

/** A cause of poverty of a registered-poor household (sensitive: health and disability). */
export interface PovertyCauseRecord {
  id: string;
  householdId: string;
  cause: PovertyCause;
}

/**
 * A consent given by a household (PIPL): GENERAL to be on the register and trade, PUBLIC_PROFILE
 * to show a display name and story to consumers, SENSITIVE for health/disability data.
 */
export interface ConsentRecord {
  id: string;
  householdId: string;
  kind: "GENERAL" | "PUBLIC_PROFILE" | "SENSITIVE";
  grantedAt: Date;
  withdrawnAt: Date | null;
}

/** Membership of a household in a producer group: ACTIVE, or LEFT with its history kept. */
export interface MembershipRecord {
  id: string;
  householdId: string;
  producerGroupId: string;
  state: "ACTIVE" | "LEFT";
  /** Business days, Asia/Shanghai. */
  joinedOn: string;
  leftOn: string | null;
  /** Whether the household was one of the group's founders. */
  founder: boolean;
}

/** The register of one village with everything attached to its households. */
export interface VillageRegister {
  households: HouseholdRecord[];
  resources: LivelihoodResourceRecord[];
  causes: PovertyCauseRecord[];
  consents: ConsentRecord[];
  memberships: MembershipRecord[];
}

const CAUSES: readonly { cause: PovertyCause; weight: number }[] = [
  { cause: "ILLNESS", weight: 35 },
  { cause: "DISABILITY", weight: 15 },
  { cause: "LACK_OF_LABOUR", weight: 25 },
  { cause: "EDUCATION_COSTS", weight: 12 },
  { cause: "LACK_OF_SKILLS", weight: 8 },
  { cause: "LACK_OF_LAND", weight: 5 },
];

function dateBetween(random: DemoRandom, from: string, to: string): string {
  return dateOfDayNumber(random.int(dayNumber(from), dayNumber(to)));
}

function ageBand(random: DemoRandom): AgeBand {
  const x = random.float();
  if (x < 0.08) return "30-44";
  if (x < 0.33) return "45-59";
  if (x < 0.68) return "60-69";
  return "70+";
}

function story(
  name: { zh: string; en: string },
  hens: number,
  land: number,
  random: DemoRandom,
): { zh: string; en: string } {
  const first = random.pick([
    {
      zh: `${name.zh}家的${hens}只柴鸡白天在核桃树下散养，吃自家种的玉米和菜叶。`,
      en: `${name.en}'s ${hens} hens roam under the walnut trees by day and eat home-grown maize and greens.`,
    },
    {
      zh: `孩子们在城里打工，${name.zh}在家种着${land}亩坡地，养鸡喂猪。`,
      en: `The children work in the city; ${name.en} farms ${land} mu of hillside at home and keeps hens and a pig.`,
    },
    {
      zh: `${name.zh}说，每月从市场拿到的钱就像一份“工资”，心里踏实。`,
      en: `${name.en} says the money from the market each month feels like a "salary" and gives peace of mind.`,
    },
  ]);
  const second = random.pick([
    { zh: "欢迎来村里看看。", en: "You are welcome to visit the village." },
    { zh: "鸡蛋每一枚都在灯下照过。", en: "Every egg is candled before it leaves." },
    {
      zh: "去年秋天有城里的孩子来帮着捡过核桃。",
      en: "Last autumn children from the city came to help gather walnuts.",
    },
  ]);
  return { zh: first.zh + second.zh, en: `${first.en} ${second.en}` };
}

/**
 * Builds the register of one village: `householdCount` households with codes `KEY-001`…, exactly
 * `registeredPoorCount` of them registered poor, and producer-group memberships following the
 * profile's member plan (joins after `today` are dropped, leaves after `today` not yet happened).
 */
export function buildVillageRegister(
  profile: MarketProfile,
  village: VillageRecord,
  group: ProducerGroupRecord,
  today: string,
  random: DemoRandom,
): VillageRegister {
  const register: VillageRegister = {
    households: [],
    resources: [],
    causes: [],
    consents: [],
    memberships: [],
  };
  const count = profile.village.householdCount;
  const poorIndexes = new Set(
    random
      .shuffled(Array.from({ length: count }, (_, i) => i))
      .slice(0, profile.village.registeredPoorCount),
  );
  const registeredOn = `${profile.firstDataYear}-11-20`;

  for (let i = 0; i < count; i++) {
    const poor = poorIndexes.has(i);
    const female = random.chance(0.55);
    const surname = random.pick(SURNAMES);
    const given = random.pick(female ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE);
    const band = ageBand(random);
    const older = band === "60-69" || band === "70+";
    register.households.push({
      id: random.uuid(),
      villageId: village.id,
      code: `${profile.key}-${String(i + 1).padStart(3, "0")}`,
      headNameZh: surname.zh + given.zh,
      headNameEn: `${surname.en} ${given.en}`,
      headSex: female ? "FEMALE" : "MALE",
      headAgeBand: band,
      size: older ? random.int(1, poor ? 3 : 4) : random.int(2, poor ? 5 : 6),
      registeredPoor: poor,
      registeredPoorSince: poor ? profile.firstDataYear : null,
      publicDisplayNameZh: null,
      storyZh: null,
      storyEn: null,
      createdAt: atShanghaiTime(registeredOn, 9, random.int(0, 59)),
    });
  }

  // Memberships: each plan step takes the next unused poor or non-poor households.
  const poorQueue = random.shuffled(register.households.filter((h) => h.registeredPoor));
  const otherQueue = random.shuffled(register.households.filter((h) => !h.registeredPoor));
  const members = new Set<string>();
  profile.members.forEach((step, stepIndex) => {
    for (let k = 0; k < step.count; k++) {
      const household = (step.poor ? poorQueue : otherQueue).shift();
      if (!household) throw new Error(`${profile.key}: member plan needs more households`);
      const joinedOn = dateBetween(random, step.joinFrom, step.joinTo);
      const leave =
        step.leaveFrom && step.leaveTo ? dateBetween(random, step.leaveFrom, step.leaveTo) : null;
      if (joinedOn > today) continue;
      const leftOn = leave !== null && leave <= today ? leave : null;
      register.memberships.push({
        id: random.uuid(),
        householdId: household.id,
        producerGroupId: group.id,
        state: leftOn ? "LEFT" : "ACTIVE",
        joinedOn,
        leftOn,
        founder: stepIndex === 0,
      });
      members.add(household.id);
    }
  });
  register.memberships.sort((a, b) =>
    a.joinedOn < b.joinedOn ? -1 : a.joinedOn > b.joinedOn ? 1 : 0,
  );

  // Resources, causes and consents.
  const joinedOnOf = new Map(register.memberships.map((m) => [m.householdId, m.joinedOn]));
  for (const household of register.households) {
    const member = members.has(household.id);
    const add = (kind: ResourceKind, quantity: number, unit: LivelihoodResourceRecord["unit"]) => {
      if (quantity > 0) {
        register.resources.push({
          id: random.uuid(),
          householdId: household.id,
          kind,
          quantity,
          unit,
          recordedOn: registeredOn,
        });
      }
    };
    const hens = member ? random.int(10, 60) : random.int(0, 20);
    const land = Math.round(random.between(0.5, member ? 5 : 4) * 10) / 10;
    add("HENS", hens, "head");
    add("LAND_MU", land, "mu");
    add("PIGS", random.chance(member ? 0.5 : 0.3) ? random.int(1, 3) : 0, "head");
    add("WALNUT_TREES", random.chance(0.6) ? random.int(3, 40) : 0, "tree");
    add("CHESTNUT_TREES", random.chance(0.4) ? random.int(3, 30) : 0, "tree");
    add("DUCKS", random.chance(0.15) ? random.int(4, 15) : 0, "head");
    add("GEESE", random.chance(0.12) ? random.int(3, 8) : 0, "head");
    add("BEEHIVES", random.chance(0.12) ? random.int(2, 10) : 0, "hive");

    if (household.registeredPoor) {
      const first = random.weighted(CAUSES, (c) => c.weight).cause;
      register.causes.push({ id: random.uuid(), householdId: household.id, cause: first });
      if (random.chance(0.35)) {
        const second = random.weighted(CAUSES, (c) => c.weight).cause;
        if (second !== first)
          register.causes.push({ id: random.uuid(), householdId: household.id, cause: second });
      }
    }
    register.consents.push({
      id: random.uuid(),
      householdId: household.id,
      kind: "GENERAL",
      grantedAt: household.createdAt,
      withdrawnAt: null,
    });
    const joinedOn = joinedOnOf.get(household.id);
    const sensitive = register.causes.some(
      (c) => c.householdId === household.id && (c.cause === "ILLNESS" || c.cause === "DISABILITY"),
    );
    if (sensitive) {
      register.consents.push({
        id: random.uuid(),
        householdId: household.id,
        kind: "SENSITIVE",
        grantedAt: household.createdAt,
        withdrawnAt: null,
      });
    }
    if (joinedOn !== undefined && random.chance(0.35)) {
      const display = {
        zh: `${household.headNameZh.charAt(0)}${household.headSex === "FEMALE" ? "大娘" : "大爷"}`,
        en: household.headNameEn.split(" ")[0] ?? "",
      };
      const text = story({ zh: display.zh, en: `Grandma ${display.en}` }, hens, land, random);
      if (household.headSex === "MALE") text.en = text.en.replace("Grandma", "Grandpa");
      household.publicDisplayNameZh = display.zh;
      household.storyZh = text.zh;
      household.storyEn = text.en;
      register.consents.push({
        id: random.uuid(),
        householdId: household.id,
        kind: "PUBLIC_PROFILE",
        grantedAt: atShanghaiTime(joinedOn, 15),
        withdrawnAt: null,
      });
    }
  }
  return register;
}
