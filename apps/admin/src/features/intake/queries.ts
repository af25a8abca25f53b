import { graphql } from "../../gql/index.js";

/** One page of the cycle's lots, by household code and product. */
export const IntakeLotsQuery = graphql(`
  query IntakeLots($orderCycleId: ID!, $state: LotState, $page: PageInput!) {
    lots(orderCycleId: $orderCycleId, state: $state, page: $page) {
      totalItems
      items {
        id
        householdCode
        villageNameZh
        villageNameEn
        productNameZh
        productNameEn
        variantNameZh
        variantNameEn
        state
        quantityDeclared
        quantityAllocated
        quantityReceived
        quantityAccepted
        householdComplaints
        rejectionReason
        refundedFen
      }
    }
  }
`);

/**
 * The counts behind "12 of 30 lots checked": every lot, those never allocated (DECLARED, no
 * check) and those allocated but not yet checked (ALLOCATED).
 */
export const IntakeProgressQuery = graphql(`
  query IntakeProgress($orderCycleId: ID!) {
    all: lots(orderCycleId: $orderCycleId, page: { skip: 0, take: 1 }) {
      totalItems
    }
    declared: lots(orderCycleId: $orderCycleId, state: DECLARED, page: { skip: 0, take: 1 }) {
      totalItems
    }
    unchecked: lots(orderCycleId: $orderCycleId, state: ALLOCATED, page: { skip: 0, take: 1 }) {
      totalItems
    }
  }
`);

/** Records one lot's quality check (the lot list, fetched again after it, shows the refund). */
export const RecordQualityCheckMutation = graphql(`
  mutation RecordQualityCheck($input: QualityCheckInput!) {
    recordQualityCheck(input: $input) {
      __typename
      ... on QualityCheckRecorded {
        lotState
        shortfall
        qualityCheck {
          id
          quantityReceived
          quantityAccepted
          result
          reason
        }
      }
      ...RefusalFields
    }
  }
`);

/** What to pack per pickup point (all points of the cycle's group, or one). */
export const PackingListQuery = graphql(`
  query PackingList($orderCycleId: ID!, $pickupPointId: ID) {
    packingList(orderCycleId: $orderCycleId, pickupPointId: $pickupPointId) {
      __typename
      ... on PackingList {
        orderCycleId
        orderCycleCode
        pickupPoints {
          pickupPointId
          nameZh
          nameEn
          address
          orders {
            orderId
            shortCode
            state
            consumerName
            phone
            lines {
              variantId
              productNameZh
              productNameEn
              variantNameZh
              variantNameEn
              units
            }
          }
          totals {
            variantId
            productNameZh
            productNameEn
            variantNameZh
            variantNameEn
            units
          }
        }
      }
      ...RefusalFields
    }
  }
`);

/** The orders a pickup mark changed, with their new state. */
export const OrdersMarkedFields = graphql(`
  fragment OrdersMarkedFields on OrdersMarked {
    orders {
      orderId
      state
    }
  }
`);

/** Marks DELIVERED orders as picked up, all or none. */
export const MarkPickedUpMutation = graphql(`
  mutation MarkOrdersPickedUp($orderIds: [ID!]!) {
    markOrdersPickedUp(orderIds: $orderIds) {
      __typename
      ...OrdersMarkedFields
      ...RefusalFields
    }
  }
`);

/** Marks one DELIVERED order as not collected. */
export const MarkNoShowMutation = graphql(`
  mutation MarkOrderNoShow($orderId: ID!) {
    markOrderNoShow(orderId: $orderId) {
      __typename
      ...OrdersMarkedFields
      ...RefusalFields
    }
  }
`);
