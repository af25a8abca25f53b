export { BASIS_POINTS_PER_WHOLE, RatioError, ratioInBasisPoints } from "./ratio.js";
export {
  DEFAULT_SUPPRESSION_K,
  MINIMUM_SUPPRESSION_K,
  type SuppressibleCell,
  determinedCells,
  effectiveSuppressionK,
  marginGroups,
  suppressCells,
  tableLines,
} from "./suppression.js";
