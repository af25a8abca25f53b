import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminClientFor } from "../../test/admin-clients";
import { type Fixture, loadFixture } from "../../test/fixtures";
import { createSmallMarket, type SmallMarket } from "../../test/market-fixtures";
import { startTestApi, type TestApi } from "../../test/test-api";
import { PickupPoint } from "../consumer/pickup-point.entity";
import { OrderLine } from "../order/order-line.entity";
import { Product } from "./product.entity";
import { Variant } from "./variant.entity";

let t: TestApi;
let fixture: Fixture;
let market: SmallMarket;

beforeAll(async () => {
  t = await startTestApi("catalog_admin", {
    prepare: async (ds) => {
      fixture = await loadFixture(ds);
      market = await createSmallMarket(ds, "7");
      // The market's order holds 2 jin of eggs: ¥16.00 × 2 = ¥32.00 = 3200 fen.
      await ds.manager.save(OrderLine, {
        producerGroupId: market.producerGroup.id,
        orderId: market.order.id,
        offerId: market.offer.id,
        variantId: market.variant.id,
        productNameZh: market.product.nameZh,
        productNameEn: market.product.nameEn,
        variantNameZh: market.variant.nameZh,
        variantNameEn: market.variant.nameEn,
        unitPriceFen: 1600,
        quantity: 2,
        lineTotalFen: 3200,
      });
    },
  });
});
afterAll(() => t?.close());

const CREATE_PRODUCT = `mutation($input: CreateProductInput!) { createProduct(input: $input) {
  __typename ... on Product { id nameZh seasonMonths category }
  ... on InvalidInputError { problems { field message } } } }`;
const CREATE_VARIANT = `mutation($p: ID!, $input: VariantChangesInput!) { createVariant(productId: $p, input: $input) {
  __typename ... on Variant { id nameZh unit grams maxPerOrder }
  ... on InvalidInputError { problems { field message } } } }`;
const ADD_PRICE = `mutation($input: ReferencePriceInput!) { addReferencePrice(input: $input) {
  __typename ... on ReferencePrice { market observedOn price source }
  ... on InvalidInputError { problems { field message } } } }`;
const REMOVE_PRODUCT = `mutation($id: ID!) { removeProduct(id: $id) {
  __typename ... on Removed { id } ... on InUseError { errorCode message referencedBy } ... on NotFoundError { message } } }`;
const REMOVE_VARIANT = REMOVE_PRODUCT.replace("removeProduct", "removeVariant");
const REMOVE_POINT = REMOVE_PRODUCT.replace("removeProduct", "removePickupPoint");
const SHOP_PRODUCTS = `{ products(page: { skip: 0, take: 100 }) { items { nameZh variants { nameZh referencePrice { price market } } } } }`;

type ShopProducts = {
  products: {
    items: { nameZh: string; variants: { nameZh: string; referencePrice: unknown }[] }[];
  };
};

describe("keeping the catalogue", () => {
  it("creates a product with its season, a variant and reference prices in fen or typed yuan", async () => {
    const staff = await adminClientFor(t, fixture, "STAFF");
    const product = await staff.data<{ createProduct: { __typename: string; id: string } }>(
      CREATE_PRODUCT,
      {
        input: {
          nameZh: "土蜂蜜",
          nameEn: "Mountain honey",
          category: "HONEY",
          seasonMonths: [9, 10],
        },
      },
    );
    expect(product.createProduct).toMatchObject({
      __typename: "Product",
      nameZh: "土蜂蜜",
      seasonMonths: [9, 10],
      category: "HONEY",
    });
    const variant = await staff.data<{ createVariant: { id: string } }>(CREATE_VARIANT, {
      p: product.createProduct.id,
      input: { nameZh: "一斤瓶", nameEn: "1 jin jar", unit: "JAR", grams: 500, maxPerOrder: 3 },
    });
    expect(variant.createVariant).toMatchObject({ unit: "JAR", grams: 500, maxPerOrder: 3 });
    const byText = await staff.data<{ addReferencePrice: unknown }>(ADD_PRICE, {
      input: {
        variantId: variant.createVariant.id,
        market: "坡仓乡集市",
        observedOn: "2011-09-10",
        source: "小李 observed",
        priceText: "￥４５．５０",
      },
    });
    // ￥45.50 typed with full-width digits = 4550 fen.
    expect(byText.addReferencePrice).toEqual({
      __typename: "ReferencePrice",
      market: "坡仓乡集市",
      observedOn: "2011-09-10",
      price: 4550,
      source: "小李 observed",
    });
    await staff.data(ADD_PRICE, {
      input: {
        variantId: variant.createVariant.id,
        market: "易县集市",
        observedOn: "2011-10-01",
        source: "县物价局",
        price: 4800,
      },
    });
    const shop = await t.shop().data<ShopProducts>(SHOP_PRODUCTS);
    expect(shop.products.items.find((p) => p.nameZh === "土蜂蜜")).toEqual({
      nameZh: "土蜂蜜",
      variants: [{ nameZh: "一斤瓶", referencePrice: { price: 4800, market: "易县集市" } }],
    });
  });

  it("shows staff each variant's latest township market price (none before one is recorded)", async () => {
    const staff = await adminClientFor(t, fixture, "STAFF");
    const product = await staff.data<{ createProduct: { id: string } }>(CREATE_PRODUCT, {
      input: { nameZh: "山核桃", nameEn: "Hickory nuts", category: "NUTS", seasonMonths: [9] },
    });
    const variant = await staff.data<{ createVariant: { id: string } }>(CREATE_VARIANT, {
      p: product.createProduct.id,
      input: { nameZh: "二斤袋", nameEn: "2 jin bag", unit: "BAG", grams: 1000, maxPerOrder: 5 },
    });
    const ADMIN_PRODUCTS = `query($s: String) { products(filter: { search: $s }) { items {
      variants { nameZh referencePrice { price market observedOn } } } } }`;
    const before = await staff.data<{ products: { items: unknown[] } }>(ADMIN_PRODUCTS, {
      s: "山核桃",
    });
    expect(before.products.items).toEqual([
      { variants: [{ nameZh: "二斤袋", referencePrice: null }] },
    ]);
    await staff.data(ADD_PRICE, {
      input: {
        variantId: variant.createVariant.id,
        market: "坡仓乡集市",
        observedOn: "2011-09-20",
        source: "工作人员",
        priceText: "12.5",
      },
    });
    const after = await staff.data<{ products: { items: unknown[] } }>(ADMIN_PRODUCTS, {
      s: "山核桃",
    });
    // 12.5 yuan = 1250 fen.
    expect(after.products.items).toEqual([
      {
        variants: [
          {
            nameZh: "二斤袋",
            referencePrice: { price: 1250, market: "坡仓乡集市", observedOn: "2011-09-20" },
          },
        ],
      },
    ]);
  });

  it("refuses bad input with a message per field and creates nothing", async () => {
    const staff = await adminClientFor(t, fixture, "STAFF");
    const before = await t.dataSource.getRepository(Product).count();
    const res = await staff.data<{ createProduct: unknown }>(CREATE_PRODUCT, {
      input: { nameZh: "", nameEn: "Chestnuts", category: "NUTS", seasonMonths: [9, 13, 9] },
    });
    expect(res.createProduct).toEqual({
      __typename: "InvalidInputError",
      problems: [
        { field: "nameZh", message: "名称需要 1 到 100 个字符。" },
        { field: "seasonMonths", message: "季节月份必须是 1 到 12 之间的不重复整数。" },
      ],
    });
    expect(await t.dataSource.getRepository(Product).count()).toBe(before);
    staff.locale = "en";
    const price = await staff.data<{ addReferencePrice: unknown }>(ADD_PRICE, {
      input: {
        variantId: market.variant.id,
        market: "坡仓乡集市",
        observedOn: "2011-04-01",
        source: "x",
        priceText: "十六元",
      },
    });
    expect(price.addReferencePrice).toEqual({
      __typename: "InvalidInputError",
      problems: [{ field: "priceText", message: "The price is not right: 十六元" }],
    });
    const both = await staff.data<{ addReferencePrice: unknown }>(ADD_PRICE, {
      input: {
        variantId: market.variant.id,
        market: "m",
        observedOn: "2011-04-01",
        source: "s",
        price: 1,
        priceText: "1",
      },
    });
    expect(both.addReferencePrice).toMatchObject({ problems: [{ field: "price" }] });
  });

  it("changes a product's season and a variant's most per order", async () => {
    const staff = await adminClientFor(t, fixture, "STAFF");
    const millet = fixture.products[2]!;
    const res = await staff.data<{ updateProduct: unknown }>(
      `mutation($id: ID!) { updateProduct(id: $id, input: { seasonMonths: [10, 11, 12] }) {
        __typename ... on Product { nameZh seasonMonths } } }`,
      { id: millet.id },
    );
    expect(res.updateProduct).toEqual({
      __typename: "Product",
      nameZh: "小米",
      seasonMonths: [10, 11, 12],
    });
    const variant = await t.dataSource
      .getRepository(Variant)
      .findOneByOrFail({ productId: millet.id });
    const upd = await staff.data<{ updateVariant: unknown }>(
      `mutation($id: ID!) { updateVariant(id: $id, input: { maxPerOrder: 2, grams: null }) {
        __typename ... on Variant { maxPerOrder grams } } }`,
      { id: variant.id },
    );
    expect(upd.updateVariant).toEqual({ __typename: "Variant", maxPerOrder: 2, grams: null });
  });
});

describe("removing from the catalogue", () => {
  it("refuses to remove a product or variant that offers and orders refer to, changing nothing", async () => {
    const admin = await adminClientFor(t, fixture, "ADMIN");
    const res = await admin.data<{ removeProduct: unknown }>(REMOVE_PRODUCT, {
      id: market.product.id,
    });
    expect(res.removeProduct).toEqual({
      __typename: "InUseError",
      errorCode: "IN_USE",
      message: "不能删除：报价、订单仍在引用它。",
      referencedBy: ["offers", "orders"],
    });
    const variant = await admin.data<{ removeVariant: unknown }>(REMOVE_VARIANT, {
      id: market.variant.id,
    });
    expect(variant.removeVariant).toMatchObject({
      __typename: "InUseError",
      referencedBy: ["offers", "orders"],
    });
    const product = await t.dataSource
      .getRepository(Product)
      .findOneByOrFail({ id: market.product.id });
    expect(product.deletedAt).toBeNull();
    expect(await t.dataSource.getRepository(Variant).countBy({ id: market.variant.id })).toBe(1);
  });

  it("removes a product nothing refers to: gone from the shop, kept in the database", async () => {
    const staff = await adminClientFor(t, fixture, "STAFF");
    const walnuts = fixture.products[1]!;
    const res = await staff.data<{ removeProduct: unknown }>(REMOVE_PRODUCT, { id: walnuts.id });
    expect(res.removeProduct).toEqual({ __typename: "Removed", id: walnuts.id });
    const shop = await t.shop().data<ShopProducts>(SHOP_PRODUCTS);
    expect(shop.products.items.map((p) => p.nameZh)).not.toContain("核桃");
    const row = await t.dataSource
      .getRepository(Product)
      .findOneOrFail({ where: { id: walnuts.id }, withDeleted: true });
    expect(row.deletedAt).not.toBeNull();
    const again = await staff.data<{ removeProduct: unknown }>(REMOVE_PRODUCT, { id: walnuts.id });
    expect(again.removeProduct).toMatchObject({ __typename: "NotFoundError" });
  });

  it("refuses to remove a pickup point orders refer to, and removes an unused one", async () => {
    const admin = await adminClientFor(t, fixture, "ADMIN");
    const res = await admin.data<{ removePickupPoint: unknown }>(REMOVE_POINT, {
      id: market.pickupPoint.id,
    });
    expect(res.removePickupPoint).toMatchObject({
      __typename: "InUseError",
      referencedBy: ["orders", "consumerGroups", "consumerHouseholds"],
    });
    const still = await t.dataSource
      .getRepository(PickupPoint)
      .findOneByOrFail({ id: market.pickupPoint.id });
    expect(still.deletedAt).toBeNull();
    const spare = await t.dataSource.getRepository(PickupPoint).save({
      producerGroupId: fixture.groups.sanggang.id,
      nameZh: "朝阳·望京",
      nameEn: "Chaoyang, Wangjing",
      city: "北京",
      address: "朝阳区望京",
      pickupHours: "周六 14:00–17:00",
    });
    // Staff of Sanggang may remove Sanggang's point, but not the small market's (another group).
    const staff = await adminClientFor(t, fixture, "STAFF");
    const other = await staff.data<{ removePickupPoint: unknown }>(REMOVE_POINT, {
      id: market.pickupPoint.id,
    });
    expect(other.removePickupPoint).toMatchObject({ __typename: "NotFoundError" });
    const removed = await staff.data<{ removePickupPoint: unknown }>(REMOVE_POINT, {
      id: spare.id,
    });
    expect(removed.removePickupPoint).toEqual({ __typename: "Removed", id: spare.id });
    const shop = await t
      .shop()
      .data<{ pickupPoints: { nameZh: string }[] }>("{ pickupPoints { nameZh } }");
    expect(shop.pickupPoints.map((p) => p.nameZh)).not.toContain("朝阳·望京");
  });
});
