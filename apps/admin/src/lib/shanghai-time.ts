import { shanghaiDay as beijingDay } from "@nested/domain";

/**
 * Converting between an `<input type="datetime-local">` value, typed as Beijing time, and an
 * ISO-8601 instant for the API. Asia/Shanghai has kept UTC+08:00 without daylight saving since
 * 1991, so the offset is fixed.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * "2026-12-05T09:30" (Beijing wall-clock time) → "2026-12-05T01:30:00.000Z"; null for an empty or
 * malformed value.
 */
export function shanghaiInputToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi) - OFFSET_MS;
  const date = new Date(utc);
  // Refuse days that do not exist (2026-02-30 would roll over to March).
  const back = new Date(utc + OFFSET_MS);
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1) return null;
  return date.toISOString();
}

/** An ISO-8601 instant → "YYYY-MM-DDTHH:mm" in Beijing time, for a datetime-local input. */
export function isoToShanghaiInput(iso: string): string {
  return new Date(new Date(iso).getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

/** The business day (YYYY-MM-DD) in Beijing at instant `now`, or `days` days after it. */
export function shanghaiDay(now: Date = new Date(), days = 0): string {
  return beijingDay(new Date(now.getTime() + days * 86_400_000));
}
