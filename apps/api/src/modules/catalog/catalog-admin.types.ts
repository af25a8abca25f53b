import { createUnionType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { resolveAs } from "../../graphql/type-helpers";
import { InUseError, InvalidInputError, NotFoundError } from "../../graphql/error-result";
import { LocalDateScalar, MoneyScalar } from "../../graphql/scalars";
import { ReferencePriceType } from "../cycle/offer.types";
import { ProductCategoryEnum, ProductType, SaleUnitEnum, VariantType } from "./catalog.types";
import type { ProductCategory } from "./product.entity";
import type { SaleUnit } from "./variant.entity";

/** Changes to a product; an omitted field stays as it is, null clears a description. */
@InputType()
export class ProductChangesInput {
  @Field(() => String, { nullable: true })
  nameZh?: string | null;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => ProductCategoryEnum, { nullable: true })
  category?: ProductCategory | null;

  @Field(() => [Int], { nullable: true, description: "Season: months 1–12, each at most once." })
  seasonMonths?: number[] | null;

  @Field(() => String, { nullable: true })
  descriptionZh?: string | null;

  @Field(() => String, { nullable: true })
  descriptionEn?: string | null;
}

/** A new product: names, category and season are required. */
@InputType()
export class CreateProductInput extends ProductChangesInput {}

/** Changes to a variant; an omitted field stays as it is, null clears `grams`. */
@InputType()
export class VariantChangesInput {
  @Field(() => String, { nullable: true })
  nameZh?: string | null;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => SaleUnitEnum, { nullable: true })
  unit?: SaleUnit | null;

  @Field(() => Int, { nullable: true, description: "Weight of one unit in grams (1 jin = 500)." })
  grams?: number | null;

  @Field(() => Int, { nullable: true, description: "Most units one order may hold (1–1000)." })
  maxPerOrder?: number | null;
}

/** A price observed on a market: give `price` in fen or `priceText` in yuan (e.g. "¥16.50"). */
@InputType()
export class ReferencePriceInput {
  @Field(() => ID)
  variantId: string;

  @Field({ description: "Where it was observed, e.g. 坡仓乡集市." })
  market: string;

  @Field(() => LocalDateScalar)
  observedOn: string;

  @Field({ description: "Who observed it or where it was published." })
  source: string;

  @Field(() => MoneyScalar, { nullable: true, description: "Price of one unit in fen." })
  price?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Price of one unit as typed, in yuan: 16.5, ¥16.50, １６．５０元.",
  })
  priceText?: string | null;
}

/** A record was removed (soft-deleted: rows that refer to it still read the same). */
@ObjectType()
export class Removed {
  @Field(() => ID)
  id: string;
}

/** The answer to creating or changing a product. */
export const ProductResult = createUnionType({
  name: "ProductResult",
  types: () => [ProductType, NotFoundError, InvalidInputError] as const,
  resolveType: resolveAs("Product"),
});

/** The answer to creating or changing a variant. */
export const VariantResult = createUnionType({
  name: "VariantResult",
  types: () => [VariantType, NotFoundError, InvalidInputError] as const,
  resolveType: resolveAs("Variant"),
});

/** The answer to recording a reference price. */
export const ReferencePriceResult = createUnionType({
  name: "ReferencePriceResult",
  types: () => [ReferencePriceType, NotFoundError, InvalidInputError] as const,
  resolveType: resolveAs("ReferencePrice"),
});

/** The answer to removing a product, variant or pickup point. */
export const RemoveResult = createUnionType({
  name: "RemoveResult",
  types: () => [Removed, NotFoundError, InUseError] as const,
  resolveType: resolveAs("Removed"),
});
