import { graphql } from "../../gql/index.js";

/** What the filters offer: the years and villages with members, and the poverty lines. */
export const ImpactOptionsQuery = graphql(`
  query ImpactOptions {
    povertyLines {
      year
      yuanPerPersonPerYear
    }
    impactMetrics(query: { metrics: [HOUSEHOLDS_PARTICIPATING], groupBy: [YEAR, VILLAGE] }) {
      cells {
        year
        villageId
        villageName
      }
    }
  }
`);

/** The four charts' tables, each the exact query its CSV download repeats. */
export const ImpactChartsQuery = graphql(`
  query ImpactCharts(
    $poverty: ImpactMetricsInput!
    $payments: ImpactMetricsInput!
    $premium: ImpactMetricsInput!
    $retention: ImpactMetricsInput!
    $unsuppressed: Boolean!
  ) {
    poverty: impactMetrics(query: $poverty, unsuppressed: $unsuppressed) {
      ...ImpactTableFields
    }
    payments: impactMetrics(query: $payments, unsuppressed: $unsuppressed) {
      ...ImpactTableFields
    }
    premium: impactMetrics(query: $premium, unsuppressed: $unsuppressed) {
      ...ImpactTableFields
    }
    retention: impactMetrics(query: $retention, unsuppressed: $unsuppressed) {
      ...ImpactTableFields
    }
  }

  fragment ImpactTableFields on ImpactTable {
    suppressionK
    cells {
      metric
      year
      value
      suppressed
      householdCount
    }
  }
`);
