import type { ObjectLiteral } from "typeorm";
import { Product } from "../modules/catalog/product.entity";
import { ReferencePrice } from "../modules/catalog/reference-price.entity";
import { Variant } from "../modules/catalog/variant.entity";
import { ConsumerGroup } from "../modules/consumer/consumer-group.entity";
import { ConsumerHousehold } from "../modules/consumer/consumer-household.entity";
import { Invitation } from "../modules/consumer/invitation.entity";
import { PickupPoint } from "../modules/consumer/pickup-point.entity";
import { ConsentRecord } from "../modules/household/consent-record.entity";
import { HouseholdMember } from "../modules/household/household-member.entity";
import { HouseholdYear } from "../modules/household/household-year.entity";
import { Household, type LivelihoodResources } from "../modules/household/household.entity";
import { ProducerGroup } from "../modules/household/producer-group.entity";
import { Village } from "../modules/household/village.entity";
import { UserProducerGroup } from "../modules/identity/user-producer-group.entity";
import { User } from "../modules/identity/user.entity";
import { PartnerOrganisationGroup } from "../modules/partner/partner-organisation-group.entity";
import { PartnerOrganisation } from "../modules/partner/partner-organisation.entity";
import { FeeRule } from "../modules/settlement/fee-rule.entity";
import type { DemoWorld } from "./plan/build-demo-world";
import { atShanghaiTime } from "./plan/calendar";
import type { LivelihoodResourceRecord } from "./plan/households";
import { table, type TableRows } from "./table-rows";
import { tradeTables } from "./trade-tables";

/** Household livelihood resources as the register's JSON (ducks and geese kept as extra keys). */
function resourcesJson(records: readonly LivelihoodResourceRecord[]): LivelihoodResources {
  const json: Record<string, number> = {};
  const key: Record<LivelihoodResourceRecord["kind"], string> = {
    HENS: "hens",
    PIGS: "pigs",
    WALNUT_TREES: "walnutTrees",
    CHESTNUT_TREES: "chestnutTrees",
    BEEHIVES: "beehives",
    LAND_MU: "landMu",
    DUCKS: "ducks",
    GEESE: "geese",
  };
  for (const r of records) json[key[r.kind]] = r.quantity;
  return json;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * Maps a world onto the tables of the committed schema, parents before children (foreign-key
 * order). `passwordHashes` holds the argon2id hash of each distinct demo password.
 */
export function worldTables(
  world: DemoWorld,
  passwordHashes: ReadonlyMap<string, string>,
): TableRows<ObjectLiteral>[] {
  const catalogCreatedAt = world.villages[0]?.createdAt ?? world.now;
  const membershipOf = new Map(world.memberships.map((m) => [m.householdId, m]));
  const resourcesOf = groupBy(world.livelihoodResources, (r) => r.householdId);
  const causesOf = groupBy(world.povertyCauses, (c) => c.householdId);
  const householdsOf = groupBy(world.households, (h) => h.villageId);
  const firstPointOf = new Map<string, string>();
  for (const p of world.pickupPoints) {
    if (!firstPointOf.has(p.consumerGroupId)) firstPointOf.set(p.consumerGroupId, p.id);
  }

  const hash = (password: string): string => {
    const found = passwordHashes.get(password);
    if (!found) throw new Error("a demo password was not hashed");
    return found;
  };

  return [
    table(
      "partner_organisations",
      PartnerOrganisation,
      world.partnerOrganisations.map((p) => ({
        id: p.id,
        name: p.nameZh,
        suppressionK: 5,
        createdAt: p.createdAt,
      })),
    ),
    table(
      "users",
      User,
      world.users.map((u) => ({
        id: u.id,
        email: u.email,
        phone: u.phone,
        passwordHash: hash(u.demoPassword),
        role: u.role,
        displayName: u.displayName,
        locale: u.locale,
        partnerOrganisationId: u.partnerOrganisationId,
        createdAt: u.createdAt,
        updatedAt: u.createdAt,
      })),
    ),
    table(
      "products",
      Product,
      world.products.map((p) => ({
        id: p.id,
        nameZh: p.nameZh,
        nameEn: p.nameEn,
        category: p.category,
        seasonMonths: p.seasonMonths,
        createdAt: catalogCreatedAt,
        updatedAt: catalogCreatedAt,
      })),
    ),
    table(
      "variants",
      Variant,
      world.productVariants.map((v) => ({
        id: v.id,
        productId: v.productId,
        nameZh: v.nameZh,
        nameEn: v.nameEn,
        unit: v.unit,
        grams: v.gramsPerUnit,
        maxPerOrder: v.maxPerOrder,
        createdAt: catalogCreatedAt,
        updatedAt: catalogCreatedAt,
      })),
    ),
    table(
      "reference_prices",
      ReferencePrice,
      world.referencePrices.map((r) => ({
        id: r.id,
        variantId: r.variantId,
        market: r.market,
        observedOn: r.observedOn,
        priceFen: r.priceFen,
        source: r.source,
        createdAt: atShanghaiTime(r.observedOn, 12),
      })),
    ),
    table(
      "villages",
      Village,
      world.villages.map((v) => ({
        id: v.id,
        nameZh: v.nameZh,
        nameEn: v.nameEn,
        township: v.townshipZh,
        county: v.countyZh,
        province: v.provinceZh,
        householdsTotal: householdsOf.get(v.id)?.length ?? 0,
        createdAt: v.createdAt,
      })),
    ),
    table(
      "producer_groups",
      ProducerGroup,
      world.producerGroups.map((g) => ({
        id: g.id,
        villageId: g.villageId,
        nameZh: g.nameZh,
        nameEn: g.nameEn,
        foundedOn: g.foundedOn,
        createdAt: g.createdAt,
      })),
    ),
    table(
      "user_producer_groups",
      UserProducerGroup,
      world.staffAssignments.map((a) => ({
        userId: a.userId,
        producerGroupId: a.producerGroupId,
        createdAt: a.since,
      })),
    ),
    table(
      "partner_organisation_groups",
      PartnerOrganisationGroup,
      world.partnerAccess.map((a) => ({
        partnerOrganisationId: a.partnerOrganisationId,
        producerGroupId: a.producerGroupId,
        createdAt: a.grantedAt,
      })),
    ),
    table(
      "households",
      Household,
      world.households.map((h) => {
        const m = membershipOf.get(h.id);
        return {
          id: h.id,
          producerGroupId: m?.producerGroupId ?? null,
          villageId: h.villageId,
          code: h.code,
          headName: h.headNameZh,
          headSex: h.headSex,
          headAgeBand: h.headAgeBand,
          size: h.size,
          registeredPoor: h.registeredPoor,
          membershipState: m?.state ?? null,
          joinedOn: m?.joinedOn ?? null,
          leftOn: m?.leftOn ?? null,
          displayName: h.publicDisplayNameZh,
          storyZh: h.storyZh,
          storyEn: h.storyEn,
          livelihoodResources: resourcesJson(resourcesOf.get(h.id) ?? []),
          causesOfPoverty: (causesOf.get(h.id) ?? []).map((c) => c.cause),
          createdAt: h.createdAt,
          updatedAt: h.createdAt,
        };
      }),
    ),
    table(
      "household_members",
      HouseholdMember,
      world.householdPeople.map((p) => ({
        id: p.id,
        householdId: p.householdId,
        relation: p.relation,
        sex: p.sex,
        birthYear: p.birthYear,
        healthNote: p.healthNote,
        disability: p.disability,
        migrantWorker: p.migrantWorker,
      })),
    ),
    table(
      "household_years",
      HouseholdYear,
      world.householdYears.map((y) => ({
        id: y.id,
        householdId: y.householdId,
        year: y.year,
        povertyStatus: y.povertyStatus,
        perCapitaNetIncomeYuan: y.perCapitaNetIncomeYuan,
      })),
    ),
    table(
      "consent_records",
      ConsentRecord,
      world.consents.map((c) => ({
        id: c.id,
        householdId: c.householdId,
        kind: c.kind,
        grantedOn: c.grantedOn,
        method: c.method,
        withdrawnOn: c.withdrawnOn,
        recordedByUserId: c.recordedByUserId,
        createdAt: atShanghaiTime(c.grantedOn, 10),
      })),
    ),
    table(
      "pickup_points",
      PickupPoint,
      world.pickupPoints.map((p) => ({
        id: p.id,
        producerGroupId: p.producerGroupId,
        nameZh: p.nameZh,
        nameEn: p.nameEn,
        city: p.city,
        address: p.addressZh,
        pickupHours: p.hoursZh,
        createdAt: atShanghaiTime(p.openedOn, 9),
        updatedAt: atShanghaiTime(p.openedOn, 9),
      })),
    ),
    table(
      "consumer_groups",
      ConsumerGroup,
      world.consumerGroups.map((g) => ({
        id: g.id,
        producerGroupId: g.producerGroupId,
        name: g.nameZh,
        defaultPickupPointId: firstPointOf.get(g.id) ?? null,
        createdAt: atShanghaiTime(g.startedOn, 9),
      })),
    ),
    table(
      "consumer_households",
      ConsumerHousehold,
      world.consumerHouseholds.map((c) => ({
        id: c.id,
        producerGroupId: c.producerGroupId,
        consumerGroupId: c.consumerGroupId,
        userId: c.userId,
        displayName: c.displayNameZh,
        defaultPickupPointId: c.pickupPointId,
        invitedByConsumerHouseholdId: c.invitedByConsumerHouseholdId,
        joinedAt: c.joinedAt,
      })),
    ),
    table(
      "invitations",
      Invitation,
      world.invitations.map((i) => ({
        id: i.id,
        producerGroupId: i.producerGroupId,
        consumerGroupId: i.consumerGroupId,
        code: i.code,
        issuedByConsumerHouseholdId: i.inviterConsumerHouseholdId,
        issuedByUserId: i.inviterUserId,
        usedByConsumerHouseholdId: i.inviteeConsumerHouseholdId,
        usedAt: i.acceptedAt,
        expiresAt: i.expiresAt,
        createdAt: i.sentAt,
      })),
    ),
    table(
      "fee_rules",
      FeeRule,
      world.feeRules.map((f) => ({
        id: f.id,
        producerGroupId: f.producerGroupId,
        kind: f.kind,
        basis: f.basis,
        rateBasisPoints: f.rateBasisPoints,
        perUnitFen: 0,
        validFrom: f.validFrom,
        validTo: f.validTo,
        createdAt: atShanghaiTime(f.validFrom, 9),
      })),
    ),
    ...tradeTables(world),
  ];
}
