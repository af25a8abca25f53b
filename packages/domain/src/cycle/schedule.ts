/**
 * Rules of an order cycle's code and calendar (DESIGN.md, "The monthly cycle"): households
 * declare supply from `declarationOpensOn`, consumers order from `opensAt` until `closesAt`, and
 * orders reach the pickup points on `deliveryOn`. Days are business days in Asia/Shanghai.
 */

/** A cycle's code: year and month, "YYYY-MM" (month 01–12). */
const CYCLE_CODE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Milliseconds Asia/Shanghai is ahead of UTC (UTC+8, no daylight saving since 1991). */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** What can be wrong with a cycle's code or calendar; the API turns each into a message. */
export type CycleScheduleProblem =
  | { field: "code"; problem: "CODE_SHAPE" }
  | { field: "declarationOpensOn" | "deliveryOn"; problem: "NOT_A_DAY" }
  | { field: "opensAt" | "closesAt"; problem: "NOT_AN_INSTANT" }
  | { field: "opensAt"; problem: "OPENS_BEFORE_DECLARATION" }
  | { field: "closesAt"; problem: "CLOSES_BEFORE_OPENING" }
  | { field: "deliveryOn"; problem: "DELIVERY_BEFORE_CLOSE" };

/** The calendar of one cycle: two business days ("YYYY-MM-DD") and two instants. */
export interface CycleSchedule {
  declarationOpensOn: string;
  opensAt: Date;
  closesAt: Date;
  deliveryOn: string;
}

/** True when `code` is "YYYY-MM" with a month 01–12, e.g. "2011-04". */
export function isCycleCode(code: string): boolean {
  return CYCLE_CODE.test(code);
}

/** True when `day` is a real calendar day written "YYYY-MM-DD" (so "2011-02-30" is not). */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/**
 * The business day in Asia/Shanghai on which `instant` falls, "YYYY-MM-DD". Shanghai is UTC+8
 * all year (no daylight saving since 1991), so a fixed offset is exact for every cycle.
 */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Everything wrong with a cycle's code and calendar, in field order; empty when it may be saved.
 * The order required: declaration opens on or before the day ordering opens (Shanghai), ordering
 * opens strictly before it closes, and delivery is on or after the day ordering closes.
 * A malformed day or instant is reported once and the orderings that need it are skipped.
 *
 * @param code - "YYYY-MM".
 * @param schedule - the four dates of {@link CycleSchedule}.
 */
export function cycleScheduleProblems(
  code: string,
  schedule: CycleSchedule,
): CycleScheduleProblem[] {
  const problems: CycleScheduleProblem[] = [];
  if (!isCycleCode(code)) problems.push({ field: "code", problem: "CODE_SHAPE" });
  const declarationOk = isCalendarDay(schedule.declarationOpensOn);
  const deliveryOk = isCalendarDay(schedule.deliveryOn);
  const opensOk = !Number.isNaN(schedule.opensAt.getTime());
  const closesOk = !Number.isNaN(schedule.closesAt.getTime());
  if (!declarationOk) problems.push({ field: "declarationOpensOn", problem: "NOT_A_DAY" });
  if (!opensOk) problems.push({ field: "opensAt", problem: "NOT_AN_INSTANT" });
  if (!closesOk) problems.push({ field: "closesAt", problem: "NOT_AN_INSTANT" });
  if (!deliveryOk) problems.push({ field: "deliveryOn", problem: "NOT_A_DAY" });
  if (declarationOk && opensOk && shanghaiDay(schedule.opensAt) < schedule.declarationOpensOn)
    problems.push({ field: "opensAt", problem: "OPENS_BEFORE_DECLARATION" });
  if (opensOk && closesOk && schedule.closesAt.getTime() <= schedule.opensAt.getTime())
    problems.push({ field: "closesAt", problem: "CLOSES_BEFORE_OPENING" });
  if (deliveryOk && closesOk && schedule.deliveryOn < shanghaiDay(schedule.closesAt))
    problems.push({ field: "deliveryOn", problem: "DELIVERY_BEFORE_CLOSE" });
  return problems;
}
