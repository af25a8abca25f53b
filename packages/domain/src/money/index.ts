export { FEN_PER_YUAN, assertFen, assertIntegerFen, isFen, multiplyFen, sumFen } from "./fen.js";
export { formatFen } from "./format.js";
export { MoneyError, type MoneyErrorCode } from "./money-error.js";
export { parseYuanToFen, type ParseYuanOptions } from "./parse.js";
export { splitByWeights } from "./split.js";
