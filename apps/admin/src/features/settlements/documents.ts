import { graphql } from "../../gql/index.js";

/** Cycles to choose from (newest first) with their producer group, for the cycle picker. */
export const SettlementCyclesQuery = graphql(`
  query SettlementCycles {
    producerGroups {
      ...ProducerGroupNames
    }
    orderCycles(page: { skip: 0, take: 50 }) {
      items {
        ...CycleFields
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
        ...SettlementStateFields
        orderCycleId
        householdCode
        householdVillage {
          nameZh
          nameEn
        }
        grossFen
        deductionsFen
        adjustmentsFen
        netFen
        correctsSettlementId
        calculatedAt
        deductions {
          id
          kind
          amountFen
        }
      }
      ...RefusalFields
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
      ...RefusalFields
    }
  }
`);

/**
 * The fields of a settlement change's answer (approve, paid, acknowledged, disputed, resolved):
 * its state and the day, method and reference of each step so far (dates DateTimeISO / LocalDate).
 */
export const SettlementStateFields = graphql(`
  fragment SettlementStateFields on Settlement {
    id
    state
    approvedAt
    paidOn
    paidMethod
    payoutReference
    acknowledgedAt
  }
`);

/** SETTLING's CALCULATED → APPROVED. */
export const ApproveSettlementMutation = graphql(`
  mutation ApproveSettlement($id: ID!) {
    approveSettlement(id: $id) {
      __typename
      ...SettlementStateFields
      ...RefusalFields
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
      ...SettlementStateFields
      ...RefusalFields
    }
  }
`);

/** PAID → ACKNOWLEDGED. */
export const AcknowledgeSettlementMutation = graphql(`
  mutation AcknowledgeSettlement($id: ID!) {
    acknowledgeSettlement(id: $id) {
      __typename
      ...SettlementStateFields
      ...RefusalFields
    }
  }
`);

/** → DISPUTED with a note. */
export const DisputeSettlementMutation = graphql(`
  mutation DisputeSettlement($id: ID!, $note: String!) {
    disputeSettlement(id: $id, note: $note) {
      __typename
      ...SettlementStateFields
      ...RefusalFields
    }
  }
`);

/** DISPUTED → ADJUSTED with a note. */
export const ResolveDisputeMutation = graphql(`
  mutation ResolveSettlementDispute($id: ID!, $note: String!) {
    resolveSettlementDispute(id: $id, note: $note) {
      __typename
      ...SettlementStateFields
      ...RefusalFields
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
      ...RefusalFields
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
      ...RefusalFields
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
      ...RefusalFields
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
      ...RefusalFields
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
      ...RefusalFields
    }
  }
`);
