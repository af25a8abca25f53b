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
} from "@nested/domain";
import { formatFen, type Language } from "@nested/domain";

/** An amount in integer fen as ¥ with two decimals (e.g. 1650 → "¥16.50"), by @nested/domain. */
export function money(fen: number): string {
  return formatFen(fen);
}

/** Chinese day words of pickup hours in the data ("配送日 17:00–20:00") and their English. */
const HOURS_WORDS_EN: [string, string][] = [
  ["配送日", "Delivery day"],
  ["送达日", "Delivery day"],
  ["周一", "Mon"],
  ["周二", "Tue"],
  ["周三", "Wed"],
  ["周四", "Thu"],
  ["周五", "Fri"],
  ["周六", "Sat"],
  ["周日", "Sun"],
  ["至", "to"],
];

/** Pickup hours from the data (Chinese) with their day words in English when the shop is. */
export function pickupHours(hours: string, language: Language): string {
  if (language !== "en") return hours;
  return HOURS_WORDS_EN.reduce((text, [zh, en]) => text.split(zh).join(en), hours);
}

/**
 * How an item is named in lists: the variant alone when it already says the product ("Millet,
 * 5-jin bag" of "Millet"), else product and variant ("杂粮" + "杂粮组合 2斤" → "杂粮组合 2斤";
 * "Eggs" + "box of 30" → "Eggs box of 30").
 */
export function itemName(product: string, variant: string): string {
  return variant.includes(product) ? variant : `${product} ${variant}`;
}

/** Whole days and hours from now until `iso` (never negative). */
export function timeLeft(iso: string, now = Date.now()): { days: number; hours: number } {
  const ms = Math.max(0, new Date(iso).getTime() - now);
  const hours = Math.floor(ms / 3_600_000);
  return { days: Math.floor(hours / 24), hours: hours % 24 };
}
