import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { Product } from "../modules/catalog/product.entity";
import { ReferencePrice } from "../modules/catalog/reference-price.entity";
import { Variant } from "../modules/catalog/variant.entity";
import { ConsumerGroup } from "../modules/consumer/consumer-group.entity";
import { ConsumerHousehold } from "../modules/consumer/consumer-household.entity";
import { Invitation } from "../modules/consumer/invitation.entity";
import { PickupPoint } from "../modules/consumer/pickup-point.entity";
import { Offer } from "../modules/cycle/offer.entity";
import { OrderCycle } from "../modules/cycle/order-cycle.entity";
import { SupplyDeclaration } from "../modules/cycle/supply-declaration.entity";
import { ConsentRecord } from "../modules/household/consent-record.entity";
import { HouseholdMember } from "../modules/household/household-member.entity";
import { HouseholdYear } from "../modules/household/household-year.entity";
import { Household, type LivelihoodResources } from "../modules/household/household.entity";
import { ProducerGroup } from "../modules/household/producer-group.entity";
import { Village } from "../modules/household/village.entity";
import { hashPassword } from "../modules/identity/password";
import { UserProducerGroup } from "../modules/identity/user-producer-group.entity";
import { User } from "../modules/identity/user.entity";
import { Allocation } from "../modules/intake/allocation.entity";
import { Lot } from "../modules/intake/lot.entity";
import { QualityCheck } from "../modules/intake/quality-check.entity";
import { Adjustment } from "../modules/order/adjustment.entity";
import { OrderLine } from "../modules/order/order-line.entity";
import { Order } from "../modules/order/order.entity";
import { Payment } from "../modules/order/payment.entity";
import { PartnerOrganisationGroup } from "../modules/partner/partner-organisation-group.entity";
import { PartnerOrganisation } from "../modules/partner/partner-organisation.entity";
import { FeeRule } from "../modules/settlement/fee-rule.entity";
import { SettlementDeduction } from "../modules/settlement/settlement-deduction.entity";
import { Settlement } from "../modules/settlement/settlement.entity";
import { TrustEventAttendance } from "../modules/trust/trust-event-attendance.entity";
import { TrustEventHousehold } from "../modules/trust/trust-event-household.entity";
import { TrustEvent } from "../modules/trust/trust-event.entity";
import type { DemoWorld } from "./plan/build-demo-world";
import { atShanghaiTime, shanghaiDate } from "./plan/calendar";
import type { LivelihoodResourceRecord } from "./plan/households";

/** Progress of a write: rows written so far of `total`, and the table being written. */
export interface WriteProgress {
  table: string;
  done: number;
  total: number;
}

/** What a write did: rows per table and how long it took. */
export interface WriteReport {
  rowsByTable: Record<string, number>;
  totalRows: number;
  /** Wall-clock milliseconds, hashing included. */
  elapsedMs: number;
}

/** One table's rows, in the order they are inserted. */
interface TableRows<T extends ObjectLiteral> {
  table: string;
  entity: EntityTarget<T>;
  rows: QueryDeepPartialEntity<T>[];
}

/** PostgreSQL takes at most 65 535 bind parameters per statement; stay well below. */
const MAX_PARAMETERS = 30_000;
const MAX_ROWS_PER_STATEMENT = 2_000;

function table<T extends ObjectLiteral>(
  name: string,
  entity: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
): TableRows<T> {
  return { table: name, entity, rows };
}

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
  const cycleOf = new Map(world.orderCycles.map((c) => [c.id, c]));
  const lineCycleOpen = new Set(
    world.orders.filter((o) => cycleOf.get(o.orderCycleId)?.state === "OPEN").map((o) => o.id),
  );
  const hash = (password: string): string => {
    const found = passwordHashes.get(password);
    if (!found) throw new Error("a demo password was not hashed");
    return found;
  };

  const tables: TableRows<ObjectLiteral>[] = [
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
    table(
      "order_cycles",
      OrderCycle,
      world.orderCycles.map((c) => ({
        id: c.id,
        producerGroupId: c.producerGroupId,
        code: c.code,
        state: c.state,
        declarationOpensOn: shanghaiDate(c.declarationOpensAt),
        opensAt: c.opensAt,
        closesAt: c.closesAt,
        deliveryOn: c.deliveryDate,
        createdAt: c.createdAt,
        updatedAt: c.settledAt ?? c.createdAt,
      })),
    ),
    table(
      "supply_declarations",
      SupplyDeclaration,
      world.supplyDeclarations.map((d) => ({
        id: d.id,
        producerGroupId: d.producerGroupId,
        orderCycleId: d.orderCycleId,
        householdId: d.householdId,
        variantId: d.variantId,
        quantity: d.quantity,
        declaredAt: d.declaredAt,
        recordedByUserId: null,
      })),
    ),
    table(
      "offers",
      Offer,
      world.offers.map((o) => ({
        id: o.id,
        producerGroupId: o.producerGroupId,
        orderCycleId: o.orderCycleId,
        variantId: o.variantId,
        priceFen: o.consumerPriceFen,
        producerPriceFen: o.producerPriceFen,
        quantityTotal: o.quantityOffered,
        quantityReserved: o.quantityReserved,
        buffer: o.buffer,
        createdAt: o.createdAt,
        updatedAt: o.createdAt,
      })),
    ),
    table(
      "orders",
      Order,
      world.orders.map((o) => ({
        id: o.id,
        producerGroupId: o.producerGroupId,
        orderCycleId: o.orderCycleId,
        consumerHouseholdId: o.consumerHouseholdId,
        pickupPointId: o.pickupPointId,
        state: o.state,
        paymentState: o.paymentState,
        totalFen: o.totalFen,
        idempotencyKey: o.idempotencyKey,
        placedAt: o.placedAt,
        updatedAt: o.pickedUpAt ?? o.placedAt,
      })),
    ),
    table(
      "order_lines",
      OrderLine,
      world.orderLines.map((l) => ({
        id: l.id,
        producerGroupId: l.producerGroupId,
        orderId: l.orderId,
        offerId: l.offerId,
        variantId: l.variantId,
        productNameZh: l.productNameZh,
        productNameEn: l.productNameEn,
        variantNameZh: l.variantNameZh,
        variantNameEn: l.variantNameEn,
        unitPriceFen: l.unitPriceFen,
        quantity: l.quantity,
        lineTotalFen: l.lineTotalFen,
        quantityAccepted: lineCycleOpen.has(l.orderId) ? null : l.quantityDelivered,
      })),
    ),
    table(
      "payments",
      Payment,
      world.payments.map((p) => ({
        id: p.id,
        producerGroupId: p.producerGroupId,
        orderId: p.orderId,
        amountFen: p.amountFen,
        method: p.method,
        reference: p.reference,
        paidAt: p.paidAt,
        recordedByUserId: p.recordedByUserId,
      })),
    ),
    table(
      "lots",
      Lot,
      world.lots.map((l) => {
        const closesAt = cycleOf.get(l.orderCycleId)?.closesAt ?? world.now;
        return {
          id: l.id,
          producerGroupId: l.producerGroupId,
          orderCycleId: l.orderCycleId,
          householdId: l.householdId,
          variantId: l.variantId,
          supplyDeclarationId: l.supplyDeclarationId,
          state: l.state,
          quantityDeclared: l.quantityDeclared,
          quantityAllocated: l.quantityAllocated,
          quantityReceived: l.quantityAllocated,
          quantityAccepted: l.quantityAccepted,
          createdAt: closesAt,
          updatedAt: closesAt,
        };
      }),
    ),
    table(
      "allocations",
      Allocation,
      world.allocations.map((a) => ({
        id: a.id,
        producerGroupId: a.producerGroupId,
        orderLineId: a.orderLineId,
        lotId: a.lotId,
        quantity: a.quantity,
        rank: a.rank,
        reason: a.reason,
      })),
    ),
    table(
      "quality_checks",
      QualityCheck,
      world.qualityChecks.map((q) => ({
        id: q.id,
        producerGroupId: q.producerGroupId,
        lotId: q.lotId,
        checkedOn: shanghaiDate(q.checkedAt),
        checkedByUserId: q.checkedByUserId,
        quantityReceived: q.quantityReceived,
        quantityAccepted: q.quantityAccepted,
        result: q.outcome,
        reason: q.reason,
        note: q.noteZh,
        createdAt: q.checkedAt,
      })),
    ),
    table(
      "adjustments",
      Adjustment,
      world.orderAdjustments.map((a) => ({
        id: a.id,
        producerGroupId: a.producerGroupId,
        orderId: a.orderId,
        orderLineId: a.orderLineId,
        qualityCheckId: a.qualityCheckId,
        kind: a.kind,
        amountFen: a.amountFen,
        reason: `${a.reason}: ${a.quantity} unit(s) rejected at intake`,
        createdAt: a.createdAt,
      })),
    ),
    table(
      "settlements",
      Settlement,
      world.settlements.map((s) => ({
        id: s.id,
        producerGroupId: s.producerGroupId,
        orderCycleId: s.orderCycleId,
        householdId: s.householdId,
        state: s.state,
        grossFen: s.grossFen,
        deductionsFen: s.deductionsFen,
        adjustmentsFen: s.adjustmentsFen,
        netFen: s.netFen,
        calculatedAt: s.calculatedAt,
        approvedAt: s.approvedAt,
        approvedByUserId: s.approvedByUserId,
        paidOn: shanghaiDate(s.paidAt),
        paidMethod: s.payoutMethod,
        payoutReference: s.payoutReference,
        acknowledgedAt: s.acknowledgedAt,
        updatedAt: s.acknowledgedAt ?? s.paidAt,
      })),
    ),
    table(
      "settlement_deductions",
      SettlementDeduction,
      world.settlementDeductions.map((d) => ({
        id: d.id,
        producerGroupId: d.producerGroupId,
        settlementId: d.settlementId,
        feeRuleId: d.feeRuleId,
        kind: d.kind,
        amountFen: d.amountFen,
      })),
    ),
    table(
      "trust_events",
      TrustEvent,
      world.trustEvents.map((e) => ({
        id: e.id,
        producerGroupId: e.producerGroupId,
        kind: e.kind,
        titleZh: e.titleZh,
        titleEn: e.titleEn,
        villageId: e.villageId,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        capacity: e.capacityPeople,
        openToConsumers: e.openToConsumers,
        notes: e.descriptionZh,
        createdAt: new Date(e.startsAt.getTime() - 30 * 86_400_000),
      })),
    ),
    table(
      "trust_event_attendances",
      TrustEventAttendance,
      world.trustEventAttendance.flatMap((a) =>
        a.consumerHouseholdId === null
          ? []
          : [
              {
                id: a.id,
                producerGroupId: a.producerGroupId,
                trustEventId: a.trustEventId,
                consumerHouseholdId: a.consumerHouseholdId,
                people: a.peopleCount,
                state: a.state,
                createdAt: a.signedUpAt,
              },
            ],
      ),
    ),
    table(
      "trust_event_households",
      TrustEventHousehold,
      world.trustEventAttendance.flatMap((a) =>
        a.householdId === null
          ? []
          : [
              {
                trustEventId: a.trustEventId,
                householdId: a.householdId,
                producerGroupId: a.producerGroupId,
              },
            ],
      ),
    ),
  ];
  return tables;
}

/** Hashes each distinct demo password once (argon2id takes tens of milliseconds a hash). */
export async function hashDemoPasswords(world: DemoWorld): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const password of new Set(world.users.map((u) => u.demoPassword))) {
    hashes.set(password, await hashPassword(password));
  }
  return hashes;
}

/** A value as a bind parameter: arrays as PostgreSQL array literals, objects as JSON text. */
function parameter(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) =>
      typeof item === "number" ? String(item) : `"${String(item).replace(/["\\]/g, "\\$&")}"`,
    );
    return `{${items.join(",")}}`;
  }
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return JSON.stringify(value);
  }
  return value;
}

/**
 * Inserts a table's rows in multi-row parameterised INSERTs. Column names come from the entity's
 * metadata; the SQL is built here rather than by the query builder, which spent most of the time
 * preparing statements.
 */
async function insertChunks(
  manager: EntityManager,
  rows: TableRows<ObjectLiteral>,
  onRows: (count: number) => void,
): Promise<void> {
  const first = rows.rows[0];
  if (!first) return;
  const metadata = manager.connection.getMetadata(rows.entity);
  const properties = Object.keys(first);
  const columns = properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.tableName} has no column for ${property}`);
    return `"${column.databaseName}"`;
  });
  const size = Math.max(
    1,
    Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / properties.length)),
  );
  const head = `INSERT INTO "${metadata.tableName}" (${columns.join(", ")}) VALUES `;
  for (let start = 0; start < rows.rows.length; start += size) {
    const chunk = rows.rows.slice(start, start + size);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const record = row as Record<string, unknown>;
      const slots = properties.map((property) => {
        params.push(parameter(record[property]));
        return `$${params.length}`;
      });
      return `(${slots.join(", ")})`;
    });
    await manager.query(head + tuples.join(", "), params);
    onRows(chunk.length);
  }
}

/**
 * Writes a demo world into a migrated, empty database in one transaction: multi-row INSERTs in
 * chunks, tables in foreign-key order. Reports progress through `onProgress` after each chunk.
 */
export async function writeDemoWorld(
  dataSource: DataSource,
  world: DemoWorld,
  options: { onProgress?: (progress: WriteProgress) => void } = {},
): Promise<WriteReport> {
  const started = Date.now();
  const tables = worldTables(world, await hashDemoPasswords(world));
  const total = tables.reduce((sum, t) => sum + t.rows.length, 0);
  const rowsByTable: Record<string, number> = {};
  let done = 0;
  await dataSource.transaction(async (manager) => {
    for (const t of tables) {
      rowsByTable[t.table] = t.rows.length;
      options.onProgress?.({ table: t.table, done, total });
      await insertChunks(manager, t, (count) => {
        done += count;
        options.onProgress?.({ table: t.table, done, total });
      });
    }
  });
  return { rowsByTable, totalRows: total, elapsedMs: Date.now() - started };
}
