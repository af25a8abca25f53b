import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, loadFixture } from "../../test/fixtures";
import { startTestApi, type TestApi } from "../../test/test-api";

let t: TestApi;
let fixture: Fixture;

beforeAll(async () => {
  t = await startTestApi("catalog", {
    prepare: async (ds) => void (fixture = await loadFixture(ds)),
  });
});
afterAll(() => t?.close());

const PRODUCTS = `query($page: PageInput, $filter: ProductFilter) {
  products(page: $page, filter: $filter) {
    totalItems
    items { nameZh category variants { nameZh unit grams maxPerOrder } }
  }
}`;

type ProductsAnswer = {
  products: {
    totalItems: number;
    items: { nameZh: string; category: string; variants: { nameZh: string }[] }[];
  };
};

describe("browsing the shop without signing in", () => {
  it("lists products with their variants, by Chinese name", async () => {
    const res = await t.shop().data<ProductsAnswer>(PRODUCTS);
    expect(res.products.totalItems).toBe(3);
    // Sorted by name_zh in the database's collation; 小米, 柴鸡蛋, 核桃 as code points: 5C0F, 67F4, 6838.
    expect(res.products.items.map((p) => p.nameZh)).toEqual(["小米", "柴鸡蛋", "核桃"]);
    expect(res.products.items[1]!.variants).toEqual([
      { nameZh: "一斤装", unit: "JIN", grams: 500, maxPerOrder: 10 },
      { nameZh: "三十枚", unit: "BOX", grams: null, maxPerOrder: 4 },
    ]);
  });

  it("searches Chinese and English names, taking % and _ as plain characters", async () => {
    const search = async (text: string) =>
      (
        await t.shop().data<ProductsAnswer>(PRODUCTS, { filter: { search: text } })
      ).products.items.map((p) => p.nameZh);
    expect(await search("鸡蛋")).toEqual(["柴鸡蛋"]);
    expect(await search("walnut")).toEqual(["核桃"]);
    expect(await search("%")).toEqual([]);
    expect(await search("_")).toEqual([]);
    expect(await search("'; DROP TABLE products; --")).toEqual([]);
  });

  it("pages through products showing each once", async () => {
    const seen: string[] = [];
    for (let skip = 0; skip < 3; skip++) {
      const res = await t.shop().data<ProductsAnswer>(PRODUCTS, { page: { skip, take: 1 } });
      seen.push(...res.products.items.map((p) => p.nameZh));
    }
    expect(seen.sort()).toEqual(["小米", "柴鸡蛋", "核桃"].sort());
  });

  it("refuses a page larger than 100 rows", async () => {
    const res = await t.shop().request(PRODUCTS, { page: { skip: 0, take: 101 } });
    expect(res.body.errors?.[0]?.message).toMatch(/Argument Validation Error/);
  });

  it("lists villages and pickup points", async () => {
    const res = await t.shop().data<{
      villages: { nameZh: string }[];
      pickupPoints: { nameZh: string; city: string; producerGroupId: string }[];
    }>("{ villages { nameZh } pickupPoints { nameZh city producerGroupId } }");
    expect(res.villages.map((v) => v.nameZh).sort()).toEqual(["宝石村", "桑岗村"]);
    expect(res.pickupPoints).toEqual([
      { nameZh: "海淀·学院路", city: "北京", producerGroupId: fixture.groups.sanggang.id },
    ]);
  });
});
