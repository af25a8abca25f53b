import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { type Page, PageInput } from "../../graphql/pagination";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import {
  CreateProductInput,
  ProductChangesInput,
  ProductResult,
  ReferencePriceInput,
  ReferencePriceResult,
  RemoveResult,
  VariantChangesInput,
  VariantResult,
} from "./catalog-admin.types";
import {
  addReferencePrice,
  createProduct,
  createVariant,
  removeProduct,
  removeVariant,
  updateProduct,
  updateVariant,
} from "./catalog-admin.service";
import { ReferencePriceType } from "../cycle/offer.types";
import { latestReferencePrice } from "./catalog.loaders";
import { listProducts, variantsByProduct } from "./catalog.service";
import { ProductFilter, ProductList, ProductType, VariantType } from "./catalog.types";
import type { Product } from "./product.entity";
import type { ReferencePrice } from "./reference-price.entity";

/** The product catalogue as project staff maintain it. */
@Resolver(() => ProductType)
export class CatalogAdminResolver {
  @RequirePermission("catalog:write")
  @Query(() => ProductList, { description: "Products not removed, by Chinese name." })
  products(
    @Ctx() ctx: RequestContext,
    @Arg("page", () => PageInput, { defaultValue: { skip: 0, take: 20 } }) page: PageInput,
    @Arg("filter", () => ProductFilter, { nullable: true }) filter?: ProductFilter | null,
  ): Promise<Page<Product>> {
    return listProducts(ctx, { ...page, ...filter });
  }

  @FieldResolver(() => [VariantType], { description: "Variants not removed." })
  variants(@Root() product: ProductType, @Ctx() ctx: RequestContext): Promise<VariantType[]> {
    return variantsByProduct(ctx).load(product.id);
  }

  @RequirePermission("catalog:write")
  @Mutation(() => ProductResult, { description: "A new product with its season (months)." })
  createProduct(
    @Ctx() ctx: RequestContext,
    @Arg("input", () => CreateProductInput) input: CreateProductInput,
  ): Promise<typeof ProductResult> {
    return createProduct(ctx, input);
  }

  @RequirePermission("catalog:write")
  @Mutation(() => ProductResult)
  updateProduct(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("input", () => ProductChangesInput) input: ProductChangesInput,
  ): Promise<typeof ProductResult> {
    return updateProduct(ctx, id, input);
  }

  @RequirePermission("catalog:write")
  @Mutation(() => RemoveResult, {
    description:
      "Soft-deletes a product and its variants; refused while offers or orders refer to it.",
  })
  removeProduct(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
  ): Promise<typeof RemoveResult> {
    return removeProduct(ctx, id);
  }

  @RequirePermission("catalog:write")
  @Mutation(() => VariantResult, { description: "A new variant (unit, grams, most per order)." })
  createVariant(
    @Ctx() ctx: RequestContext,
    @Arg("productId", () => ID) productId: string,
    @Arg("input", () => VariantChangesInput) input: VariantChangesInput,
  ): Promise<typeof VariantResult> {
    return createVariant(ctx, productId, input);
  }

  @RequirePermission("catalog:write")
  @Mutation(() => VariantResult)
  updateVariant(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("input", () => VariantChangesInput) input: VariantChangesInput,
  ): Promise<typeof VariantResult> {
    return updateVariant(ctx, id, input);
  }

  @RequirePermission("catalog:write")
  @Mutation(() => RemoveResult, {
    description:
      "Soft-deletes a variant; refused while offers, orders, declarations or lots refer to it.",
  })
  removeVariant(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
  ): Promise<typeof RemoveResult> {
    return removeVariant(ctx, id);
  }

  @RequirePermission("catalog:write")
  @Mutation(() => ReferencePriceResult, {
    description: "Records a price observed on a market (fen, or yuan as text).",
  })
  addReferencePrice(
    @Ctx() ctx: RequestContext,
    @Arg("input", () => ReferencePriceInput) input: ReferencePriceInput,
  ): Promise<typeof ReferencePriceResult> {
    return addReferencePrice(ctx, input);
  }
}

/**
 * A variant's latest township reference price on the Admin API (the same batched loader as the
 * shop's): without it the admin schema declared `Variant.referencePrice` but always answered null.
 */
@Resolver(() => VariantType)
export class VariantAdminResolver {
  @FieldResolver(() => ReferencePriceType, {
    nullable: true,
    description: "The latest price observed on the township market, if any.",
  })
  referencePrice(
    @Root() variant: VariantType,
    @Ctx() ctx: RequestContext,
  ): Promise<ReferencePrice | null> {
    return latestReferencePrice(ctx).load(variant.id);
  }
}
