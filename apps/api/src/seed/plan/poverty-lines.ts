import { POVERTY_LINES } from "@nested/domain";

/**
 * The official line of a year in yuan/person/year (from `@nested/domain`, which holds
 * shared/reference/poverty-lines.csv), or `undefined` where the reference has none.
 */
export function officialPovertyLine(year: number): number | undefined {
  return POVERTY_LINES.find((row) => row.year === year)?.yuanPerPersonPerYear;
}

const FIRST = POVERTY_LINES[0]!;
const LAST = POVERTY_LINES[POVERTY_LINES.length - 1]!;

/**
 * The threshold the demo world measures a household's status against, yuan/person/year: the
 * official line where the reference has one; the first (2010 base) before it; and after the last
 * (2020), when no official line exists, the last one (post-2020 monitoring keeps checking against it).
 */
export function statusThresholdYuan(year: number): number {
  return officialPovertyLine(year) ?? (year < FIRST.year ? FIRST : LAST).yuanPerPersonPerYear;
}
