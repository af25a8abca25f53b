import { graphql } from "../gql/index.js";

/** The caller's market (when signed in) and every market's current and next cycle. */
export const ShopCyclesQuery = graphql(`
  query ShopCycles {
    currentCycles {
      producerGroupId
      current {
        id
        code
        state
        opensAt
        closesAt
        deliveryOn
      }
      next {
        id
        code
        state
        opensAt
        closesAt
        deliveryOn
      }
    }
  }
`);

/** One page (up to 100) of a cycle's offers, filtered by the search words. */
export const ShopOffersQuery = graphql(`
  query ShopOffers($cycle: ID!, $search: String) {
    offers(orderCycleId: $cycle, page: { skip: 0, take: 100 }, filter: { search: $search }) {
      totalItems
      items {
        id
        price
        quantityAvailable
        unit
        category
        product {
          id
          nameZh
          nameEn
        }
        variant {
          id
          nameZh
          nameEn
          maxPerOrder
        }
        villages {
          id
          nameZh
          nameEn
        }
      }
    }
  }
`);

/** The villages of a cycle's growers: how a market is labelled (the schema has no market names). */
export const MarketVillagesQuery = graphql(`
  query MarketVillages($cycle: ID!) {
    offers(orderCycleId: $cycle, page: { skip: 0, take: 100 }) {
      items {
        id
        villages {
          id
          nameZh
          nameEn
        }
      }
    }
  }
`);
