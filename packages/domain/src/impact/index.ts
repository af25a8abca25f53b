export { BASIS_POINTS_PER_WHOLE, RatioError, ratioInBasisPoints } from "./ratio.js";
