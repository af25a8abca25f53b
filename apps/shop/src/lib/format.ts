import { formatFen } from "@nested/domain";

/** The shop's two languages; zh-CN is the default. */
export type Language = "zh-CN" | "en";

/** Market time zone: every date and time is shown as it is in Beijing. */
export const MARKET_TIME_ZONE = "Asia/Shanghai";

/** An amount in integer fen as ¥ with two decimals (e.g. 1650 → "¥16.50"), by @nested/domain. */
export function money(fen: number): string {
  return formatFen(fen);
}

/** An instant (ISO-8601) as a date and time in Asia/Shanghai, written the language's way. */
export function dateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language, {
    timeZone: MARKET_TIME_ZONE,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(iso));
}

/** A business day (YYYY-MM-DD, already Asia/Shanghai) written the language's way, with weekday. */
export function localDate(day: string, language: Language): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Intl.DateTimeFormat(language, {
    timeZone: "UTC",
    year: "numeric",
    month: "long",
    day: "numeric",
    weekday: "short",
  }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

/** Basis points (10000 = 100 %) as a percentage with one decimal, in the language's style. */
export function percent(basisPoints: number, language: Language): string {
  return new Intl.NumberFormat(language, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(basisPoints / 10000);
}

/** A large amount in fen as ¥ with thousands separators, the language's way (¥118,828.47). */
export function moneyGrouped(fen: number, language: Language): string {
  return new Intl.NumberFormat(language, {
    style: "currency",
    currency: "CNY",
    currencyDisplay: "narrowSymbol",
  }).format(fen / 100);
}

/** A business day (YYYY-MM-DD) short, without weekday: "Jun 15, 2026" / "2026年6月15日". */
export function shortDate(day: string, language: Language): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Intl.DateTimeFormat(language, { timeZone: "UTC", dateStyle: "medium" }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)),
  );
}

/** An instant (ISO-8601) as its date in Asia/Shanghai only: "Mar 11, 2011" / "2011年3月11日". */
export function dateOnly(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language, {
    timeZone: MARKET_TIME_ZONE,
    dateStyle: "medium",
  }).format(new Date(iso));
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

/** Picks the Chinese or the English one of a pair of names from the data. */
export function pick(language: Language, zh: string, en: string | null | undefined): string {
  return language === "en" && en ? en : zh;
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
