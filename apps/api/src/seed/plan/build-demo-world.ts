import {
  PRODUCT_SPECS,
  VARIANT_SPECS,
  priceVariantYear,
  type ProductRecord,
  type ProductVariantRecord,
  type ReferencePriceRecord,
  type ResourceKind,
  type VariantYearPrices,
} from "./catalog";
import { shanghaiDate, shanghaiFields, shanghaiInstant } from "./calendar";
import {
  buildConsumerSide,
  type ConsumerCounter,
  type ConsumerGroupRecord,
  type ConsumerHouseholdRecord,
  type InvitationRecord,
  type PickupPointRecord,
} from "./consumers";
import {
  buildVillageRegister,
  type ConsentRecord,
  type HouseholdPersonRecord,
  type HouseholdRecord,
  type LivelihoodResourceRecord,
  type MembershipRecord,
  type PovertyCauseRecord,
} from "./households";
import { buildHouseholdYears, planIncomeBases, type HouseholdYearRecord } from "./incomes";
import type { CatalogEntry, MarketContext } from "./market-context";
import { BAOSHI, SANGGANG, extraMarketProfile, type MarketProfile } from "./market-profiles";
import { DemoRandom } from "./random";
import { buildFeeRules } from "./settlements";
import { emptyTrade, simulateMarket, type TradeRecords } from "./trade";
import type { FeeRuleRecord } from "./trade-types";
import { buildTrustEvents, type TrustEventAttendanceRecord, type TrustEventRecord } from "./trust";
import {
  DEMO_EMAIL_DOMAIN,
  DEMO_PASSWORD,
  MobileNumbers,
  buildStaff,
  type DemoSignIn,
  type PartnerAccessRecord,
  type PartnerOrganisationRecord,
  type StaffAssignmentRecord,
  type UserRecord,
} from "./users";
import { buildVillageAndGroup, type ProducerGroupRecord, type VillageRecord } from "./villages";

/** Inputs of the demo world. */
export interface DemoWorldOptions {
  /** The present: the current month's cycle (Asia/Shanghai) is OPEN around it. */
  now: Date;
  /** Integer ≥ 1: each step adds one more invented market with its households, consumers and earlier history. */
  scale: number;
  /** PRNG seed; the default gives the documented demo. */
  seed?: number;
}

/**
 * The Taihang demo world as plain records, in foreign-key order (parents before children), ready
 * to be written to a migrated database. Money in integer fen, weights in grams, incomes in
 * yuan/person/year; instants are `Date`s, business days `YYYY-MM-DD` in Asia/Shanghai.
 * `ProducerGroupRecord.leaderHouseholdId` points at a household: insert groups without it,
 * then set it once households exist.
 */
export interface DemoWorld extends TradeRecords {
  now: Date;
  scale: number;
  seed: number;
  /** Demo sign-ins and their passwords, for people. */
  signIns: DemoSignIn[];
  partnerOrganisations: PartnerOrganisationRecord[];
  users: UserRecord[];
  villages: VillageRecord[];
  producerGroups: ProducerGroupRecord[];
  staffAssignments: StaffAssignmentRecord[];
  partnerAccess: PartnerAccessRecord[];
  households: HouseholdRecord[];
  householdPeople: HouseholdPersonRecord[];
  livelihoodResources: LivelihoodResourceRecord[];
  povertyCauses: PovertyCauseRecord[];
  consents: ConsentRecord[];
  memberships: MembershipRecord[];
  householdYears: HouseholdYearRecord[];
  products: ProductRecord[];
  productVariants: ProductVariantRecord[];
  referencePrices: ReferencePriceRecord[];
  feeRules: FeeRuleRecord[];
  consumerGroups: ConsumerGroupRecord[];
  pickupPoints: PickupPointRecord[];
  consumerHouseholds: ConsumerHouseholdRecord[];
  invitations: InvitationRecord[];
  trustEvents: TrustEventRecord[];
  trustEventAttendance: TrustEventAttendanceRecord[];
}

/** The default seed: the month the Sanggang trial began trading. */
export const DEFAULT_DEMO_SEED = 20110401;

const SALE_UNIT: Readonly<Record<string, ProductVariantRecord["unit"]>> = {
  jin: "JIN",
  box: "BOX",
  bird: "BIRD",
  bag: "BAG",
  jar: "JAR",
};

function buildCatalog(random: DemoRandom): CatalogEntry[] {
  const products = new Map<string, ProductRecord>();
  for (const spec of PRODUCT_SPECS)
    products.set(spec.code, { id: random.uuid(), ...spec, seasonMonths: [...spec.seasonMonths] });
  return VARIANT_SPECS.map((spec) => {
    const product = products.get(spec.productCode);
    if (!product) throw new Error(`variant ${spec.code} has no product`);
    return {
      spec,
      product,
      variant: {
        id: random.uuid(),
        productId: product.id,
        code: spec.code,
        nameZh: spec.nameZh,
        nameEn: spec.nameEn,
        unitZh: spec.unitZh,
        unitEn: spec.unitEn,
        unit: SALE_UNIT[spec.unitEn] ?? "JIN",
        gramsPerUnit: spec.gramsPerUnit,
        maxPerOrder: spec.orderQuantity[1] * 2,
      },
    };
  });
}

/**
 * Builds the deterministic Taihang demo world: the same `now`, `scale` and `seed` give the same
 * records byte for byte. At every scale, Sanggang and Baoshi carry the published figures of
 * taihang-facts.md (183 households, 53 registered poor; 76 participating at the end of 2017, 46
 * of them poor; Baoshi's 12 poor founders; 9 + 3 pickup points; more than 400 and about 100
 * consumer households); `scale` − 1 invented markets come on top.
 */
export function buildDemoWorld(options: DemoWorldOptions): DemoWorld {
  const { now } = options;
  const scale = Math.max(1, Math.floor(options.scale));
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const root = new DemoRandom(seed);
  const today = shanghaiDate(now);
  const currentYear = shanghaiFields(now).year;
  const profiles: MarketProfile[] = [SANGGANG, BAOSHI];
  for (let k = 1; k < scale; k++) profiles.push(extraMarketProfile(k));
  const earliestYear = Math.min(...profiles.map((p) => p.firstDataYear));

  const phones = new MobileNumbers();
  const staff = buildStaff(shanghaiInstant(earliestYear, 11, 1, 9), phones, root.fork("staff"));
  const catalog = buildCatalog(root.fork("catalog"));
  const world: DemoWorld = {
    now,
    scale,
    seed,
    signIns: [
      {
        email: staff.admin.email,
        role: "ADMIN",
        password: DEMO_PASSWORD,
        what: "administrator of every producer group",
      },
      {
        email: staff.fieldWorker.email,
        role: "STAFF",
        password: DEMO_PASSWORD,
        what: "field worker for every producer group",
      },
      {
        email: staff.finance.email,
        role: "FINANCE",
        password: DEMO_PASSWORD,
        what: "finance for every producer group (settlements, payouts)",
      },
      {
        email: staff.partnerUser.email,
        role: "PARTNER",
        password: DEMO_PASSWORD,
        what: "partner NGO user (aggregates only)",
      },
    ],
    partnerOrganisations: [staff.partner],
    users: [...staff.users],
    villages: [],
    producerGroups: [],
    staffAssignments: [],
    partnerAccess: [],
    households: [],
    householdPeople: [],
    livelihoodResources: [],
    povertyCauses: [],
    consents: [],
    memberships: [],
    householdYears: [],
    products: [...new Map(catalog.map((e) => [e.product.id, e.product])).values()],
    productVariants: catalog.map((e) => e.variant),
    referencePrices: [],
    feeRules: [],
    consumerGroups: [],
    pickupPoints: [],
    consumerHouseholds: [],
    invitations: [],
    ...emptyTrade(),
    trustEvents: [],
    trustEventAttendance: [],
  };
  const counter: ConsumerCounter = { next: 0 };

  // Prices per township market, variant and year: one draw each, independent of scale.
  const priceMemo = new Map<string, VariantYearPrices>();
  const priceFor = (market: string, code: string, year: number): VariantYearPrices => {
    const key = `${market}/${code}/${year}`;
    let prices = priceMemo.get(key);
    if (!prices) {
      const spec = catalog.find((e) => e.spec.code === code)?.spec;
      if (!spec) throw new Error(`unknown variant ${code}`);
      prices = priceVariantYear(spec, year, DemoRandom.derive(seed, `price/${key}`));
      priceMemo.set(key, prices);
    }
    return prices;
  };
  const marketStart = new Map<string, number>();
  for (const p of profiles) {
    const market = `${p.village.townshipZh}集市`;
    marketStart.set(market, Math.min(marketStart.get(market) ?? 9999, p.group.firstCycle.year));
  }
  const referenceRandom = root.fork("reference-prices");
  for (const [market, startYear] of marketStart) {
    for (let year = startYear; year <= currentYear; year++) {
      for (const entry of catalog) {
        world.referencePrices.push({
          id: referenceRandom.uuid(),
          variantId: entry.variant.id,
          year,
          observedOn: `${year}-06-15`,
          priceFen: priceFor(market, entry.spec.code, year).referencePriceFen,
          market,
          source: "项目人员集市调查（示例数据）",
        });
      }
    }
  }

  for (const profile of profiles) {
    const random = root.fork(profile.key);
    const { village, group } = buildVillageAndGroup(profile, random);
    const register = buildVillageRegister(
      profile,
      village,
      group,
      today,
      staff.fieldWorker.id,
      random.fork("register"),
    );
    const founder = register.memberships.find((m) => m.founder);
    group.leaderHouseholdId = founder?.householdId ?? null;
    const leaderHousehold = register.households.find((h) => h.id === founder?.householdId);
    const leader: UserRecord = {
      id: random.uuid(),
      email: `leader-${profile.key.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`,
      phone: phones.next(random),
      displayName: `${leaderHousehold?.headNameZh ?? profile.village.nameZh}（组长）`,
      role: "STAFF",
      locale: "zh-CN",
      demoPassword: DEMO_PASSWORD,
      partnerOrganisationId: null,
      createdAt: group.createdAt,
    };
    world.signIns.push({
      email: leader.email,
      role: "STAFF",
      password: DEMO_PASSWORD,
      what: `group leader of ${profile.group.nameEn} only`,
    });
    world.users.push(leader);
    world.villages.push(village);
    world.producerGroups.push(group);
    for (const user of [staff.admin, staff.fieldWorker, staff.finance, leader]) {
      world.staffAssignments.push({
        id: random.uuid(),
        userId: user.id,
        producerGroupId: group.id,
        since: group.createdAt,
      });
    }
    world.partnerAccess.push({
      id: random.uuid(),
      partnerOrganisationId: staff.partner.id,
      producerGroupId: group.id,
      grantedAt: group.createdAt,
    });

    const bases = planIncomeBases(
      register.households,
      profile.firstDataYear,
      random.fork("income-bases"),
    );
    const consumers = buildConsumerSide(
      profile,
      group,
      staff.fieldWorker.id,
      today,
      counter,
      phones,
      random.fork("consumers"),
    );
    const feeRules = buildFeeRules(group, random.fork("fees"));

    const market = `${profile.village.townshipZh}集市`;
    const resources = new Map<string, Map<ResourceKind, number>>();
    for (const r of register.resources) {
      const held = resources.get(r.householdId) ?? new Map<ResourceKind, number>();
      held.set(r.kind, r.quantity);
      resources.set(r.householdId, held);
    }
    const selfRunFrom = profile.group.firstCycle.year + 1;
    const ctx: MarketContext = {
      key: profile.key,
      group,
      firstYear: profile.group.firstCycle.year,
      households: new Map(register.households.map((h) => [h.id, h])),
      memberships: register.memberships,
      resources,
      bases,
      catalog,
      prices: (code, year) => priceFor(market, code, year),
      consumers: consumers.consumerHouseholds,
      feeRules,
      checkerUserId: (year) => (year >= selfRunFrom ? leader.id : staff.fieldWorker.id),
      approverUserId: staff.finance.id,
      fieldWorkerUserId: staff.fieldWorker.id,
      now,
    };
    const { trade, marketFen } = simulateMarket(
      ctx,
      profile.group.firstCycle,
      random.fork("trade"),
    );
    const poorMembers = new Set(
      register.memberships
        .filter((m) => bases.get(m.householdId)?.registeredPoor)
        .map((m) => m.householdId),
    );
    const years = buildHouseholdYears(
      register.households,
      bases,
      marketFen,
      poorMembers,
      currentYear,
      random.fork("incomes"),
    );
    const trust = buildTrustEvents(
      group,
      profile.group.firstCycle.year,
      consumers.consumerHouseholds,
      register.memberships,
      now,
      random.fork("trust"),
    );

    world.households.push(...register.households);
    world.householdPeople.push(...register.people);
    world.livelihoodResources.push(...register.resources);
    world.povertyCauses.push(...register.causes);
    world.consents.push(...register.consents);
    world.memberships.push(...register.memberships);
    world.householdYears.push(...years);
    world.feeRules.push(...feeRules);
    world.users.push(...consumers.users);
    world.consumerGroups.push(...consumers.consumerGroups);
    world.pickupPoints.push(...consumers.pickupPoints);
    world.consumerHouseholds.push(...consumers.consumerHouseholds);
    world.invitations.push(...consumers.invitations);
    for (const key of Object.keys(trade) as (keyof TradeRecords)[]) {
      (world[key] as unknown[]).push(...trade[key]);
    }
    world.trustEvents.push(...trust.events);
    world.trustEventAttendance.push(...trust.attendance);
  }
  world.signIns.push({
    email: `c0001@${DEMO_EMAIL_DOMAIN}`,
    role: "CONSUMER",
    password: DEMO_PASSWORD,
    what: "a Sanggang consumer household (any cNNNN works)",
  });
  return world;
}

/** Rows per table of a world, for progress bars and reports. */
export function countRows(world: DemoWorld): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [key, value] of Object.entries(world)) {
    if (Array.isArray(value) && key !== "signIns") counts[key] = value.length;
  }
  return counts;
}
