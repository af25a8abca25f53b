export { AllocationError, type AllocationErrorCode } from "./allocation-error.js";
export {
  ALLOCATION_TIERS,
  INCOME_BAND_WIDTH,
  describeAllocationReason,
  formatAllocationReason,
  parseAllocationReason,
  type AllocationReason,
  type AllocationTier,
} from "./allocation-reason.js";
export {
  allocateVariant,
  type AllocationInput,
  type AllocationPlan,
  type DemandLine,
  type LineAllocation,
  type LotRanking,
  type SupplyLot,
} from "./pro-poor.js";
export { lotShortfall, spreadShortfall, type AllocatedShare } from "./shortfall.js";
