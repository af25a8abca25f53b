/**
 * Calendar arithmetic in the market's zone, Asia/Shanghai (UTC+8 all year: no daylight saving
 * since 1991). Computed from UTC fields with a fixed offset, so the process `TZ` never matters.
 */

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar month: `month` is 1–12. */
export interface YearMonth {
  year: number;
  month: number;
}

/** Wall-clock fields of an instant as read in Asia/Shanghai (`month` 1–12). */
export interface ShanghaiFields extends YearMonth {
  day: number;
  hour: number;
  minute: number;
}

/** Reads an instant's wall-clock fields in Asia/Shanghai. */
export function shanghaiFields(instant: Date): ShanghaiFields {
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/**
 * The instant of a Shanghai wall-clock time. Fields may overflow (day 32, month 0) and roll over
 * like `Date.UTC`.
 */
export function shanghaiInstant(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - SHANGHAI_OFFSET_MS);
}

/** The business day (`YYYY-MM-DD`, Asia/Shanghai) that contains an instant. */
export function shanghaiDate(instant: Date): string {
  const f = shanghaiFields(instant);
  return isoDate(f.year, f.month, f.day);
}

/** `YYYY-MM-DD` of a calendar day; fields may overflow and roll over. */
export function isoDate(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, "0");
  const dd = String(d.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${dd}`;
}

/** The calendar day `days` after (or before, if negative) a `YYYY-MM-DD` day. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return isoDate(y ?? 1970, m ?? 1, (d ?? 1) + days);
}

/** An instant `days` (may be fractional or negative) after another. */
export function addDaysToInstant(instant: Date, days: number): Date {
  return new Date(instant.getTime() + Math.round(days * DAY_MS));
}

/** The month `count` months after (or before) a month. */
export function addMonths(ym: YearMonth, count: number): YearMonth {
  const index = ym.year * 12 + (ym.month - 1) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Months from `a` to `b` (`b` − `a`; negative when `b` is earlier). */
export function monthsBetween(a: YearMonth, b: YearMonth): number {
  return b.year * 12 + b.month - (a.year * 12 + a.month);
}

/** An order cycle's code, `YYYY-MM`. */
export function cycleCode(ym: YearMonth): string {
  return `${ym.year}-${String(ym.month).padStart(2, "0")}`;
}

/** The month of a `YYYY-MM-DD` day. */
export function monthOfDate(date: string): YearMonth {
  const [y, m] = date.split("-").map(Number);
  return { year: y ?? 1970, month: m ?? 1 };
}

/** The earlier of two instants. */
export function minInstant(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/** The later of two instants. */
export function maxInstant(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** Days from 1970-01-01 to a `YYYY-MM-DD` day. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS;
}

/** The `YYYY-MM-DD` day of a day number. */
export function dateOfDayNumber(day: number): string {
  return isoDate(1970, 1, 1 + day);
}

/** The instant of a business day's wall-clock time in Asia/Shanghai. */
export function atShanghaiTime(date: string, hour: number, minute = 0): Date {
  const [y, m, d] = date.split("-").map(Number);
  return shanghaiInstant(y ?? 1970, m ?? 1, d ?? 1, hour, minute);
}
