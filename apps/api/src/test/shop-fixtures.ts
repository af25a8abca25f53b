import type { OrderCycleState } from "@nested/domain";
import type { DataSource } from "typeorm";
import { Product } from "../modules/catalog/product.entity";
import { Variant } from "../modules/catalog/variant.entity";
import { Offer } from "../modules/cycle/offer.entity";
import { OrderCycle } from "../modules/cycle/order-cycle.entity";
import { SupplyDeclaration } from "../modules/cycle/supply-declaration.entity";

/** Milliseconds in a day. */
export const DAY_MS = 24 * 3600 * 1000;

/** An instant `days` days from the test's start (negative: in the past). */
export function daysFromNow(days: number): Date {
  return new Date(Date.now() + days * DAY_MS);
}

/** Writes an order cycle of a producer group; dates default to a window around now. */
export function createCycle(
  ds: DataSource,
  producerGroupId: string,
  cycle: {
    code: string;
    state: OrderCycleState;
    opensAt: Date;
    closesAt: Date;
    deliveryOn?: string;
  },
): Promise<OrderCycle> {
  return ds.manager.save(OrderCycle, {
    producerGroupId,
    code: cycle.code,
    state: cycle.state,
    declarationOpensOn: "2000-01-01",
    opensAt: cycle.opensAt,
    closesAt: cycle.closesAt,
    deliveryOn: cycle.deliveryOn ?? "2099-12-31",
  });
}

/** Writes an offer; prices in fen, quantities in units. */
export function createOffer(
  ds: DataSource,
  cycle: OrderCycle,
  variantId: string,
  offer: { priceFen: number; producerPriceFen: number; quantityTotal: number; reserved?: number },
): Promise<Offer> {
  return ds.manager.save(Offer, {
    producerGroupId: cycle.producerGroupId,
    orderCycleId: cycle.id,
    variantId,
    priceFen: offer.priceFen,
    producerPriceFen: offer.producerPriceFen,
    quantityTotal: offer.quantityTotal,
    quantityReserved: offer.reserved ?? 0,
  });
}

/** Writes a household's supply declaration of a variant in a cycle. */
export function declareSupply(
  ds: DataSource,
  cycle: OrderCycle,
  householdId: string,
  variantId: string,
  quantity: number,
): Promise<SupplyDeclaration> {
  return ds.manager.save(SupplyDeclaration, {
    producerGroupId: cycle.producerGroupId,
    orderCycleId: cycle.id,
    householdId,
    variantId,
    quantity,
  });
}

/** Writes a product with one variant (1 jin, at most 10 an order). */
export async function createProductWithVariant(
  ds: DataSource,
  names: { productZh: string; productEn: string; variantZh: string; variantEn: string },
): Promise<{ product: Product; variant: Variant }> {
  const product = await ds.manager.save(Product, {
    nameZh: names.productZh,
    nameEn: names.productEn,
    category: "VEGETABLES",
    seasonMonths: [5, 6, 7],
  } as Partial<Product>);
  const variant = await ds.manager.save(Variant, {
    productId: product.id,
    nameZh: names.variantZh,
    nameEn: names.variantEn,
    unit: "JIN",
    grams: 500,
    maxPerOrder: 10,
  } as Partial<Variant>);
  return { product, variant };
}
