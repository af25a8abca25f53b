import type { ResourceKind } from "./catalog";
import { atShanghaiTime, dateOfDayNumber, dayNumber } from "./calendar";
import type { MarketProfile } from "./market-profiles";
import { GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, SURNAMES } from "./names";
import type { DemoRandom } from "./random";
import type { ProducerGroupRecord, VillageRecord } from "./villages";

/** Age band of a household head, years (the register's bands). */
export type AgeBand = "UNDER_40" | "40_49" | "50_59" | "60_69" | "70_PLUS";

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
  headSex: "F" | "M";
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
  kind: "GENERAL" | "PUBLIC_PROFILE" | "SENSITIVE_DATA";
  /** Business day the consent was given. */
  grantedOn: string;
  method: "WRITTEN" | "THUMBPRINT" | "VERBAL_WITNESSED";
  withdrawnOn: string | null;
  /** The staff member who took it. */
  recordedByUserId: string;
}

/** A person of a household (household_members): relation to the head, sex, birth year. */
export interface HouseholdPersonRecord {
  id: string;
  householdId: string;
  relation: "HEAD" | "SPOUSE" | "CHILD" | "GRANDCHILD";
  sex: "F" | "M";
  birthYear: number;
  /** Sensitive (PIPL); set for heads of households registered poor because of illness. */
  healthNote: string | null;
  disability: string | null;
  /** Works away from the village most of the year (外出务工): most working-age children. */
  migrantWorker: boolean;
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
  people: HouseholdPersonRecord[];
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
  if (x < 0.05) return "UNDER_40";
  if (x < 0.15) return "40_49";
  if (x < 0.35) return "50_59";
  if (x < 0.68) return "60_69";
  return "70_PLUS";
}

const BAND_BIRTH: Record<AgeBand, readonly [number, number]> = {
  UNDER_40: [1978, 1985],
  "40_49": [1966, 1975],
  "50_59": [1956, 1965],
  "60_69": [1946, 1955],
  "70_PLUS": [1932, 1945],
};

/** The people of a household: the head, often a spouse, children (mostly away) or grandchildren. */
function peopleOf(
  household: HouseholdRecord,
  causes: readonly PovertyCause[],
  random: DemoRandom,
): HouseholdPersonRecord[] {
  const [from, to] = BAND_BIRTH[household.headAgeBand];
  const headBorn = random.int(from, to);
  const person = (
    relation: HouseholdPersonRecord["relation"],
    sex: "F" | "M",
    birthYear: number,
    migrantWorker = false,
  ): HouseholdPersonRecord => ({
    id: random.uuid(),
    householdId: household.id,
    relation,
    sex,
    birthYear,
    healthNote: null,
    disability: null,
    migrantWorker,
  });
  const head = person("HEAD", household.headSex, headBorn);
  if (causes.includes("ILLNESS")) {
    head.healthNote = random.pick(["慢性病（高血压）", "长期服药（关节炎）", "术后恢复期"]);
  }
  if (causes.includes("DISABILITY"))
    head.disability = random.pick(["肢体残疾（腿脚不便）", "视力残疾"]);
  const people = [head];
  if (household.size >= 2 && random.chance(0.7)) {
    people.push(
      person("SPOUSE", household.headSex === "F" ? "M" : "F", headBorn + random.int(-4, 4)),
    );
  }
  while (people.length < household.size) {
    const child = headBorn + random.int(22, 32);
    if (child < 2004 && random.chance(0.6)) {
      people.push(person("CHILD", random.chance(0.5) ? "F" : "M", child, random.chance(0.75)));
    } else {
      const born = Math.min(2022, headBorn + random.int(45, 60));
      people.push(person("GRANDCHILD", random.chance(0.5) ? "F" : "M", born));
    }
  }
  return people;
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
  recordedByUserId: string,
  random: DemoRandom,
): VillageRegister {
  const register: VillageRegister = {
    households: [],
    people: [],
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
    const older = band === "60_69" || band === "70_PLUS";
    register.households.push({
      id: random.uuid(),
      villageId: village.id,
      code: `${profile.key}-${String(i + 1).padStart(3, "0")}`,
      headNameZh: surname.zh + given.zh,
      headNameEn: `${surname.en} ${given.en}`,
      headSex: female ? "F" : "M",
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

  // People, resources, causes and consents.
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

    const causes: PovertyCause[] = [];
    if (household.registeredPoor) {
      causes.push(random.weighted(CAUSES, (c) => c.weight).cause);
      if (random.chance(0.35)) {
        const second = random.weighted(CAUSES, (c) => c.weight).cause;
        if (!causes.includes(second)) causes.push(second);
      }
    }
    for (const cause of causes) {
      register.causes.push({ id: random.uuid(), householdId: household.id, cause });
    }
    register.people.push(...peopleOf(household, causes, random));

    const method = (): ConsentRecord["method"] =>
      random.pick<ConsentRecord["method"]>([
        "WRITTEN",
        "WRITTEN",
        "THUMBPRINT",
        "VERBAL_WITNESSED",
      ]);
    const consent = (kind: ConsentRecord["kind"], grantedOn: string): ConsentRecord => ({
      id: random.uuid(),
      householdId: household.id,
      kind,
      grantedOn,
      method: method(),
      withdrawnOn: null,
      recordedByUserId,
    });
    register.consents.push(consent("GENERAL", registeredOn));
    // Causes of poverty (health, disability) are sensitive data: a separate consent.
    if (causes.length > 0) register.consents.push(consent("SENSITIVE_DATA", registeredOn));
    const joinedOn = joinedOnOf.get(household.id);
    if (joinedOn !== undefined && random.chance(0.35)) {
      const title =
        household.headSex === "F" ? { zh: "大娘", en: "Grandma" } : { zh: "大爷", en: "Grandpa" };
      const display = {
        zh: `${household.headNameZh.charAt(0)}${title.zh}`,
        en: `${title.en} ${household.headNameEn.split(" ")[0] ?? ""}`,
      };
      const text = story(display, hens, land, random);
      household.publicDisplayNameZh = display.zh;
      household.storyZh = text.zh;
      household.storyEn = text.en;
      register.consents.push(consent("PUBLIC_PROFILE", joinedOn));
    }
  }
  return register;
}
