import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { PaginatedList } from "../../graphql/pagination";
import { PRODUCT_CATEGORIES, type ProductCategory } from "./product.entity";
import { SALE_UNITS, type SaleUnit } from "./variant.entity";

/** GraphQL enum of product categories. */
export const ProductCategoryEnum = Object.fromEntries(PRODUCT_CATEGORIES.map((c) => [c, c])) as {
  [C in ProductCategory]: C;
};
registerEnumType(ProductCategoryEnum, { name: "ProductCategory" });

/** GraphQL enum of sale units (1 jin = 500 g). */
export const SaleUnitEnum = Object.fromEntries(SALE_UNITS.map((u) => [u, u])) as {
  [U in SaleUnit]: U;
};
registerEnumType(SaleUnitEnum, {
  name: "SaleUnit",
  description: "The unit a variant is counted and priced in.",
});

/** A sellable form of a product. */
@ObjectType("Variant", { simpleResolvers: true })
export class VariantType {
  @Field(() => ID)
  id: string;

  @Field()
  nameZh: string;

  @Field()
  nameEn: string;

  @Field(() => SaleUnitEnum)
  unit: SaleUnit;

  @Field(() => Int, {
    nullable: true,
    description: "Weight of one unit in grams, when fixed (1 jin = 500).",
  })
  grams: number | null;

  @Field(() => Int, { description: "Most units of this variant one order may hold." })
  maxPerOrder: number;

  productId: string;
}

/** Something households produce from their own livelihood resources. */
@ObjectType("Product", { simpleResolvers: true })
export class ProductType {
  @Field(() => ID)
  id: string;

  @Field()
  nameZh: string;

  @Field()
  nameEn: string;

  @Field(() => ProductCategoryEnum)
  category: ProductCategory;

  @Field(() => [Int], { description: "Months (1–12) in which it is usually offered." })
  seasonMonths: number[];

  @Field(() => String, { nullable: true })
  descriptionZh: string | null;

  @Field(() => String, { nullable: true })
  descriptionEn: string | null;
}

/** A page of products. */
@ObjectType("ProductList", { simpleResolvers: true })
export class ProductList extends PaginatedList(ProductType) {}

/** Which products to list. */
@InputType()
export class ProductFilter {
  @Field(() => ProductCategoryEnum, { nullable: true })
  category?: ProductCategory | null;

  @Field(() => String, {
    nullable: true,
    description: "Part of the Chinese or English name; % and _ are plain characters.",
  })
  search?: string | null;
}
