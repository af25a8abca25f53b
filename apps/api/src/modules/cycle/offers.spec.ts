import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { ReferencePrice } from "../catalog/reference-price.entity";
import { Variant } from "../catalog/variant.entity";
import { ConsentRecord } from "../household/consent-record.entity";
import { Household } from "../household/household.entity";
import { type Fixture, loadFixture } from "../../test/fixtures";
import {
  createCycle,
  createOffer,
  createProductWithVariant,
  daysFromNow,
  declareSupply,
} from "../../test/shop-fixtures";
import { countStatements } from "../../test/sql-counter";
import { startTestApi, type TestApi } from "../../test/test-api";
import type { OrderCycle } from "./order-cycle.entity";

let t: TestApi;
let fixture: Fixture;
let cycles: {
  sgOpen: OrderCycle;
  sgNext: OrderCycle;
  bsFirst: OrderCycle;
  bsSecond: OrderCycle;
  big: OrderCycle;
  ties: OrderCycle;
  draft: OrderCycle;
  bsStale: OrderCycle;
};
let variants: Record<"eggsJin" | "eggsBox" | "walnuts" | "millet", Variant>;

function shanghaiDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

async function prepare(ds: DataSource): Promise<void> {
  fixture = await loadFixture(ds);
  const sg = fixture.groups.sanggang.id;
  const bs = fixture.groups.baoshi.id;
  const all = await ds.manager.find(Variant, { order: { nameZh: "ASC" } });
  const byName = (zh: string) => all.find((v) => v.nameZh === zh)!;
  variants = {
    eggsJin: byName("一斤装"),
    eggsBox: byName("三十枚"),
    walnuts: byName("两斤装"),
    millet: byName("五斤装"),
  };
  cycles = {
    // Sanggang: a cycle open since yesterday until in five days, the next one in a month.
    sgOpen: await createCycle(ds, sg, {
      code: "SG-NOW",
      state: "OPEN",
      opensAt: daysFromNow(-1),
      closesAt: daysFromNow(5),
      deliveryOn: "2030-05-10",
    }),
    sgNext: await createCycle(ds, sg, {
      code: "SG-NEXT",
      state: "DECLARING",
      opensAt: daysFromNow(30),
      closesAt: daysFromNow(35),
    }),
    draft: await createCycle(ds, sg, {
      code: "SG-DRAFT",
      state: "DRAFT",
      opensAt: daysFromNow(10),
      closesAt: daysFromNow(12),
    }),
    // Baoshi: nothing open now (one cycle is still OPEN but its window ended yesterday); the
    // next opens in 3 days, the one after in 33.
    bsStale: await createCycle(ds, bs, {
      code: "BS-STALE",
      state: "OPEN",
      opensAt: daysFromNow(-10),
      closesAt: daysFromNow(-1),
    }),
    bsFirst: await createCycle(ds, bs, {
      code: "BS-A",
      state: "DECLARING",
      opensAt: daysFromNow(3),
      closesAt: daysFromNow(8),
    }),
    bsSecond: await createCycle(ds, bs, {
      code: "BS-B",
      state: "DECLARING",
      opensAt: daysFromNow(33),
      closesAt: daysFromNow(38),
    }),
    // History and test cycles that are closed, so they are never "current".
    big: await createCycle(ds, sg, {
      code: "SG-BIG",
      state: "CLOSED",
      opensAt: daysFromNow(-60),
      closesAt: daysFromNow(-50),
    }),
    ties: await createCycle(ds, sg, {
      code: "SG-TIES",
      state: "CLOSED",
      opensAt: daysFromNow(-90),
      closesAt: daysFromNow(-80),
    }),
  };
  const [sg001, sg002, , bs001] = fixture.households;
  // SG-001 shows its profile; SG-002 withdrew its consent yesterday; BS-001 never gave one.
  await ds.manager.update(
    Household,
    { id: sg001!.id },
    {
      displayName: "李大姐",
      photoUrl: "https://img.example/sg001.jpg",
      storyZh: "养了四十只鸡。",
      storyEn: "Keeps forty hens.",
    },
  );
  await ds.manager.update(
    Household,
    { id: sg002!.id },
    { displayName: "张大哥", storyZh: "不应显示" },
  );
  await ds.manager.update(Household, { id: bs001!.id }, { displayName: "赵家", photoUrl: "x.jpg" });
  await ds.manager.save(ConsentRecord, [
    {
      householdId: sg001!.id,
      kind: "PUBLIC_PROFILE",
      grantedOn: "2011-04-01",
      method: "THUMBPRINT",
      withdrawnOn: shanghaiDay(30),
      recordedByUserId: fixture.users.STAFF.id,
    },
    {
      householdId: sg002!.id,
      kind: "PUBLIC_PROFILE",
      grantedOn: "2011-04-01",
      method: "WRITTEN",
      withdrawnOn: shanghaiDay(-1),
      recordedByUserId: fixture.users.STAFF.id,
    },
    {
      householdId: bs001!.id,
      kind: "GENERAL",
      grantedOn: "2016-05-01",
      method: "WRITTEN",
      recordedByUserId: fixture.users.STAFF.id,
    },
  ]);

  const open = cycles.sgOpen;
  // Eggs ¥16.00 a jin, household paid ¥12.00; 10 on offer, 3 already reserved → 7 left.
  await createOffer(ds, open, variants.eggsJin.id, {
    priceFen: 1600,
    producerPriceFen: 1200,
    quantityTotal: 10,
    reserved: 3,
  });
  await createOffer(ds, open, variants.eggsBox.id, {
    priceFen: 4500,
    producerPriceFen: 3300,
    quantityTotal: 4,
  });
  await createOffer(ds, open, variants.walnuts.id, {
    priceFen: 3000,
    producerPriceFen: 2200,
    quantityTotal: 6,
  });
  await createOffer(ds, open, variants.millet.id, {
    priceFen: 2500,
    producerPriceFen: 1800,
    quantityTotal: 8,
  });
  await declareSupply(ds, open, sg001!.id, variants.eggsJin.id, 6);
  await declareSupply(ds, open, sg002!.id, variants.eggsJin.id, 6);
  await declareSupply(ds, open, sg001!.id, variants.walnuts.id, 6);
  await declareSupply(ds, open, bs001!.id, variants.millet.id, 8);
  // Township market: eggs were ¥7.00 a jin, then ¥8.00 at the latest observation.
  await ds.manager.save(ReferencePrice, [
    {
      variantId: variants.eggsJin.id,
      market: "坡仓乡集市",
      observedOn: "2011-03-02",
      priceFen: 700,
      source: "field survey",
    },
    {
      variantId: variants.eggsJin.id,
      market: "坡仓乡集市",
      observedOn: "2011-04-02",
      priceFen: 800,
      source: "field survey",
    },
  ]);

  // 100 offers (50 products × 2 variants), each declared by one household, for the N+1 test.
  for (let i = 0; i < 50; i++) {
    const n = String(i).padStart(2, "0");
    const { product, variant } = await createProductWithVariant(ds, {
      productZh: `蔬菜${n}`,
      productEn: `Vegetable ${n}`,
      variantZh: "一斤",
      variantEn: "1 jin",
    });
    const second = await ds.manager.save(Variant, {
      productId: product.id,
      nameZh: "两斤",
      nameEn: "2 jin",
      unit: "JIN",
      grams: 1000,
      maxPerOrder: 5,
    } as Partial<Variant>);
    for (const [k, v] of [variant, second].entries()) {
      await createOffer(ds, cycles.big, v.id, {
        priceFen: 500 + i,
        producerPriceFen: 400,
        quantityTotal: 20,
      });
      await declareSupply(ds, cycles.big, (k === 0 ? sg001 : bs001)!.id, v.id, 20);
    }
  }
  // 7 offers with the same names and the same price, for the paging test.
  for (let i = 0; i < 7; i++) {
    const { variant } = await createProductWithVariant(ds, {
      productZh: "同名菜",
      productEn: "Same name",
      variantZh: "同款",
      variantEn: "Same",
    });
    await createOffer(ds, cycles.ties, variant.id, {
      priceFen: 1000,
      producerPriceFen: 800,
      quantityTotal: 5,
    });
  }
  await createOffer(ds, cycles.draft, variants.eggsJin.id, {
    priceFen: 1600,
    producerPriceFen: 1200,
    quantityTotal: 10,
  });
}

beforeAll(async () => {
  t = await startTestApi("offers", { prepare });
}, 60_000);
afterAll(() => t?.close());

const CYCLES = `query($group: ID) {
  currentCycles(producerGroupId: $group) {
    producerGroupId
    current { code state opensAt closesAt deliveryOn }
    next { code state }
  }
}`;

type CyclesAnswer = {
  currentCycles: {
    producerGroupId: string;
    current: {
      code: string;
      state: string;
      opensAt: string;
      closesAt: string;
      deliveryOn: string;
    } | null;
    next: { code: string; state: string } | null;
  }[];
};

describe("the current and next order cycles", () => {
  it("shows the open cycle of one group and the next to open of another", async () => {
    const res = await t.shop().data<CyclesAnswer>(CYCLES);
    const byGroup = new Map(res.currentCycles.map((c) => [c.producerGroupId, c]));
    const sg = byGroup.get(fixture.groups.sanggang.id)!;
    expect(sg.current).toEqual({
      code: "SG-NOW",
      state: "OPEN",
      opensAt: cycles.sgOpen.opensAt.toISOString(),
      closesAt: cycles.sgOpen.closesAt.toISOString(),
      deliveryOn: "2030-05-10",
    });
    expect(sg.current!.opensAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // The DRAFT cycle in 10 days is not shown; the DECLARING one in 30 days is next.
    expect(sg.next).toEqual({ code: "SG-NEXT", state: "DECLARING" });
    const bs = byGroup.get(fixture.groups.baoshi.id)!;
    expect(bs.current?.code).toBe("BS-A");
    expect(bs.next?.code).toBe("BS-B");
    expect(res.currentCycles).toHaveLength(2);
  });

  it("filters by producer group and answers an unknown or malformed group with nothing", async () => {
    const one = await t.shop().data<CyclesAnswer>(CYCLES, { group: fixture.groups.baoshi.id });
    expect(one.currentCycles.map((c) => c.current?.code)).toEqual(["BS-A"]);
    const unknown = await t
      .shop()
      .data<CyclesAnswer>(CYCLES, { group: "00000000-0000-4000-8000-000000000000" });
    expect(unknown.currentCycles).toEqual([]);
    const malformed = await t.shop().data<CyclesAnswer>(CYCLES, { group: "x'; --" });
    expect(malformed.currentCycles).toEqual([]);
  });

  it("finds a published cycle by id but not a draft, an unknown or a malformed id", async () => {
    const q = `query($id: ID!) { orderCycle(id: $id) { code } }`;
    expect((await t.shop().data(q, { id: cycles.sgNext.id })).orderCycle).toEqual({
      code: "SG-NEXT",
    });
    expect((await t.shop().data(q, { id: cycles.draft.id })).orderCycle).toBeNull();
    expect((await t.shop().data(q, { id: "nope" })).orderCycle).toBeNull();
  });
});

const OFFERS = `query($cycle: ID!, $page: PageInput, $filter: OfferFilter, $sort: OfferSort) {
  offers(orderCycleId: $cycle, page: $page, filter: $filter, sort: $sort) {
    totalItems
    items {
      id price producerPrice quantityAvailable unit category seasonMonths
      product { nameZh } variant { nameZh }
      villages { nameZh }
      growers { code displayName photoUrl storyZh storyEn village { nameZh } }
    }
  }
}`;

type OfferItem = {
  id: string;
  price: number;
  quantityAvailable: number;
  product: { nameZh: string };
  variant: { nameZh: string };
  villages: { nameZh: string }[];
  growers: { code: string; displayName: string | null; storyZh: string | null }[];
};
type OffersAnswer = { offers: { totalItems: number; items: OfferItem[] } };

const label = (o: OfferItem) => `${o.product.nameZh}/${o.variant.nameZh}`;

describe("the offers of a cycle", () => {
  it("lists each offer with what is left, its growers and their villages", async () => {
    const res = await t.shop().data<OffersAnswer>(OFFERS, {
      cycle: cycles.sgOpen.id,
      sort: { field: "PRICE", direction: "ASC" },
    });
    expect(res.offers.totalItems).toBe(4);
    // By price: eggs 1600, millet 2500, walnuts 3000, eggs box 4500.
    expect(res.offers.items.map(label)).toEqual([
      "柴鸡蛋/一斤装",
      "小米/五斤装",
      "核桃/两斤装",
      "柴鸡蛋/三十枚",
    ]);
    const eggs = res.offers.items[0]!;
    expect(eggs).toMatchObject({
      price: 1600,
      producerPrice: 1200,
      quantityAvailable: 7, // 10 − 3 reserved
      unit: "JIN",
      category: "EGGS",
      seasonMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      villages: [{ nameZh: "桑岗村" }],
    });
    // SG-001's consent stands; SG-002 withdrew yesterday, so only code and village show.
    expect(eggs.growers).toEqual([
      {
        code: "SG-001",
        displayName: "李大姐",
        photoUrl: "https://img.example/sg001.jpg",
        storyZh: "养了四十只鸡。",
        storyEn: "Keeps forty hens.",
        village: { nameZh: "桑岗村" },
      },
      {
        code: "SG-002",
        displayName: null,
        photoUrl: null,
        storyZh: null,
        storyEn: null,
        village: { nameZh: "桑岗村" },
      },
    ]);
    // BS-001 gave only a GENERAL consent: its profile stays hidden.
    const millet = res.offers.items[1]!;
    expect(millet.growers).toEqual([
      expect.objectContaining({ code: "BS-001", displayName: null, photoUrl: null }),
    ]);
    expect(millet.villages).toEqual([{ nameZh: "宝石村" }]);
    // The box of eggs was declared by nobody yet.
    expect(res.offers.items[3]!.growers).toEqual([]);
  });

  it("sorts by name and by price in both directions", async () => {
    const names = async (field: string, direction: string) =>
      (
        await t.shop().data<OffersAnswer>(OFFERS, {
          cycle: cycles.sgOpen.id,
          sort: { field, direction },
        })
      ).offers.items.map(label);
    // Chinese names in the database's collation: 小米 < 柴鸡蛋 < 核桃; 一斤装 < 三十枚.
    expect(await names("NAME", "ASC")).toEqual([
      "小米/五斤装",
      "柴鸡蛋/一斤装",
      "柴鸡蛋/三十枚",
      "核桃/两斤装",
    ]);
    expect(await names("PRICE", "DESC")).toEqual([
      "柴鸡蛋/三十枚",
      "核桃/两斤装",
      "小米/五斤装",
      "柴鸡蛋/一斤装",
    ]);
  });

  it("filters by category and village", async () => {
    const list = async (filter: Record<string, unknown>) =>
      (
        await t.shop().data<OffersAnswer>(OFFERS, { cycle: cycles.sgOpen.id, filter })
      ).offers.items.map(label);
    expect(await list({ category: "EGGS" })).toEqual(["柴鸡蛋/一斤装", "柴鸡蛋/三十枚"]);
    expect(await list({ villageId: fixture.villages.baoshi.id })).toEqual(["小米/五斤装"]);
    expect(await list({ villageId: fixture.villages.sanggang.id, category: "NUTS" })).toEqual([
      "核桃/两斤装",
    ]);
  });

  it("searches Chinese and English product and variant names, % _ and quotes taken literally", async () => {
    const search = async (text: string) =>
      (
        await t.shop().data<OffersAnswer>(OFFERS, {
          cycle: cycles.sgOpen.id,
          filter: { search: text },
        })
      ).offers.items.map(label);
    expect(await search("鸡蛋")).toEqual(["柴鸡蛋/一斤装", "柴鸡蛋/三十枚"]);
    expect(await search("WALNUT")).toEqual(["核桃/两斤装"]);
    expect(await search("30 eggs")).toEqual(["柴鸡蛋/三十枚"]);
    expect(await search("三十")).toEqual(["柴鸡蛋/三十枚"]);
    expect(await search("%")).toEqual([]);
    expect(await search("_")).toEqual([]);
    expect(await search("\\")).toEqual([]);
    expect(await search("' OR 1=1 --")).toEqual([]);
    expect(await search('"')).toEqual([]);
    const tooLong = await t.shop().request(OFFERS, {
      cycle: cycles.sgOpen.id,
      filter: { search: "蛋".repeat(101) },
    });
    expect(tooLong.body.errors?.[0]?.message).toMatch(/Argument Validation Error/);
  });

  it("shows nothing for an unknown or draft cycle and refuses a malformed id or an oversized page", async () => {
    const unknown = await t
      .shop()
      .data<OffersAnswer>(OFFERS, { cycle: "00000000-0000-4000-8000-000000000000" });
    expect(unknown.offers).toEqual({ totalItems: 0, items: [] });
    const draft = await t.shop().data<OffersAnswer>(OFFERS, { cycle: cycles.draft.id });
    expect(draft.offers).toEqual({ totalItems: 0, items: [] });
    const malformed = await t.shop().request(OFFERS, { cycle: "1; DROP TABLE offers" });
    expect(malformed.body.errors?.[0]?.message).toMatch(/Argument Validation Error/);
    const badVillage = await t
      .shop()
      .request(OFFERS, { cycle: cycles.sgOpen.id, filter: { villageId: "%" } });
    expect(badVillage.body.errors?.[0]?.message).toMatch(/Argument Validation Error/);
    const big = await t
      .shop()
      .request(OFFERS, { cycle: cycles.sgOpen.id, page: { skip: 0, take: 101 } });
    expect(big.body.errors?.[0]?.message).toMatch(/Argument Validation Error/);
  });

  it("pages through offers that share names and prices showing each exactly once", async () => {
    for (const field of ["PRICE", "NAME"]) {
      for (const direction of ["ASC", "DESC"]) {
        const seen: string[] = [];
        for (let skip = 0; skip < 7; skip += 2) {
          const res = await t.shop().data<OffersAnswer>(OFFERS, {
            cycle: cycles.ties.id,
            page: { skip, take: 2 },
            sort: { field, direction },
          });
          expect(res.offers.totalItems).toBe(7);
          seen.push(...res.offers.items.map((o) => o.id));
        }
        expect(seen).toHaveLength(7);
        expect(new Set(seen).size).toBe(7);
      }
    }
  });

  it("runs as many SQL statements for 100 offers as for 10 (no N+1)", async () => {
    const run = (take: number) =>
      countStatements(t.dataSource, async () => {
        const res = await t.shop().data<OffersAnswer>(OFFERS, {
          cycle: cycles.big.id,
          page: { skip: 0, take },
        });
        expect(res.offers.items).toHaveLength(take);
        expect(res.offers.totalItems).toBe(100);
        expect(res.offers.items.every((o) => o.growers.length === 1)).toBe(true);
      });
    const ten = await run(10);
    const hundred = await run(100);
    expect(hundred.count).toBe(ten.count);
    // Offers with variant, product and total; growers with their villages.
    expect(ten.count).toBe(2);
  });
});

const PRODUCT = `query($id: ID!, $cycle: ID!) {
  product(id: $id) {
    nameZh
    variants { nameZh referencePrice { market observedOn price source } }
    offers(orderCycleId: $cycle) {
      price producerPrice
      pricing { premiumBasisPoints householdShareBasisPoints referencePrice { price } }
    }
  }
}`;

describe("product detail", () => {
  it("lists products with their offers in a cycle in a fixed number of statements", async () => {
    const q = `query($cycle: ID!, $take: Int!, $search: String) {
      products(page: { skip: 0, take: $take }, filter: { search: $search }) {
        items { nameZh offers(orderCycleId: $cycle) { price pricing { householdShareBasisPoints } } }
      }
    }`;
    type Answer = { products: { items: { nameZh: string; offers: { price: number }[] }[] } };
    // 5 and 50 of the vegetables, each with two offers in the big cycle.
    const run = (take: number) =>
      countStatements(t.dataSource, async () => {
        const res = await t.shop().data<Answer>(q, { cycle: cycles.big.id, take, search: "蔬菜" });
        expect(res.products.items).toHaveLength(take);
        expect(res.products.items.every((p) => p.offers.length === 2)).toBe(true);
      });
    expect((await run(50)).count).toBe((await run(5)).count);
    const detail = await t
      .shop()
      .data<Answer>(q, { cycle: cycles.sgOpen.id, take: 10, search: "鸡蛋" });
    expect(detail.products.items).toEqual([
      {
        nameZh: "柴鸡蛋",
        offers: [
          { price: 1600, pricing: { householdShareBasisPoints: 7500 } },
          { price: 4500, pricing: { householdShareBasisPoints: 7333 } },
        ],
      },
    ]);
  });

  it("shows the township reference price, the producer premium and the household's share", async () => {
    const res = await t.shop().data<{ product: unknown }>(PRODUCT, {
      id: variants.eggsJin.productId,
      cycle: cycles.sgOpen.id,
    });
    expect(res.product).toEqual({
      nameZh: "柴鸡蛋",
      variants: [
        {
          nameZh: "一斤装",
          // The later of the two observations (¥8.00 on 2011-04-02, not ¥7.00 on 2011-03-02).
          referencePrice: {
            market: "坡仓乡集市",
            observedOn: "2011-04-02",
            price: 800,
            source: "field survey",
          },
        },
        { nameZh: "三十枚", referencePrice: null },
      ],
      offers: [
        {
          price: 1600,
          producerPrice: 1200,
          pricing: {
            // (1200 − 800) / 800 = 0.5 = 5000 bp; 1200 / 1600 = 0.75 = 7500 bp.
            premiumBasisPoints: 5000,
            householdShareBasisPoints: 7500,
            referencePrice: { price: 800 },
          },
        },
        {
          price: 4500,
          producerPrice: 3300,
          // No reference price for the box; 3300 / 4500 = 0.7333… → 7333 bp.
          pricing: {
            premiumBasisPoints: null,
            householdShareBasisPoints: 7333,
            referencePrice: null,
          },
        },
      ],
    });
  });

  it("answers null for an unknown or malformed product id and no offers for an unknown cycle", async () => {
    const q = `query($id: ID!) { product(id: $id) { nameZh } }`;
    expect(
      (await t.shop().data(q, { id: "00000000-0000-4000-8000-000000000000" })).product,
    ).toBeNull();
    expect((await t.shop().data(q, { id: "'; --" })).product).toBeNull();
    const res = await t.shop().data<{ product: { offers: unknown[] } }>(PRODUCT, {
      id: variants.eggsJin.productId,
      cycle: "not-a-cycle",
    });
    expect(res.product.offers).toEqual([]);
  });
});
