export {
  dateOnly,
  dateTime,
  type Language,
  localDate,
  MARKET_TIME_ZONE,
  moneyGrouped,
  percent,
  pick,
  shortDate,
} from "./format.js";
