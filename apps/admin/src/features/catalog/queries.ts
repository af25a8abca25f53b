import { graphql } from "../../gql/index.js";

/** The fields of a variant the catalogue shows and edits, with its latest market price. */
export const VariantFields = graphql(`
  fragment VariantFields on Variant {
    id
    nameZh
    nameEn
    unit
    grams
    maxPerOrder
    referencePrice {
      market
      observedOn
      price
      source
    }
  }
`);

/** The fields of a product the catalogue shows and edits. */
export const ProductFields = graphql(`
  fragment ProductFields on Product {
    id
    nameZh
    nameEn
    category
    seasonMonths
    descriptionZh
    descriptionEn
    variants {
      ...VariantFields
    }
  }
`);

/** Products not removed, by Chinese name, one page at a time. */
export const ProductsQuery = graphql(`
  query Products($filter: ProductFilter, $page: PageInput!) {
    products(filter: $filter, page: $page) {
      totalItems
      items {
        ...ProductFields
      }
    }
  }
`);

/** The newest order cycles, to compare our prices in one with the market's. */
export const PriceCyclesQuery = graphql(`
  query PriceCycles {
    orderCycles(page: { skip: 0, take: 24 }) {
      items {
        id
        code
        state
      }
    }
  }
`);

/**
 * The first 100 products, for a product's own page: the Admin API has no single-product read,
 * so the page finds it among them (the market sells a few dozen).
 */
export const CatalogQuery = graphql(`
  query Catalog {
    products(page: { skip: 0, take: 100 }) {
      totalItems
      items {
        ...ProductFields
      }
    }
  }
`);

/** Our consumer and producer prices of every offer in one cycle (fen). */
export const CycleOffersQuery = graphql(`
  query CyclePriceOffers($orderCycleId: ID!) {
    offers(orderCycleId: $orderCycleId) {
      id
      variantId
      priceFen
      producerPriceFen
    }
  }
`);

/** A new product; an InvalidInputError names each field that is wrong. */
export const CreateProductMutation = graphql(`
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      __typename
      ...ProductFields
      ...RefusalFields
    }
  }
`);

/** Changes a product's names, category, season or descriptions. */
export const UpdateProductMutation = graphql(`
  mutation UpdateProduct($id: ID!, $input: ProductChangesInput!) {
    updateProduct(id: $id, input: $input) {
      __typename
      ...ProductFields
      ...RefusalFields
    }
  }
`);

/** Removes a product; refused (IN_USE, in words) while offers or orders refer to it. */
export const RemoveProductMutation = graphql(`
  mutation RemoveProduct($id: ID!) {
    removeProduct(id: $id) {
      __typename
      ... on Removed {
        id
      }
      ...RefusalFields
    }
  }
`);

/** A new variant of a product (unit, grams, most per order). */
export const CreateVariantMutation = graphql(`
  mutation CreateVariant($productId: ID!, $input: VariantChangesInput!) {
    createVariant(productId: $productId, input: $input) {
      __typename
      ...VariantFields
      ...RefusalFields
    }
  }
`);

/** Changes a variant. */
export const UpdateVariantMutation = graphql(`
  mutation UpdateVariant($id: ID!, $input: VariantChangesInput!) {
    updateVariant(id: $id, input: $input) {
      __typename
      ...VariantFields
      ...RefusalFields
    }
  }
`);

/** Removes a variant; refused (IN_USE) while offers, orders, declarations or lots refer to it. */
export const RemoveVariantMutation = graphql(`
  mutation RemoveVariant($id: ID!) {
    removeVariant(id: $id) {
      __typename
      ... on Removed {
        id
      }
      ...RefusalFields
    }
  }
`);

/** Records a township market price of one variant unit, typed in yuan, observed on a day. */
export const AddReferencePriceMutation = graphql(`
  mutation AddReferencePrice($input: ReferencePriceInput!) {
    addReferencePrice(input: $input) {
      __typename
      ... on ReferencePrice {
        market
        observedOn
        price
        source
      }
      ...RefusalFields
    }
  }
`);
