import { graphql } from "../../gql/index.js";

/** Cycles to choose from (newest first) with their producer group, for the cycle picker. */
export const SettlementCyclesQuery = graphql(`
  query SettlementCycles {
    producerGroups {
      id
      nameZh
      nameEn
    }
    orderCycles(page: { skip: 0, take: 50 }) {
      items {
        id
        code
        state
        producerGroupId
        deliveryOn
        nextStates
      }
    }
  }
`);

/** One page of a cycle's settlements with their deductions and the household code. */
export const SettlementsQuery = graphql(`
  query Settlements($orderCycleId: ID!, $page: PageInput) {
    settlements(orderCycleId: $orderCycleId, page: $page) {
      totalItems
      items {
        id
        householdCode
        state
        grossFen
        deductionsFen
        adjustmentsFen
        netFen
        correctsSettlementId
        deductions {
          id
          kind
          amountFen
        }
      }
    }
  }
`);

/** One settlement with everything its page shows. */
export const SettlementQuery = graphql(`
  query Settlement($id: ID!) {
    settlement(id: $id) {
      __typename
      ... on Settlement {
        id
        orderCycleId
        householdCode
        householdVillage {
          nameZh
          nameEn
        }
        state
        grossFen
        deductionsFen
        adjustmentsFen
        netFen
        correctsSettlementId
        calculatedAt
        approvedAt
        paidOn
        paidMethod
        payoutReference
        acknowledgedAt
        deductions {
          id
          kind
          amountFen
        }
      }
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`);

/** The cycle's reconciliation: every term in fen. */
export const ReconciliationQuery = graphql(`
  query Reconciliation($orderCycleId: ID!) {
    reconciliation(orderCycleId: $orderCycleId) {
      __typename
      ... on Reconciliation {
        orderCycleId
        paymentsFen
        payoutsFen
        deductionsFen
        marketMarginFen
        feesFen
        refundsFen
        balancesDueFen
        differenceFen
        correctionsFen
      }
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`);

/** The fields of a settlement change's answer (every settlement mutation). */
export const ApproveSettlementMutation = graphql(`
  mutation ApproveSettlement($id: ID!) {
    approveSettlement(id: $id) {
      __typename
      ... on Settlement {
        id
        state
        approvedAt
      }
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`);

/** APPROVED → PAID with method, business day and reference. */
export const MarkSettlementPaidMutation = graphql(`
  mutation MarkSettlementPaid(
    $id: ID!
    $method: PaymentMethod!
    $paidOn: LocalDate!
    $reference: String
  ) {
    markSettlementPaid(id: $id, method: $method, paidOn: $paidOn, reference: $reference) {
      __typename
      ... on Settlement {
        id
        state
        paidOn
        paidMethod
        payoutReference
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

/** PAID → ACKNOWLEDGED. */
export const AcknowledgeSettlementMutation = graphql(`
  mutation AcknowledgeSettlement($id: ID!) {
    acknowledgeSettlement(id: $id) {
      __typename
      ... on Settlement {
        id
        state
        acknowledgedAt
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

/** → DISPUTED with a note. */
export const DisputeSettlementMutation = graphql(`
  mutation DisputeSettlement($id: ID!, $note: String!) {
    disputeSettlement(id: $id, note: $note) {
      __typename
      ... on Settlement {
        id
        state
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

/** DISPUTED → ADJUSTED with a note. */
export const ResolveDisputeMutation = graphql(`
  mutation ResolveSettlementDispute($id: ID!, $note: String!) {
    resolveSettlementDispute(id: $id, note: $note) {
      __typename
      ... on Settlement {
        id
        state
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

/** A correction (± fen) booked in a later cycle. */
export const AddCorrectionMutation = graphql(`
  mutation AddSettlementCorrection(
    $settlementId: ID!
    $orderCycleId: ID!
    $amountFen: Int!
    $reason: String!
  ) {
    addSettlementCorrection(
      settlementId: $settlementId
      orderCycleId: $orderCycleId
      amountFen: $amountFen
      reason: $reason
    ) {
      __typename
      ... on Settlement {
        id
        orderCycleId
        netFen
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

/** Recalculates a SETTLING cycle's unapproved settlements. */
export const RecalculateMutation = graphql(`
  mutation RecalculateSettlements($orderCycleId: ID!) {
    recalculateSettlements(orderCycleId: $orderCycleId) {
      __typename
      ... on RecalculatedSettlements {
        settlements {
          id
        }
      }
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`);

/** Moves the cycle on (cycle:manage), for SETTLING and SETTLED from the settlements page. */
export const TransitionCycleMutation = graphql(`
  mutation SettlementCycleTransition($id: ID!, $to: OrderCycleState!) {
    transitionOrderCycle(id: $id, to: $to) {
      __typename
      ... on AdminOrderCycle {
        id
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

/** A producer group's fee rules. */
export const FeeRulesQuery = graphql(`
  query FeeRules($producerGroupId: ID!) {
    feeRules(producerGroupId: $producerGroupId) {
      id
      kind
      basis
      rateBasisPoints
      perUnitFen
      validFrom
      validTo
    }
  }
`);

/** Adds a fee rule. */
export const CreateFeeRuleMutation = graphql(`
  mutation CreateFeeRule($input: CreateFeeRuleInput!) {
    createFeeRule(input: $input) {
      __typename
      ... on FeeRule {
        id
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

/** Ends a fee rule on a last valid day. */
export const EndFeeRuleMutation = graphql(`
  mutation EndFeeRule($id: ID!, $validTo: LocalDate!) {
    endFeeRule(id: $id, validTo: $validTo) {
      __typename
      ... on FeeRule {
        id
        validTo
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

/** Orders of the cycle owed money back (CREDIT_OWED), for refunds. */
export const CreditOwedQuery = graphql(`
  query CreditOwedOrders($orderCycleId: ID!) {
    orders(
      orderCycleId: $orderCycleId
      filter: { paymentState: CREDIT_OWED }
      page: { skip: 0, take: 100 }
    ) {
      totalItems
      items {
        id
        dueFen
        paidFen
        balanceFen
      }
    }
  }
`);

/** CREDIT_OWED → REFUNDED. */
export const RecordRefundMutation = graphql(`
  mutation RecordRefund($orderId: ID!, $method: PaymentMethod!, $reference: String) {
    recordRefund(orderId: $orderId, method: $method, reference: $reference) {
      __typename
      ... on AdminOrder {
        id
        paymentState
        balanceFen
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
