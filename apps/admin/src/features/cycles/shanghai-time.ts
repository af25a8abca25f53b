/**
 * The cycle form's date-time fields are typed as wall-clock time in Asia/Shanghai (UTC+8 all
 * year: China has had no daylight saving since 1991), whatever the browser's own zone.
 */

/** Shanghai's offset from UTC, in milliseconds. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/**
 * "YYYY-MM-DDTHH:mm" (an `<input type="datetime-local">` value) read as Shanghai time → the
 * ISO-8601 instant in UTC, e.g. "2026-12-01T08:00" → "2026-12-01T00:00:00.000Z"; null when the
 * text is not of that form.
 */
export function shanghaiLocalToIso(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi) - SHANGHAI_OFFSET_MS;
  return Number.isNaN(utc) ? null : new Date(utc).toISOString();
}

/** An instant → its Shanghai wall-clock time as "YYYY-MM-DDTHH:mm" (for the form's fields). */
export function isoToShanghaiLocal(iso: string): string {
  return new Date(new Date(iso).getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16);
}

/** The Shanghai day ("YYYY-MM-DD") `days` after the one containing `now`. */
export function shanghaiDay(now: Date, days = 0): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS + days * 86_400_000)
    .toISOString()
    .slice(0, 10);
}
