import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createCycleRow,
  createOrderRow,
  fixtureVariants,
  type FixtureVariants,
} from "../../test/cycle-fixtures";
import { FIXTURE_PASSWORD, type Fixture, loadFixture } from "../../test/fixtures";
import { type GraphqlClient, startTestApi, type TestApi } from "../../test/test-api";
import { AuditLogEntry } from "../audit/audit-log-entry.entity";
import { Variant } from "../catalog/variant.entity";
import { Offer } from "./offer.entity";
import { OrderCycle } from "./order-cycle.entity";
import { SupplyDeclaration } from "./supply-declaration.entity";

let t: TestApi;
let fixture: Fixture;
let v: FixtureVariants;
let staff: GraphqlClient;
let cycle: OrderCycle;
let removedVariant: Variant;
/** SG-001 and SG-002 (active Sanggang members), SG-150 (no group), BS-001 (Baoshi). */
let h: { sg1: string; sg2: string; sg150: string; bs1: string };

beforeAll(async () => {
  t = await startTestApi("cycle_supply", {
    prepare: async (ds) => void (fixture = await loadFixture(ds)),
  });
  v = await fixtureVariants(t.dataSource);
  const [sg1, sg2, sg150, bs1] = fixture.households.map((x) => x.id);
  h = { sg1: sg1!, sg2: sg2!, sg150: sg150!, bs1: bs1! };
  removedVariant = await t.dataSource.getRepository(Variant).save({
    productId: v.eggsJin.productId,
    nameZh: "旧包装",
    nameEn: "Old pack",
    unit: "BOX",
    grams: null,
    maxPerOrder: 2,
    deletedAt: new Date("2011-01-01T00:00:00Z"),
  });
  cycle = await createCycleRow(t.dataSource, fixture.groups.sanggang.id, "2011-04", "DECLARING");
  staff = await t.admin().signIn(fixture.logins.STAFF, FIXTURE_PASSWORD);
});
afterAll(() => t?.close());

const RECORD = `mutation($cycle: ID!, $entries: [SupplyDeclarationEntry!]!) {
  recordSupplyDeclarations(orderCycleId: $cycle, entries: $entries) {
    __typename
    ... on SupplyDeclarationsRecorded { saved removed declarations { householdCode variantNameZh quantity recordedByUserId } }
    ... on InvalidInputError { problems { field message } }
    ... on ErrorResult { message }
  }
}`;

interface RecordAnswer {
  recordSupplyDeclarations: {
    __typename: string;
    saved?: number;
    removed?: number;
    declarations?: {
      householdCode: string;
      variantNameZh: string;
      quantity: number;
      recordedByUserId: string;
    }[];
    problems?: { field: string; message: string }[];
    message?: string;
  };
}

const entry = (householdId: string, variantId: string, quantity: number) => ({
  householdId,
  variantId,
  quantity,
});

function record(entries: ReturnType<typeof entry>[], cycleId = cycle.id) {
  return staff.data<RecordAnswer>(RECORD, { cycle: cycleId, entries });
}

async function declarationRows(cycleId = cycle.id) {
  const rows = await t.dataSource
    .getRepository(SupplyDeclaration)
    .findBy({ orderCycleId: cycleId });
  return rows.map((r) => `${r.householdId}:${r.variantId}:${r.quantity}`).sort();
}

describe("supply declarations (报货)", () => {
  it("records a field worker's list and audits each household once", async () => {
    const res = await record([
      entry(h.sg1, v.eggsJin.id, 40),
      entry(h.sg1, v.walnuts.id, 6),
      entry(h.sg2, v.eggsJin.id, 30),
    ]);
    expect(res.recordSupplyDeclarations).toEqual({
      __typename: "SupplyDeclarationsRecorded",
      saved: 3,
      removed: 0,
      declarations: [
        // By household code, then Chinese product name (柴鸡蛋 before 核桃 in code-point order).
        {
          householdCode: "SG-001",
          variantNameZh: "一斤装",
          quantity: 40,
          recordedByUserId: fixture.users.STAFF.id,
        },
        {
          householdCode: "SG-001",
          variantNameZh: "两斤装",
          quantity: 6,
          recordedByUserId: fixture.users.STAFF.id,
        },
        {
          householdCode: "SG-002",
          variantNameZh: "一斤装",
          quantity: 30,
          recordedByUserId: fixture.users.STAFF.id,
        },
      ],
    });
    const audit = await t.dataSource
      .getRepository(AuditLogEntry)
      .findBy({ action: "supplyDeclaration.record" });
    expect(audit.map((a) => [a.entityType, a.entityId]).sort()).toEqual(
      [
        ["Household", h.sg1],
        ["Household", h.sg2],
      ].sort(),
    );
  });

  it("changes, removes (quantity 0) and leaves alone in one list", async () => {
    const res = await record([
      entry(h.sg1, v.eggsJin.id, 45),
      entry(h.sg1, v.walnuts.id, 0),
      entry(h.sg2, v.eggsJin.id, 30),
    ]);
    // Only SG-001's eggs changed; its walnuts went; SG-002's 30 were already recorded.
    expect(res.recordSupplyDeclarations).toMatchObject({ saved: 1, removed: 1 });
    expect(await declarationRows()).toEqual(
      [`${h.sg1}:${v.eggsJin.id}:45`, `${h.sg2}:${v.eggsJin.id}:30`].sort(),
    );
    const audit = await t.dataSource.getRepository(AuditLogEntry).find({
      where: { action: "supplyDeclaration.record", entityId: h.sg1 },
      order: { at: "ASC" },
    });
    expect(audit).toHaveLength(2);
    expect(audit[1]!.before).toEqual({
      orderCycleId: cycle.id,
      declarations: [
        { variantId: v.eggsJin.id, quantity: 40 },
        { variantId: v.walnuts.id, quantity: 6 },
      ].sort((a, b) => a.variantId.localeCompare(b.variantId)),
    });
    expect(audit[1]!.after).toEqual({
      orderCycleId: cycle.id,
      declarations: [{ variantId: v.eggsJin.id, quantity: 45 }],
    });
    expect(
      await t.dataSource
        .getRepository(AuditLogEntry)
        .countBy({ action: "supplyDeclaration.record", entityId: h.sg2 }),
    ).toBe(1);
  });

  it("refuses the whole list when any entry is wrong, naming each by its index", async () => {
    const before = await declarationRows();
    const audits = await t.dataSource.getRepository(AuditLogEntry).count();
    const res = await record([
      entry(h.sg2, v.millet.id, 10), // fine, but not saved: the list is refused
      entry(h.sg150, v.eggsJin.id, 5), // not in a producer group
      entry(h.bs1, v.eggsJin.id, 5), // Baoshi's member
      entry(h.sg1, removedVariant.id, 5),
      entry(h.sg2, v.walnuts.id, -1),
      entry(h.sg2, v.eggsBox.id, 10_001),
      entry(h.sg2, v.millet.id, 3), // the same household and variant as entry 0
      entry("not-an-id", "00000000-0000-4000-8000-000000000000", 1),
    ]);
    expect(res.recordSupplyDeclarations.problems).toEqual([
      { field: "entries.1.householdId", message: "这个农户不是本生产小组的正式成员。" },
      { field: "entries.2.householdId", message: "这个农户不是本生产小组的正式成员。" },
      { field: "entries.3.variantId", message: "找不到这个规格，或它已被删除。" },
      { field: "entries.4.quantity", message: "数量不能是负数（填 0 表示取消这条报货）。" },
      { field: "entries.5.quantity", message: "数量太大：一户一个规格最多报 10000 件。" },
      { field: "entries.6", message: "同一农户的同一规格在这张单子里出现了两次。" },
      { field: "entries.7.householdId", message: "这个农户不是本生产小组的正式成员。" },
      { field: "entries.7.variantId", message: "找不到这个规格，或它已被删除。" },
    ]);
    expect(await declarationRows()).toEqual(before);
    expect(await t.dataSource.getRepository(AuditLogEntry).count()).toBe(audits);
  });

  it("refuses declarations once ordering is open, and for another group's cycle", async () => {
    const open = await createCycleRow(t.dataSource, fixture.groups.sanggang.id, "2011-03", "OPEN");
    staff.locale = "en";
    const res = await record([entry(h.sg1, v.eggsJin.id, 5)], open.id);
    staff.locale = "zh-CN";
    expect(res.recordSupplyDeclarations.problems).toEqual([
      {
        field: "state",
        message:
          "Supply can be declared only while a cycle is DRAFT or DECLARING; this one is OPEN.",
      },
    ]);
    const baoshi = await createCycleRow(
      t.dataSource,
      fixture.groups.baoshi.id,
      "2011-04",
      "DECLARING",
    );
    const foreign = await record([entry(h.bs1, v.eggsJin.id, 5)], baoshi.id);
    expect(foreign.recordSupplyDeclarations.__typename).toBe("NotFoundError");
    expect(await declarationRows(open.id)).toEqual([]);
    expect(await declarationRows(baoshi.id)).toEqual([]);
  });

  it("lists one household's declarations", async () => {
    const res = await staff.data<{
      supplyDeclarations: { householdCode: string; quantity: number }[];
    }>(
      `query($c: ID!, $h: ID) { supplyDeclarations(orderCycleId: $c, householdId: $h) { householdCode quantity } }`,
      { c: cycle.id, h: h.sg2 },
    );
    expect(res.supplyDeclarations).toEqual([{ householdCode: "SG-002", quantity: 30 }]);
  });
});

const PUBLISH = `mutation($cycle: ID!, $offers: [OfferPlanInput!]!) {
  publishOffers(orderCycleId: $cycle, offers: $offers) {
    __typename
    ... on OffersPublished { offers { id variantNameZh priceFen producerPriceFen quantityDeclared buffer quantityTotal quantityReserved } }
    ... on InvalidInputError { problems { field message } }
    ... on ErrorResult { message }
  }
}`;

interface PublishAnswer {
  publishOffers: {
    __typename: string;
    offers?: {
      id: string;
      variantNameZh: string;
      priceFen: number;
      producerPriceFen: number;
      quantityDeclared: number;
      buffer: number;
      quantityTotal: number;
      quantityReserved: number;
    }[];
    problems?: { field: string; message: string }[];
    message?: string;
  };
}

const plan = (variantId: string, priceFen: number, producerPriceFen: number, buffer: number) => ({
  variantId,
  priceFen,
  producerPriceFen,
  buffer,
});

function publish(plans: ReturnType<typeof plan>[], cycleId = cycle.id) {
  return staff.data<PublishAnswer>(PUBLISH, { cycle: cycleId, offers: plans });
}

describe("publishing offers from the declarations", () => {
  it("offers the declared units minus the buffer, and replaces the offer when published again", async () => {
    // Eggs declared: SG-001 45 + SG-002 30 = 75 jin; buffer 5 → 70 on sale.
    const first = await publish([plan(v.eggsJin.id, 1600, 1200, 5)]);
    expect(first.publishOffers.offers).toEqual([
      {
        id: expect.any(String),
        variantNameZh: "一斤装",
        priceFen: 1600,
        producerPriceFen: 1200,
        quantityDeclared: 75,
        buffer: 5,
        quantityTotal: 70,
        quantityReserved: 0,
      },
    ]);
    // Buffer 10 → 65, same offer.
    const again = await publish([plan(v.eggsJin.id, 1700, 1250, 10)]);
    expect(again.publishOffers.offers).toEqual([
      {
        ...first.publishOffers.offers![0],
        priceFen: 1700,
        producerPriceFen: 1250,
        buffer: 10,
        quantityTotal: 65,
      },
    ]);
  });

  it("refuses the whole list when any plan is wrong", async () => {
    const before = await t.dataSource.getRepository(Offer).findBy({ orderCycleId: cycle.id });
    const res = await publish([
      plan(v.millet.id, 4200, 3200, 0), // nobody declared millet in the end (the list was refused)
      plan(v.eggsJin.id, 1600, 1700, 76), // 76 > 75 declared; producer above consumer
      plan(v.eggsJin.id, 0, 0, -1), // the same variant again; price 0; negative buffer
      plan(removedVariant.id, 1000, 500, 0),
    ]);
    expect(res.publishOffers.problems).toEqual([
      { field: "offers.0.variantId", message: "这个周期里没有农户报过这个规格，不能发布报价。" },
      { field: "offers.1.buffer", message: "预留数量不能超过报货总数（75 件）。" },
      { field: "offers.1.producerPriceFen", message: "农户收购价不能高于售价。" },
      { field: "offers.2.variantId", message: "同一个规格在这张单子里出现了两次。" },
      { field: "offers.2.buffer", message: "预留数量必须是不小于 0 的整数。" },
      { field: "offers.2.priceFen", message: "售价必须大于 0 分。" },
      { field: "offers.3.variantId", message: "找不到这个规格，或它已被删除。" },
    ]);
    expect(await t.dataSource.getRepository(Offer).findBy({ orderCycleId: cycle.id })).toEqual(
      before,
    );
  });

  it("refuses a DRAFT cycle: households are not declaring yet", async () => {
    const draft = await createCycleRow(
      t.dataSource,
      fixture.groups.sanggang.id,
      "2011-06",
      "DRAFT",
    );
    const res = await publish([plan(v.eggsJin.id, 1600, 1200, 0)], draft.id);
    expect(res.publishOffers.problems?.[0]?.field).toBe("state");
  });

  it("while OPEN, only adds units at the same prices and never below what orders hold", async () => {
    const open = await createCycleRow(
      t.dataSource,
      fixture.groups.sanggang.id,
      "2011-07",
      "DECLARING",
    );
    await record([entry(h.sg1, v.walnuts.id, 50), entry(h.sg2, v.millet.id, 12)], open.id);
    // Walnuts: 50 declared, buffer 10 → 40.
    const published = await publish([plan(v.walnuts.id, 3550, 2600, 10)], open.id);
    expect(published.publishOffers.offers?.[0]?.quantityTotal).toBe(40);
    // a group has one OPEN cycle at a time: the 2011-03 one opened above is over
    await t.dataSource
      .getRepository(OrderCycle)
      .update({ producerGroupId: fixture.groups.sanggang.id, state: "OPEN" }, { state: "CLOSED" });
    await t.dataSource.getRepository(OrderCycle).update({ id: open.id }, { state: "OPEN" });
    const walnuts = (await t.dataSource.getRepository(Offer).findOneBy({ orderCycleId: open.id }))!;
    await createOrderRow(t.dataSource, fixture, open, [[walnuts, 38]]);
    // Buffer 0 → 50 ≥ 40: a top-up.
    const topUp = await publish([plan(v.walnuts.id, 3550, 2600, 0)], open.id);
    expect(topUp.publishOffers.offers?.[0]).toMatchObject({
      quantityTotal: 50,
      quantityReserved: 38,
    });
    const refused = await publish(
      [
        plan(v.walnuts.id, 3600, 2600, 15), // 50 − 15 = 35 < 38 reserved, < 50 now; price changed
        plan(v.millet.id, 4200, 3200, 0), // declared but never offered
      ],
      open.id,
    );
    expect(refused.publishOffers.problems).toEqual([
      { field: "offers.0.buffer", message: "可售数量不能少于已被订走的 38 件。" },
      { field: "offers.0.priceFen", message: "开放订货后不能改价格。" },
      { field: "offers.0.buffer", message: "开放订货后只能增加可售数量。" },
      { field: "offers.1.variantId", message: "开放订货后不能新增报价。" },
    ]);
    const after = await t.dataSource.getRepository(Offer).findBy({ orderCycleId: open.id });
    expect(after.map((o) => [o.quantityTotal, o.quantityReserved, o.priceFen])).toEqual([
      [50, 38, 3550],
    ]);
  });

  it("lists a cycle's offers with declared, total and reserved units", async () => {
    const res = await staff.data<{
      offers: { variantNameZh: string; quantityDeclared: number; quantityTotal: number }[];
    }>(
      `query($c: ID!) { offers(orderCycleId: $c) { variantNameZh quantityDeclared quantityTotal } }`,
      { c: cycle.id },
    );
    expect(res.offers).toEqual([
      { variantNameZh: "一斤装", quantityDeclared: 75, quantityTotal: 65 },
    ]);
  });
});
