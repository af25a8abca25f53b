import type { DemoRandom } from "./random";

/** A livelihood resource a household may hold (taihang-facts.md: own produce only). */
export type ResourceKind =
  "HENS" | "DUCKS" | "GEESE" | "PIGS" | "WALNUT_TREES" | "CHESTNUT_TREES" | "BEEHIVES" | "LAND_MU";

/** A product (商品) of the catalogue; seasons are calendar months 1–12 in which it is offered. */
export interface ProductRecord {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  category: "EGGS" | "POULTRY" | "PORK" | "GRAIN" | "TUBERS" | "NUTS" | "HONEY" | "VEGETABLES";
  /** Months (1–12) in which households can declare it. */
  seasonMonths: number[];
}

/**
 * A saleable variant of a product: one unit as a consumer orders it. `gramsPerUnit` is the
 * nominal weight (1 jin = 500 g); prices are never stored here, they live per year and per offer.
 */
export interface ProductVariantRecord {
  id: string;
  productId: string;
  code: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  /** The unit as the catalogue stores it. */
  unit: "JIN" | "BOX" | "BIRD" | "BAG" | "JAR";
  gramsPerUnit: number;
  /** Most units one order may hold, so scarce produce reaches more households. */
  maxPerOrder: number;
}

/**
 * The township market (乡镇集市) price of a variant in a year, in fen per unit: what a household
 * would get without the nested market. Offers are priced 30–60% above it (taihang-facts.md,
 * "price design").
 */
export interface ReferencePriceRecord {
  id: string;
  variantId: string;
  year: number;
  /** The market day it was observed (mid-year). */
  observedOn: string;
  priceFen: number;
  /** e.g. "坡仓乡集市"; markets are shared by the villages of a township. */
  market: string;
  source: string;
}

/** How a variant is produced, priced, declared and ordered in the simulation. */
export interface VariantSpec {
  code: string;
  productCode: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  gramsPerUnit: number;
  /** Consumer price in 2011, fen per unit. */
  basePriceFen2011: number;
  resource: ResourceKind;
  /** Smallest holding of `resource` that lets a household declare this variant. */
  minResource: number;
  /** Units a household declares per cycle: [min, max]. */
  declare: readonly [number, number];
  /** Units per order line: [min, max]. */
  orderQuantity: readonly [number, number];
  /** Relative popularity among consumers. */
  popularity: number;
  /** Probability that an eligible household declares it in a cycle. */
  declareChance: number;
}

type ProductSpec = Omit<ProductRecord, "id">;

const ALL_YEAR = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** The products of taihang-facts.md with their seasons. */
export const PRODUCT_SPECS: readonly ProductSpec[] = [
  {
    code: "EGG",
    nameZh: "柴鸡蛋",
    nameEn: "Free-range eggs",
    category: "EGGS",
    seasonMonths: ALL_YEAR,
  },
  {
    code: "CHICKEN",
    nameZh: "柴鸡（整只）",
    nameEn: "Whole free-range chicken",
    category: "POULTRY",
    seasonMonths: [9, 10, 11, 12, 1],
  },
  {
    code: "DUCK",
    nameZh: "土鸭（整只）",
    nameEn: "Whole duck",
    category: "POULTRY",
    seasonMonths: [9, 10, 11, 12, 1],
  },
  {
    code: "GOOSE_EGG",
    nameZh: "鹅蛋",
    nameEn: "Goose eggs",
    category: "EGGS",
    seasonMonths: [3, 4, 5, 6],
  },
  {
    code: "PORK",
    nameZh: "粮食喂养猪肉",
    nameEn: "Grain-fed pork",
    category: "PORK",
    seasonMonths: [11, 12, 1, 2],
  },
  { code: "MILLET", nameZh: "小米", nameEn: "Millet", category: "GRAIN", seasonMonths: ALL_YEAR },
  {
    code: "COARSE_GRAINS",
    nameZh: "杂粮",
    nameEn: "Coarse grains",
    category: "GRAIN",
    seasonMonths: [10, 11, 12, 1, 2, 3, 4, 5],
  },
  {
    code: "MAIZE",
    nameZh: "玉米",
    nameEn: "Maize",
    category: "GRAIN",
    seasonMonths: [10, 11, 12, 1, 2, 3],
  },
  {
    code: "SWEET_POTATO",
    nameZh: "红薯",
    nameEn: "Sweet potatoes",
    category: "TUBERS",
    seasonMonths: [9, 10, 11, 12, 1, 2],
  },
  {
    code: "POTATO",
    nameZh: "土豆",
    nameEn: "Potatoes",
    category: "TUBERS",
    seasonMonths: [8, 9, 10, 11, 12, 1, 2],
  },
  {
    code: "PEANUT",
    nameZh: "花生",
    nameEn: "Peanuts",
    category: "NUTS",
    seasonMonths: [9, 10, 11, 12],
  },
  {
    code: "WALNUT",
    nameZh: "核桃",
    nameEn: "Walnuts",
    category: "NUTS",
    seasonMonths: [9, 10, 11, 12],
  },
  {
    code: "CHESTNUT",
    nameZh: "板栗",
    nameEn: "Chestnuts",
    category: "NUTS",
    seasonMonths: [9, 10, 11, 12],
  },
  {
    code: "HONEY",
    nameZh: "土蜂蜜",
    nameEn: "Honey",
    category: "HONEY",
    seasonMonths: [7, 8, 9, 10, 11, 12, 1],
  },
  {
    code: "VEGETABLES",
    nameZh: "时令蔬菜",
    nameEn: "Seasonal vegetables",
    category: "VEGETABLES",
    seasonMonths: [6, 7, 8, 9],
  },
];

/**
 * The variants. Free-range eggs by the jin cost 16 yuan (1600 fen) in 2011 (taihang-facts.md,
 * "example price"); other 2011 prices are invented in proportion.
 */
export const VARIANT_SPECS: readonly VariantSpec[] = [
  {
    code: "EGG-1JIN",
    productCode: "EGG",
    nameZh: "柴鸡蛋 1斤",
    nameEn: "Free-range eggs, 1 jin",
    unitZh: "斤",
    unitEn: "jin",
    gramsPerUnit: 500,
    basePriceFen2011: 1600,
    resource: "HENS",
    minResource: 8,
    declare: [6, 30],
    orderQuantity: [2, 5],
    popularity: 10,
    declareChance: 0.85,
  },
  {
    code: "EGG-30",
    productCode: "EGG",
    nameZh: "柴鸡蛋 30枚装",
    nameEn: "Free-range eggs, box of 30",
    unitZh: "盒",
    unitEn: "box",
    gramsPerUnit: 1500,
    basePriceFen2011: 4500,
    resource: "HENS",
    minResource: 20,
    declare: [1, 6],
    orderQuantity: [1, 2],
    popularity: 3,
    declareChance: 0.3,
  },
  {
    code: "HEN",
    productCode: "CHICKEN",
    nameZh: "柴母鸡（整只）",
    nameEn: "Whole hen",
    unitZh: "只",
    unitEn: "bird",
    gramsPerUnit: 1250,
    basePriceFen2011: 8000,
    resource: "HENS",
    minResource: 15,
    declare: [1, 4],
    orderQuantity: [1, 1],
    popularity: 3,
    declareChance: 0.35,
  },
  {
    code: "ROOSTER",
    productCode: "CHICKEN",
    nameZh: "柴公鸡（整只）",
    nameEn: "Whole rooster",
    unitZh: "只",
    unitEn: "bird",
    gramsPerUnit: 1750,
    basePriceFen2011: 9000,
    resource: "HENS",
    minResource: 15,
    declare: [1, 3],
    orderQuantity: [1, 1],
    popularity: 2,
    declareChance: 0.25,
  },
  {
    code: "DUCK",
    productCode: "DUCK",
    nameZh: "土鸭（整只）",
    nameEn: "Whole duck",
    unitZh: "只",
    unitEn: "bird",
    gramsPerUnit: 1750,
    basePriceFen2011: 7000,
    resource: "DUCKS",
    minResource: 4,
    declare: [1, 4],
    orderQuantity: [1, 1],
    popularity: 1.5,
    declareChance: 0.5,
  },
  {
    code: "GOOSE-EGG-6",
    productCode: "GOOSE_EGG",
    nameZh: "鹅蛋 6枚装",
    nameEn: "Goose eggs, box of 6",
    unitZh: "盒",
    unitEn: "box",
    gramsPerUnit: 900,
    basePriceFen2011: 3000,
    resource: "GEESE",
    minResource: 3,
    declare: [1, 5],
    orderQuantity: [1, 2],
    popularity: 1.5,
    declareChance: 0.6,
  },
  {
    code: "PORK-RIBS",
    productCode: "PORK",
    nameZh: "排骨 1斤",
    nameEn: "Pork ribs, 1 jin",
    unitZh: "斤",
    unitEn: "jin",
    gramsPerUnit: 500,
    basePriceFen2011: 2800,
    resource: "PIGS",
    minResource: 1,
    declare: [4, 12],
    orderQuantity: [2, 4],
    popularity: 4,
    declareChance: 0.7,
  },
  {
    code: "PORK-SPINE",
    productCode: "PORK",
    nameZh: "脊骨 1斤",
    nameEn: "Pork spine, 1 jin",
    unitZh: "斤",
    unitEn: "jin",
    gramsPerUnit: 500,
    basePriceFen2011: 1600,
    resource: "PIGS",
    minResource: 1,
    declare: [4, 12],
    orderQuantity: [2, 4],
    popularity: 2,
    declareChance: 0.5,
  },
  {
    code: "PORK-BELLY",
    productCode: "PORK",
    nameZh: "五花肉 1斤",
    nameEn: "Pork belly, 1 jin",
    unitZh: "斤",
    unitEn: "jin",
    gramsPerUnit: 500,
    basePriceFen2011: 2400,
    resource: "PIGS",
    minResource: 1,
    declare: [4, 12],
    orderQuantity: [2, 4],
    popularity: 3,
    declareChance: 0.5,
  },
  {
    code: "MILLET-5JIN",
    productCode: "MILLET",
    nameZh: "小米 5斤装",
    nameEn: "Millet, 5-jin bag",
    unitZh: "袋",
    unitEn: "bag",
    gramsPerUnit: 2500,
    basePriceFen2011: 3500,
    resource: "LAND_MU",
    minResource: 1,
    declare: [2, 8],
    orderQuantity: [1, 2],
    popularity: 4,
    declareChance: 0.35,
  },
  {
    code: "GRAINS-MIX",
    productCode: "COARSE_GRAINS",
    nameZh: "杂粮组合 2斤",
    nameEn: "Coarse grain mix, 2 jin",
    unitZh: "袋",
    unitEn: "bag",
    gramsPerUnit: 1000,
    basePriceFen2011: 2400,
    resource: "LAND_MU",
    minResource: 1,
    declare: [2, 8],
    orderQuantity: [1, 2],
    popularity: 2,
    declareChance: 0.3,
  },
  {
    code: "CORNMEAL-5JIN",
    productCode: "MAIZE",
    nameZh: "玉米面 5斤装",
    nameEn: "Cornmeal, 5-jin bag",
    unitZh: "袋",
    unitEn: "bag",
    gramsPerUnit: 2500,
    basePriceFen2011: 2000,
    resource: "LAND_MU",
    minResource: 1.5,
    declare: [2, 8],
    orderQuantity: [1, 2],
    popularity: 1.5,
    declareChance: 0.3,
  },
  {
    code: "SWEET-POTATO-10JIN",
    productCode: "SWEET_POTATO",
    nameZh: "红薯 10斤装",
    nameEn: "Sweet potatoes, 10 jin",
    unitZh: "箱",
    unitEn: "box",
    gramsPerUnit: 5000,
    basePriceFen2011: 3000,
    resource: "LAND_MU",
    minResource: 1,
    declare: [2, 6],
    orderQuantity: [1, 1],
    popularity: 2.5,
    declareChance: 0.4,
  },
  {
    code: "POTATO-10JIN",
    productCode: "POTATO",
    nameZh: "土豆 10斤装",
    nameEn: "Potatoes, 10 jin",
    unitZh: "箱",
    unitEn: "box",
    gramsPerUnit: 5000,
    basePriceFen2011: 2000,
    resource: "LAND_MU",
    minResource: 1,
    declare: [2, 6],
    orderQuantity: [1, 1],
    popularity: 1.5,
    declareChance: 0.3,
  },
  {
    code: "PEANUT-3JIN",
    productCode: "PEANUT",
    nameZh: "带壳花生 3斤装",
    nameEn: "Peanuts in shell, 3 jin",
    unitZh: "袋",
    unitEn: "bag",
    gramsPerUnit: 1500,
    basePriceFen2011: 2400,
    resource: "LAND_MU",
    minResource: 1,
    declare: [2, 6],
    orderQuantity: [1, 2],
    popularity: 2,
    declareChance: 0.4,
  },
  {
    code: "WALNUT-2JIN",
    productCode: "WALNUT",
    nameZh: "核桃 2斤装",
    nameEn: "Walnuts, 2 jin",
    unitZh: "袋",
    unitEn: "bag",
    gramsPerUnit: 1000,
    basePriceFen2011: 3600,
    resource: "WALNUT_TREES",
    minResource: 5,
    declare: [2, 8],
    orderQuantity: [1, 2],
    popularity: 3,
    declareChance: 0.6,
  },
  {
    code: "CHESTNUT-2JIN",
    productCode: "CHESTNUT",
    nameZh: "板栗 2斤装",
    nameEn: "Chestnuts, 2 jin",
    unitZh: "袋",
    unitEn: "bag",
    gramsPerUnit: 1000,
    basePriceFen2011: 3000,
    resource: "CHESTNUT_TREES",
    minResource: 5,
    declare: [2, 8],
    orderQuantity: [1, 2],
    popularity: 2.5,
    declareChance: 0.6,
  },
  {
    code: "HONEY-1JIN",
    productCode: "HONEY",
    nameZh: "土蜂蜜 1斤装",
    nameEn: "Honey, 1-jin jar",
    unitZh: "瓶",
    unitEn: "jar",
    gramsPerUnit: 500,
    basePriceFen2011: 6000,
    resource: "BEEHIVES",
    minResource: 2,
    declare: [2, 6],
    orderQuantity: [1, 2],
    popularity: 2,
    declareChance: 0.6,
  },
  {
    code: "VEG-BOX",
    productCode: "VEGETABLES",
    nameZh: "时令蔬菜箱 5斤",
    nameEn: "Seasonal vegetable box, 5 jin",
    unitZh: "箱",
    unitEn: "box",
    gramsPerUnit: 2500,
    basePriceFen2011: 3000,
    resource: "LAND_MU",
    minResource: 0.5,
    declare: [1, 4],
    orderQuantity: [1, 1],
    popularity: 3,
    declareChance: 0.45,
  },
];

/** Yearly rise of consumer prices (3%), applied from 2011. */
const PRICE_GROWTH_PER_YEAR = 1.03;

/**
 * The consumer (offer) price of a variant in a year, integer fen per unit, rounded to 10 fen:
 * the 2011 price grown by 3% a year. Eggs by the jin: 1600 fen in 2011.
 */
export function consumerPriceFen(spec: VariantSpec, year: number): number {
  return Math.round((spec.basePriceFen2011 * PRICE_GROWTH_PER_YEAR ** (year - 2011)) / 10) * 10;
}

/** A variant's three prices in one year, integer fen per unit. */
export interface VariantYearPrices {
  consumerPriceFen: number;
  producerPriceFen: number;
  referencePriceFen: number;
}

/**
 * Prices a variant for a year from a premium drawn in [1.42, 1.58]: reference = consumer price /
 * premium (so the offer is 42–58% above the township market, inside the published 30–60%), and the
 * producer price is at least the reference + 30% (taihang-facts.md, "producers get at least 30%
 * above the local market price") and below the consumer price.
 */
export function priceVariantYear(
  spec: VariantSpec,
  year: number,
  random: DemoRandom,
): VariantYearPrices {
  const consumer = consumerPriceFen(spec, year);
  const premium = random.between(1.42, 1.58);
  const reference = Math.round(consumer / premium);
  const producer = Math.min(
    consumer - 10,
    Math.max(Math.ceil((reference * 13) / 10), Math.round((consumer * 0.86) / 10) * 10),
  );
  return { consumerPriceFen: consumer, producerPriceFen: producer, referencePriceFen: reference };
}

/** Whether a product is in season in a month (1–12). */
export function inSeason(product: ProductSpec, month: number): boolean {
  return product.seasonMonths.includes(month);
}
