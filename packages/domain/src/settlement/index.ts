export {
  acceptedAllocatedUnits,
  calculateSettlements,
  percentOfFen,
  type DeductionLine,
  type FeeRuleBasis,
  type FeeRuleTerms,
  type FeeRuleTotal,
  type HouseholdSettlementFigures,
  type HouseholdSupply,
  type SettlementCalculation,
  type SettlementLot,
} from "./calculation.js";
export {
  deliveredRevenueFen,
  marketMarginFen,
  orderAmountDueFen,
  reconcile,
  type DeliveredLine,
  type DueAdjustment,
  type Reconciliation,
  type ReconciliationInput,
} from "./reconciliation.js";
