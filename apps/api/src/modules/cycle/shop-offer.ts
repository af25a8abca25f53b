import type { ProductCategory } from "../catalog/product.entity";
import type { SaleUnit } from "../catalog/variant.entity";
import type { OfferType } from "./offer.types";

/**
 * The select list of a shop offer, for SQL that joins `offers o`, `variants v` and
 * `products p`; read each row back with {@link toShopOffer}.
 */
export const SHOP_OFFER_COLUMNS = `o.id, o.order_cycle_id, o.variant_id, o.price_fen, o.producer_price_fen,
  o.quantity_total - o.quantity_reserved AS quantity_available,
  v.name_zh AS variant_name_zh, v.name_en AS variant_name_en, v.unit, v.grams, v.max_per_order,
  v.product_id, p.name_zh AS product_name_zh, p.name_en AS product_name_en, p.category,
  p.season_months, p.description_zh, p.description_en`;

/** A row selected with {@link SHOP_OFFER_COLUMNS} (money in fen, weights in grams). */
export interface ShopOfferRow {
  id: string;
  order_cycle_id: string;
  variant_id: string;
  price_fen: number;
  producer_price_fen: number;
  quantity_available: number;
  variant_name_zh: string;
  variant_name_en: string;
  unit: SaleUnit;
  grams: number | null;
  max_per_order: number;
  product_id: string;
  product_name_zh: string;
  product_name_en: string;
  category: ProductCategory;
  season_months: number[];
  description_zh: string | null;
  description_en: string | null;
}

/** An offer row as the plain object the `Offer` GraphQL type reads, variant and product filled. */
export function toShopOffer(row: ShopOfferRow): OfferType {
  return {
    id: row.id,
    orderCycleId: row.order_cycle_id,
    variantId: row.variant_id,
    price: row.price_fen,
    producerPrice: row.producer_price_fen,
    quantityAvailable: row.quantity_available,
    unit: row.unit,
    category: row.category,
    seasonMonths: row.season_months,
    variant: {
      id: row.variant_id,
      productId: row.product_id,
      nameZh: row.variant_name_zh,
      nameEn: row.variant_name_en,
      unit: row.unit,
      grams: row.grams,
      maxPerOrder: row.max_per_order,
    },
    product: {
      id: row.product_id,
      nameZh: row.product_name_zh,
      nameEn: row.product_name_en,
      category: row.category,
      seasonMonths: row.season_months,
      descriptionZh: row.description_zh,
      descriptionEn: row.description_en,
    },
  };
}
