import type { PovertyStatus } from "@nested/domain";
import type { HouseholdRecord } from "./households";
import { officialPovertyLine, statusThresholdYuan } from "./poverty-lines";
import type { DemoRandom } from "./random";

/**
 * A household's year: per-capita net income (人均纯收入) in yuan/person/year, the part of it that
 * came from the nested market, and its poverty status measured against that year's line
 * (poverty-lines.csv; after 2020 the 2020 line, see `statusThresholdYuan`).
 */
export interface HouseholdYearRecord {
  id: string;
  householdId: string;
  year: number;
  perCapitaNetIncomeYuan: number;
  /** The household's settlements paid that year, yuan (whole household, not per person). */
  marketIncomeYuan: number;
  /** The official line of the year, yuan/person/year; null where poverty-lines.csv has none. */
  povertyLineYuan: number | null;
  povertyStatus: PovertyStatus;
}

/** Income without the market: `startYuan` per person in `firstYear`, growing by `growth` a year. */
export interface IncomeBase {
  firstYear: number;
  startYuan: number;
  growth: number;
  registeredPoor: boolean;
}

/**
 * Draws each household's non-market income path. Registered-poor households start at 55–92% of
 * the first year's line (so they start below it), others at 115–300%.
 */
export function planIncomeBases(
  households: readonly HouseholdRecord[],
  firstYear: number,
  random: DemoRandom,
): Map<string, IncomeBase> {
  const bases = new Map<string, IncomeBase>();
  const line = statusThresholdYuan(firstYear);
  for (const h of households) {
    bases.set(h.id, {
      firstYear,
      startYuan: Math.round(
        line * (h.registeredPoor ? random.between(0.55, 0.92) : random.between(1.15, 3)),
      ),
      growth: h.registeredPoor ? random.between(0.035, 0.08) : random.between(0.06, 0.09),
      registeredPoor: h.registeredPoor,
    });
  }
  return bases;
}

/** Non-market per-capita income of a year, yuan (targeted poverty-alleviation support adds 3%/year from 2016 for poor households). */
export function baseIncomeYuan(base: IncomeBase, year: number): number {
  const support = base.registeredPoor && year > 2016 ? 1.03 ** (year - 2016) : 1;
  return base.startYuan * (1 + base.growth) ** (year - base.firstYear) * support;
}

/** How far a household is below the line in a year: base income ÷ threshold (smaller = poorer). */
export function povertyRatio(base: IncomeBase, year: number): number {
  return baseIncomeYuan(base, year) / statusThresholdYuan(year);
}

function nextStatus(
  previous: PovertyStatus | null,
  registeredPoor: boolean,
  above: boolean,
): PovertyStatus {
  if (!registeredPoor) return "NOT_REGISTERED";
  if (previous === null) return "REGISTERED";
  if (previous === "REGISTERED") return above ? "EXITED" : "REGISTERED";
  if (previous === "RETURNED") return above ? "EXITED" : "RETURNED";
  return above ? "MONITORED" : "RETURNED";
}

function series(
  household: HouseholdRecord,
  base: IncomeBase,
  lastYear: number,
  marketFenByYear: ReadonlyMap<number, number>,
  shockYear: number | null,
): Omit<HouseholdYearRecord, "id">[] {
  const rows: Omit<HouseholdYearRecord, "id">[] = [];
  let status: PovertyStatus | null = null;
  let transfer = 0;
  for (let year = base.firstYear; year <= lastYear; year++) {
    const marketFen = marketFenByYear.get(year) ?? 0;
    const threshold = statusThresholdYuan(year);
    let income =
      Math.round(baseIncomeYuan(base, year) + marketFen / 100 / household.size) + transfer;
    if (year === shockYear) income = Math.min(income, Math.round(threshold * 0.85));
    // 2020: households still below the line are lifted above it by social assistance, for good.
    if (year === 2020 && household.registeredPoor && income < threshold) {
      transfer = Math.ceil(threshold * 1.05) - income;
      income += transfer;
    }
    // The first year of data is the registration year: registered households start poor.
    if (status === null && household.registeredPoor) income = Math.min(income, threshold - 1);
    status = nextStatus(status, household.registeredPoor, income >= threshold);
    rows.push({
      householdId: household.id,
      year,
      perCapitaNetIncomeYuan: income,
      marketIncomeYuan: Math.round(marketFen / 100),
      povertyLineYuan: officialPovertyLine(year) ?? null,
      povertyStatus: status,
    });
  }
  return rows;
}

/**
 * Every household's years from its income base's first year to `lastYear`: income = base +
 * market settlements per person; status REGISTERED → EXITED → MONITORED, and two households that
 * had exited by 2017 hit by an illness shock in 2018 and 2019 (RETURNED).
 */
export function buildHouseholdYears(
  households: readonly HouseholdRecord[],
  bases: ReadonlyMap<string, IncomeBase>,
  marketFen: ReadonlyMap<string, Map<number, number>>,
  shockCandidates: ReadonlySet<string>,
  lastYear: number,
  random: DemoRandom,
): HouseholdYearRecord[] {
  const empty = new Map<number, number>();
  const first = households.map((h) => {
    const base = bases.get(h.id);
    if (!base) throw new Error(`no income base for ${h.code}`);
    return {
      household: h,
      base,
      rows: series(h, base, lastYear, marketFen.get(h.id) ?? empty, null),
    };
  });
  const shocked = first
    .filter(
      (s) =>
        shockCandidates.has(s.household.id) &&
        s.rows.find((r) => r.year === 2017)?.povertyStatus === "MONITORED",
    )
    .slice(0, 2);
  const records: HouseholdYearRecord[] = [];
  for (const s of first) {
    const k = shocked.indexOf(s);
    const rows =
      k >= 0
        ? series(s.household, s.base, lastYear, marketFen.get(s.household.id) ?? empty, 2018 + k)
        : s.rows;
    for (const row of rows) records.push({ id: random.uuid(), ...row });
  }
  return records;
}
