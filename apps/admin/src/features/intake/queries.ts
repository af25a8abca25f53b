import { graphql } from "../../gql/index.js";

/** The cycle the collection point works on: code, state and the states it may move to. */
export const IntakeCycleQuery = graphql(`
  query IntakeCycle($id: ID!) {
    orderCycle(id: $id) {
      __typename
      ... on AdminOrderCycle {
        id
        code
        state
        nextStates
      }
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`);

/** Moves the cycle on (COLLECTING, PACKED, DISPATCHED, DELIVERED from these pages). */
export const IntakeTransitionMutation = graphql(`
  mutation IntakeTransition($id: ID!, $to: OrderCycleState!) {
    transitionOrderCycle(id: $id, to: $to) {
      __typename
      ... on AdminOrderCycle {
        id
        state
        nextStates
      }
      ... on InvalidInputError {
        problems {
          field
          message
        }
      }
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`);

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
      ... on InvalidInputError {
        problems {
          field
          message
        }
      }
      ... on ErrorResult {
        errorCode
        message
      }
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
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`);

/** Marks DELIVERED orders as picked up, all or none. */
export const MarkPickedUpMutation = graphql(`
  mutation MarkOrdersPickedUp($orderIds: [ID!]!) {
    markOrdersPickedUp(orderIds: $orderIds) {
      __typename
      ... on OrdersMarked {
        orders {
          orderId
          state
        }
      }
      ... on InvalidInputError {
        problems {
          field
          message
        }
      }
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`);

/** Marks one DELIVERED order as not collected. */
export const MarkNoShowMutation = graphql(`
  mutation MarkOrderNoShow($orderId: ID!) {
    markOrderNoShow(orderId: $orderId) {
      __typename
      ... on OrdersMarked {
        orders {
          orderId
          state
        }
      }
      ... on InvalidInputError {
        problems {
          field
          message
        }
      }
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`);
