import type { Locale } from "../../i18n/translate";

/** The names an offer carries in both languages (snapshot of product and variant). */
export interface OfferNames {
  productNameZh: string;
  productNameEn: string;
  variantNameZh: string;
  variantNameEn: string;
}

/**
 * How a refusal names an offer in `locale`: "product variant" (e.g. "Potatoes 10 jin bag"), or
 * the variant name alone when it already contains the product name (a variant named
 * "土豆 10斤装" of product "土豆" is said "土豆 10斤装", not "土豆 土豆 10斤装").
 * Comparison ignores case, so "Potatoes" is found in "potatoes, 10 jin bag".
 */
export function offerDisplayName(offer: OfferNames, locale: Locale): string {
  const en = locale === "en";
  const product = (en ? offer.productNameEn : offer.productNameZh).trim();
  const variant = (en ? offer.variantNameEn : offer.variantNameZh).trim();
  if (!product) return variant;
  if (!variant) return product;
  if (variant.toLowerCase().includes(product.toLowerCase())) return variant;
  return `${product} ${variant}`;
}
