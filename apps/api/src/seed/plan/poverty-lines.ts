/**
 * The official rural poverty line by year, in yuan per person per year, copied from
 * shared/reference/poverty-lines.csv (National Bureau of Statistics and secondary reporting).
 */
export interface PovertyLineRecord {
  year: number;
  /** yuan/person/year */
  lineYuan: number;
  /** The CSV's status column: how firm the figure is. */
  status: string;
  source: string;
}

/** Rows of poverty-lines.csv, 2010–2020. */
export const POVERTY_LINES: readonly PovertyLineRecord[] = [
  {
    year: 2010,
    lineYuan: 2300,
    status: "base (2010 constant prices)",
    source: "National Bureau of Statistics rural poverty standard; provincial yearbook note",
  },
  {
    year: 2011,
    lineYuan: 2536,
    status: "published",
    source: "National Bureau of Statistics (current prices)",
  },
  {
    year: 2012,
    lineYuan: 2625,
    status: "published",
    source: "National Bureau of Statistics (current prices)",
  },
  {
    year: 2013,
    lineYuan: 2736,
    status: "published",
    source: "National Bureau of Statistics (current prices)",
  },
  {
    year: 2014,
    lineYuan: 2800,
    status: "published",
    source: "National Bureau of Statistics (current prices)",
  },
  {
    year: 2015,
    lineYuan: 2855,
    status: "published",
    source: "National Bureau of Statistics (current prices)",
  },
  {
    year: 2016,
    lineYuan: 2952,
    status: "published",
    source: "National Bureau of Statistics (current prices)",
  },
  {
    year: 2017,
    lineYuan: 2952,
    status: "unconfirmed (secondary sources disagree; treat as provisional)",
    source: "secondary sources",
  },
  { year: 2018, lineYuan: 2995, status: "unconfirmed (provisional)", source: "secondary sources" },
  {
    year: 2019,
    lineYuan: 3218,
    status: "published (secondary source)",
    source: "secondary reporting of NBS figure",
  },
  {
    year: 2020,
    lineYuan: 4000,
    status: 'approximate ("about 4000")',
    source: "secondary reporting of NBS figure",
  },
];

/** The official line of a year, or `undefined` outside 2010–2020. */
export function officialPovertyLine(year: number): number | undefined {
  return POVERTY_LINES.find((row) => row.year === year)?.lineYuan;
}

/**
 * The threshold the demo world measures a household's status against, yuan/person/year: the
 * official line where the CSV has one; the 2010 base before 2010; and after 2020, when no
 * official line exists, the 2020 line (post-2020 monitoring keeps checking against it).
 */
export function statusThresholdYuan(year: number): number {
  const official = officialPovertyLine(year);
  if (official !== undefined) return official;
  return year < 2010 ? 2300 : 4000;
}
