import type { PovertyLine } from "./poverty-line.types.js";

/**
 * The official rural poverty line by year: every row of `shared/reference/poverty-lines.csv`
 * (columns year, line_yuan_per_person_per_year, status, source), with status and source copied
 * verbatim. A test compares this table with the CSV row by row; change both together.
 * Years not listed have no line here: nothing is interpolated or extrapolated.
 */
export const POVERTY_LINES: readonly PovertyLine[] = Object.freeze(
  [
    {
      year: 2010,
      yuanPerPersonPerYear: 2300,
      status: "base (2010 constant prices)",
      source: "National Bureau of Statistics rural poverty standard; provincial yearbook note",
    },
    {
      year: 2011,
      yuanPerPersonPerYear: 2536,
      status: "published",
      source: "National Bureau of Statistics (current prices)",
    },
    {
      year: 2012,
      yuanPerPersonPerYear: 2625,
      status: "published",
      source: "National Bureau of Statistics (current prices)",
    },
    {
      year: 2013,
      yuanPerPersonPerYear: 2736,
      status: "published",
      source: "National Bureau of Statistics (current prices)",
    },
    {
      year: 2014,
      yuanPerPersonPerYear: 2800,
      status: "published",
      source: "National Bureau of Statistics (current prices)",
    },
    {
      year: 2015,
      yuanPerPersonPerYear: 2855,
      status: "published",
      source: "National Bureau of Statistics (current prices)",
    },
    {
      year: 2016,
      yuanPerPersonPerYear: 2952,
      status: "published",
      source: "National Bureau of Statistics (current prices)",
    },
    {
      year: 2017,
      yuanPerPersonPerYear: 2952,
      status: "unconfirmed (secondary sources disagree; treat as provisional)",
      source: "secondary sources",
    },
    {
      year: 2018,
      yuanPerPersonPerYear: 2995,
      status: "unconfirmed (provisional)",
      source: "secondary sources",
    },
    {
      year: 2019,
      yuanPerPersonPerYear: 3218,
      status: "published (secondary source)",
      source: "secondary reporting of NBS figure",
    },
    {
      year: 2020,
      yuanPerPersonPerYear: 4000,
      status: 'approximate ("about 4000")',
      source: "secondary reporting of NBS figure",
    },
  ].map((line) => Object.freeze(line)),
);
