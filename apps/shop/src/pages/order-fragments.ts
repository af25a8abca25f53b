import { graphql } from "../gql/index.js";

/** Everything My orders and the confirmation show of an order. */
export const OrderFieldsFragment = graphql(`
  fragment OrderFields on Order {
    id
    state
    paymentState
    totalFen
    paidFen
    refundsFen
    balanceFen
    placedAt
    nextStates
    cycle {
      id
      code
      closesAt
      deliveryOn
    }
    pickupPoint {
      id
      nameZh
      nameEn
      city
      address
      pickupHours
    }
    lines {
      id
      offerId
      productNameZh
      productNameEn
      variantNameZh
      variantNameEn
      unitPriceFen
      quantity
      lineTotalFen
      quantityAccepted
      provenance {
        householdCode
        villageNameZh
        villageNameEn
        quantity
        qualityCheckedOn
      }
    }
    adjustments {
      id
      orderLineId
      kind
      amountFen
      qualityReason
      units
      createdAt
    }
  }
`);

/** The ErrorResult fields every mutation asks for. */
export const ErrorFieldsFragment = graphql(`
  fragment ErrorFields on ErrorResult {
    errorCode
    message
    ... on InsufficientStockError {
      offerId
      quantityAvailable
    }
    ... on InvalidQuantityError {
      offerId
      maxPerOrder
    }
    ... on InvalidInputError {
      problems {
        field
        message
      }
    }
    ... on VisitFullError {
      placesLeft
    }
    ... on TooManyAttemptsError {
      retryAfterSeconds
    }
    ... on InvitationLimitError {
      maxUnused
    }
  }
`);
