import type { OrderCycleState } from "@nested/domain";
import {
  addDays,
  addDaysToInstant,
  addMonths,
  atShanghaiTime,
  cycleCode,
  maxInstant,
  minInstant,
  monthsBetween,
  shanghaiDate,
  shanghaiFields,
  shanghaiInstant,
  type YearMonth,
} from "./calendar";

/**
 * One monthly order cycle of a producer group (taihang-facts.md, "cycle": declaration announced
 * near month end, one unified order-and-dispatch day per month). Instants are UTC `Date`s; days
 * are business days in Asia/Shanghai.
 */
export interface OrderCycleRecord {
  id: string;
  producerGroupId: string;
  /** `YYYY-MM`, the month (Asia/Shanghai) the cycle sells in. */
  code: string;
  state: OrderCycleState;
  declarationOpensAt: Date;
  opensAt: Date;
  closesAt: Date;
  /** Collection and quality check at the group leader's house. */
  intakeDate: string;
  /** The unified dispatch and pickup day. */
  deliveryDate: string;
  /** When the last settlement was paid; null until then. */
  settledAt: Date | null;
  createdAt: Date;
}

/** A cycle's place relative to `now`. */
export type CyclePhase = "PAST" | "OPEN" | "DECLARING";

/** A planned cycle: its month, phase and schedule (without id and group). */
export interface CycleSchedule {
  month: YearMonth;
  phase: CyclePhase;
  state: OrderCycleState;
  declarationOpensAt: Date;
  opensAt: Date;
  closesAt: Date;
  intakeDate: string;
  deliveryDate: string;
  /** Settlement times of past cycles. */
  calculatedAt: Date | null;
  paidAt: Date | null;
  acknowledgedAt: Date | null;
}

/** How long a settled cycle stays SETTLED before it is ARCHIVED, days. */
const ARCHIVE_AFTER_DAYS = 365;

/**
 * The ordinary schedule of month `m`: declarations from the 24th of the month before, ordering
 * from the 1st 08:00 to the 18th 20:00, intake on the 21st, dispatch on the 22nd, settlement
 * calculated, paid and acknowledged on the 25th–28th, all Asia/Shanghai. Every time of a month's
 * cycle therefore lies before the 1st of the next month.
 */
function ordinarySchedule(m: YearMonth): Omit<CycleSchedule, "month" | "phase" | "state"> {
  const { year, month } = m;
  return {
    declarationOpensAt: shanghaiInstant(year, month - 1, 24, 9),
    opensAt: shanghaiInstant(year, month, 1, 8),
    closesAt: shanghaiInstant(year, month, 18, 20),
    intakeDate: `${cycleCode(m)}-21`,
    deliveryDate: `${cycleCode(m)}-22`,
    calculatedAt: shanghaiInstant(year, month, 25, 10),
    paidAt: shanghaiInstant(year, month, 27, 15),
    acknowledgedAt: shanghaiInstant(year, month, 28, 18),
  };
}

/**
 * The schedule of every cycle of a group from `first` to the month after `now`'s month
 * (Asia/Shanghai): past months are settled history (SETTLED, or ARCHIVED a year after dispatch);
 * `now`'s month is OPEN with `opensAt` ≤ now − 2 days and `closesAt` ≥ now + 4 days; the next
 * month is DECLARING, its declarations opened at least a day before `now`.
 */
export function planCycleSchedules(first: YearMonth, now: Date): CycleSchedule[] {
  const f = shanghaiFields(now);
  const current: YearMonth = { year: f.year, month: f.month };
  const count = monthsBetween(first, current);
  const schedules: CycleSchedule[] = [];
  for (let i = 0; i < count; i++) {
    const month = addMonths(first, i);
    const s = ordinarySchedule(month);
    const archived =
      now.getTime() - atShanghaiTime(s.deliveryDate, 0).getTime() > ARCHIVE_AFTER_DAYS * 86_400_000;
    schedules.push({ month, phase: "PAST", state: archived ? "ARCHIVED" : "SETTLED", ...s });
  }
  if (count < 0) return schedules;

  const ordinary = ordinarySchedule(current);
  const opensAt = minInstant(ordinary.opensAt, addDaysToInstant(now, -2));
  const closesAt = maxInstant(ordinary.closesAt, addDaysToInstant(now, 4));
  const intakeDate = addDays(shanghaiDate(closesAt), 2);
  schedules.push({
    month: current,
    phase: "OPEN",
    state: "OPEN",
    declarationOpensAt: minInstant(ordinary.declarationOpensAt, addDaysToInstant(opensAt, -5)),
    opensAt,
    closesAt,
    intakeDate,
    deliveryDate: addDays(intakeDate, 1),
    calculatedAt: null,
    paidAt: null,
    acknowledgedAt: null,
  });

  const nextMonth = addMonths(current, 1);
  const next = ordinarySchedule(nextMonth);
  const nextOpens = maxInstant(next.opensAt, addDaysToInstant(closesAt, 1));
  const nextCloses = maxInstant(next.closesAt, addDaysToInstant(nextOpens, 10));
  const nextIntake = addDays(shanghaiDate(nextCloses), 2);
  schedules.push({
    month: nextMonth,
    phase: "DECLARING",
    state: "DECLARING",
    declarationOpensAt: minInstant(next.declarationOpensAt, addDaysToInstant(now, -1)),
    opensAt: nextOpens,
    closesAt: nextCloses,
    intakeDate: nextIntake,
    deliveryDate: addDays(nextIntake, 1),
    calculatedAt: null,
    paidAt: null,
    acknowledgedAt: null,
  });
  return schedules;
}
