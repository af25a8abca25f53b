import { graphql } from "../../gql/index.js";

// The Admin API operations of the cycle board (typed by GraphQL Code Generator).

/** A page of a group's cycles, newest first. */
export const CyclesQuery = graphql(`
  query Cycles($producerGroupId: ID, $page: PageInput!) {
    orderCycles(producerGroupId: $producerGroupId, page: $page) {
      totalItems
      items {
        ...CycleFields
      }
    }
  }
`);

/** Per variant: declared, offered, ordered, allocated, accepted. */
export const OverviewQuery = graphql(`
  query CycleOverview($id: ID!) {
    cycleOverview(orderCycleId: $id) {
      variantId
      productNameZh
      productNameEn
      variantNameZh
      variantNameEn
      declared
      offered
      ordered
      allocated
      accepted
    }
  }
`);

/** A new DRAFT cycle. */
export const CreateCycleMutation = graphql(`
  mutation CreateCycle($input: CreateOrderCycleInput!) {
    createOrderCycle(input: $input) {
      __typename
      ... on AdminOrderCycle {
        id
      }
      ...RefusalFields
    }
  }
`);

/** The group's active households (for the declaration list) and the catalogue's variants. */
export const DeclarationSheetQuery = graphql(`
  query DeclarationSheet($id: ID!, $groupId: ID!, $page: PageInput!) {
    households(
      filter: { producerGroupId: $groupId, membershipState: ACTIVE }
      sort: { field: CODE, direction: ASC }
      page: $page
    ) {
      totalItems
      items {
        id
        code
        headName
      }
    }
    products(page: { skip: 0, take: 100 }) {
      items {
        id
        nameZh
        nameEn
        seasonMonths
        variants {
          id
          nameZh
          nameEn
        }
      }
    }
    supplyDeclarations(orderCycleId: $id) {
      id
      householdId
      variantId
      quantity
    }
  }
`);

/** Records the field worker's list, all or nothing. */
export const RecordDeclarationsMutation = graphql(`
  mutation RecordDeclarations($id: ID!, $entries: [SupplyDeclarationEntry!]!) {
    recordSupplyDeclarations(orderCycleId: $id, entries: $entries) {
      __typename
      ... on SupplyDeclarationsRecorded {
        declarations {
          id
        }
      }
      ...RefusalFields
    }
  }
`);

/** The cycle's offers with units declared, on offer and reserved. */
export const OffersQuery = graphql(`
  query CycleOffers($id: ID!) {
    offers(orderCycleId: $id) {
      id
      variantId
      priceFen
      producerPriceFen
      buffer
      quantityDeclared
      quantityTotal
      quantityReserved
    }
  }
`);

/** Creates or replaces the offers. */
export const PublishOffersMutation = graphql(`
  mutation PublishOffers($id: ID!, $offers: [OfferPlanInput!]!) {
    publishOffers(orderCycleId: $id, offers: $offers) {
      __typename
      ... on OffersPublished {
        offers {
          id
        }
      }
      ...RefusalFields
    }
  }
`);

/** The cycle's orders with money owed and paid. */
export const OrdersQuery = graphql(`
  query CycleOrders($id: ID!, $page: PageInput!) {
    orders(orderCycleId: $id, page: $page) {
      totalItems
      items {
        id
        consumerHouseholdName
        pickupPointName
        state
        paymentState
        totalFen
        dueFen
        paidFen
        balanceFen
        placedAt
      }
    }
  }
`);

/** Money received for an order. */
export const RecordPaymentMutation = graphql(`
  mutation RecordPayment(
    $orderId: ID!
    $amountFen: Money!
    $method: PaymentMethod!
    $reference: String
  ) {
    recordPayment(
      orderId: $orderId
      amountFen: $amountFen
      method: $method
      reference: $reference
    ) {
      __typename
      ... on RecordedPayment {
        id
      }
      ...RefusalFields
    }
  }
`);

/** Per lot: units allocated, rank and reason. */
export const AllocationQuery = graphql(`
  query CycleAllocation($id: ID!) {
    cycleAllocation(orderCycleId: $id) {
      lotId
      householdCode
      productNameZh
      productNameEn
      variantNameZh
      variantNameEn
      quantityDeclared
      quantityAllocated
      orderLines
      rank
      reason {
        tier
        ratioBasisPoints
        band
        rotationPosition
        groupSize
        cycleSequence
      }
    }
  }
`);
