import { IsOptional, IsUUID, MaxLength, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { PageInput, PaginatedList, SortDirection } from "../../graphql/pagination";
import { LocalDateScalar, MoneyScalar } from "../../graphql/scalars";
import {
  ProductCategoryEnum,
  ProductType,
  SaleUnitEnum,
  VariantType,
} from "../catalog/catalog.types";
import type { ProductCategory } from "../catalog/product.entity";
import type { SaleUnit } from "../catalog/variant.entity";
import { VillageType } from "../household/village.types";

/**
 * A household that declared supply for an offer, as consumers see it: always its pseudonymous
 * code and village; its public profile only while a PUBLIC_PROFILE consent stands (otherwise
 * those fields are null). Never the head's name or anything from the register.
 */
@ObjectType("Grower", {
  simpleResolvers: true,
  description:
    "A household that grew an offer. The profile fields are null unless the household agreed to show them.",
})
export class GrowerType {
  @Field({ description: 'Pseudonymous code, e.g. "SG-017".' })
  code: string;

  @Field(() => String, { nullable: true })
  displayName: string | null;

  @Field(() => String, { nullable: true })
  photoUrl: string | null;

  @Field(() => String, { nullable: true })
  storyZh: string | null;

  @Field(() => String, { nullable: true })
  storyEn: string | null;

  @Field(() => VillageType)
  village: VillageType;
}

/** A price observed on a township market, the baseline of the producer price premium. */
@ObjectType("ReferencePrice")
export class ReferencePriceType {
  @Field({ description: "Where it was observed, e.g. 坡仓乡集市." })
  market: string;

  @Field(() => LocalDateScalar)
  observedOn: string;

  @Field(() => MoneyScalar, { name: "price", description: "Price of one variant unit." })
  priceFen: number;

  @Field({ description: "Who observed it or where it was published." })
  source: string;
}

/**
 * How an offer's prices compare, in basis points (1 bp = 0.01 %; 10 000 bp = 100 %), computed
 * with integer arithmetic and rounded to the nearest basis point, halves away from zero.
 */
@ObjectType("OfferPricing", {
  simpleResolvers: true,
  description:
    "Price comparison in basis points (10000 = 100 %), exact integer arithmetic, rounded to the nearest basis point with halves away from zero.",
})
export class OfferPricingType {
  @Field(() => ReferencePriceType, {
    nullable: true,
    description: "The latest township market price of the variant, if one was observed.",
  })
  referencePrice: ReferencePriceType | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Producer price premium: (producer price − reference price) / reference price, in basis points. Null without a reference price.",
  })
  premiumBasisPoints: number | null;

  @Field(() => Int, {
    description:
      "How much of the consumer price reaches the household: producer price / consumer price, in basis points.",
  })
  householdShareBasisPoints: number;
}

/**
 * A variant on sale in an order cycle, as the shop shows it: a plain object with its variant and
 * product already joined (see `toShopOffer`), so every field but `growers`, `villages` and
 * `pricing` is read straight from it. Prices in fen.
 */
@ObjectType("Offer", { simpleResolvers: true })
export class OfferType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  orderCycleId: string;

  @Field(() => MoneyScalar, { description: "Consumer price of one unit." })
  price: number;

  @Field(() => MoneyScalar, {
    description: "What the household is paid for each unit accepted at intake.",
  })
  producerPrice: number;

  @Field(() => Int, { description: "Units still available: total − reserved." })
  quantityAvailable: number;

  @Field(() => VariantType)
  variant: VariantType;

  @Field(() => ProductType)
  product: ProductType;

  @Field(() => SaleUnitEnum)
  unit: SaleUnit;

  @Field(() => ProductCategoryEnum)
  category: ProductCategory;

  @Field(() => [Int], { description: "Months (1–12) in which the product is in season." })
  seasonMonths: number[];

  variantId: string;
}

/** A page of offers. */
@ObjectType("OfferList", { simpleResolvers: true })
export class OfferList extends PaginatedList(OfferType) {}

/** Which offers of a cycle to list. */
@InputType()
export class OfferFilter {
  @Field(() => ProductCategoryEnum, { nullable: true })
  category?: ProductCategory | null;

  @Field(() => ID, { nullable: true, description: "Only offers a household of this village grew." })
  @IsOptional()
  @IsUUID("all")
  villageId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Part of the Chinese or English product or variant name; % and _ are plain characters.",
  })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

/** What offers are sorted by; ties are always broken by the offer id. */
export enum OfferSortField {
  PRICE = "PRICE",
  NAME = "NAME",
}
registerEnumType(OfferSortField, {
  name: "OfferSortField",
  description: "PRICE: consumer price; NAME: Chinese product name, then variant name. Ties by id.",
});

/** How to sort offers. */
@InputType()
export class OfferSort {
  @Field(() => OfferSortField, { defaultValue: OfferSortField.NAME })
  field: OfferSortField = OfferSortField.NAME;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection = SortDirection.ASC;
}

/** Arguments of `offers`. */
@ArgsType()
export class OffersArgs {
  @Field(() => ID)
  @IsUUID("all")
  orderCycleId: string;

  @Field(() => PageInput, { defaultValue: { skip: 0, take: 20 } })
  @ValidateNested()
  page: PageInput;

  @Field(() => OfferFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: OfferFilter | null;

  @Field(() => OfferSort, { nullable: true })
  @IsOptional()
  sort?: OfferSort | null;
}
