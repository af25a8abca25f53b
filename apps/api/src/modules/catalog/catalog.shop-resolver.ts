import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { type Page, PageInput } from "../../graphql/pagination";
import type { RequestContext } from "../../graphql/request-context";
import { ProductFilter, ProductList, ProductType, VariantType } from "./catalog.types";
import type { Product } from "./product.entity";
import { listProducts, variantsByProduct } from "./catalog.service";

/** The product catalogue, open to anyone browsing the shop. */
@Resolver(() => ProductType)
export class CatalogShopResolver {
  @Query(() => ProductList, {
    description: "Products by Chinese name, filtered by category or name.",
  })
  products(
    @Ctx() ctx: RequestContext,
    @Arg("page", () => PageInput, { defaultValue: { skip: 0, take: 20 } }) page: PageInput,
    @Arg("filter", () => ProductFilter, { nullable: true }) filter?: ProductFilter | null,
  ): Promise<Page<Product>> {
    return listProducts(ctx, { ...page, ...filter });
  }

  @FieldResolver(() => [VariantType])
  variants(@Root() product: ProductType, @Ctx() ctx: RequestContext): Promise<VariantType[]> {
    return variantsByProduct(ctx).load(product.id);
  }
}
