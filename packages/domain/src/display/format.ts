/**
 * How the market writes dates, times, percentages and large amounts for people, in its two
 * languages (zh-CN, the default, and en), always in Beijing time: shared by the shop and the admin SPA.
 */

/** The market's two languages for people; zh-CN is the default. */
export type Language = "zh-CN" | "en";

/** Market time zone: every date and time is shown as it is in Beijing. */
export const MARKET_TIME_ZONE = "Asia/Shanghai";

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

/** Picks the Chinese or the English one of a pair of names from the data. */
export function pick(language: Language, zh: string, en: string | null | undefined): string {
  return language === "en" && en ? en : zh;
}
