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

/** Basis points (10000 = 100 %) as a whole or one-decimal percentage in the language's style. */
export function percent(basisPoints: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1 }).format(
    basisPoints / 10000,
  );
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
