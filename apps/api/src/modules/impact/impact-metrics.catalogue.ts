import {
  EXITED_FACTS,
  PREMIUM_FACTS,
  QUALITY_FACTS,
  RETENTION_FACTS,
  TRUST_FACTS,
  farmerShareFacts,
  incomeFacts,
  orderLineFacts,
  paidSettlementFacts,
  participatingFacts,
  repeatOrderFacts,
} from "./impact-facts.sql";

/** The impact metrics partners may ask for (values of the GraphQL enum `ImpactMetric`). */
export enum ImpactMetric {
  HOUSEHOLDS_PARTICIPATING = "HOUSEHOLDS_PARTICIPATING",
  HOUSEHOLDS_EXITED_POVERTY = "HOUSEHOLDS_EXITED_POVERTY",
  PAYMENTS_TO_HOUSEHOLDS = "PAYMENTS_TO_HOUSEHOLDS",
  FARMER_SHARE = "FARMER_SHARE",
  PRICE_PREMIUM = "PRICE_PREMIUM",
  HOUSEHOLDS_ABOVE_POVERTY_LINE = "HOUSEHOLDS_ABOVE_POVERTY_LINE",
  HOUSEHOLDS_BELOW_POVERTY_LINE = "HOUSEHOLDS_BELOW_POVERTY_LINE",
  POOR_HOUSEHOLDS_ABOVE_LINE_SHARE = "POOR_HOUSEHOLDS_ABOVE_LINE_SHARE",
  MEAN_PAYOUT = "MEAN_PAYOUT",
  MEDIAN_PAYOUT = "MEDIAN_PAYOUT",
  CONSUMER_HOUSEHOLDS_ACTIVE = "CONSUMER_HOUSEHOLDS_ACTIVE",
  CONSUMER_RETENTION = "CONSUMER_RETENTION",
  REPEAT_ORDER_RATE = "REPEAT_ORDER_RATE",
  LOT_ACCEPTANCE_RATE = "LOT_ACCEPTANCE_RATE",
  COMPLAINTS_PER_100_ORDER_LINES = "COMPLAINTS_PER_100_ORDER_LINES",
  TRUST_EVENTS_HELD = "TRUST_EVENTS_HELD",
  TRUST_EVENT_ATTENDANCE = "TRUST_EVENT_ATTENDANCE",
}

/**
 * How one metric is computed. The fact rows (`facts`, see impact-facts.sql.ts) are first summed
 * per cell and subject (columns `a`, `b`, `items` = distinct items), then `value` and
 * `households` are aggregated over those per-subject rows of the cell.
 */
export interface MetricDefinition {
  /**
   * Fact SQL; `byMonth` is true when the query groups or filters by month, `byCategory` when it
   * groups or filters by product category, `byHousehold` when by the household's age band or
   * registered-poor status.
   */
  facts: (byMonth: boolean, byCategory: boolean, byHousehold: boolean) => string;
  /** Aggregate over the per-subject rows (`a`, `b`, `items`, `subject`), a number or NULL. */
  value: string;
  /** Distinct households a cell counts; default the subjects that are households. */
  households?: string;
  /** Schema description: definition, unit, source. */
  description: string;
}

const ratio = (numerator: string, denominator: string) =>
  `round(10000 * (${numerator})::numeric / NULLIF(${denominator}, 0))`;

const fixed = (sql: string) => () => sql;

/** Paid settlements' facts, with the household's yearly dimensions only when asked for. */
const payouts = (_byMonth: boolean, _byCategory: boolean, byHousehold: boolean) =>
  paidSettlementFacts(byHousehold);

/** Every metric's computation and documentation. */
export const METRICS: Record<ImpactMetric, MetricDefinition> = {
  HOUSEHOLDS_PARTICIPATING: {
    facts: participatingFacts,
    value: "count(*)",
    description:
      "Producer households that were members of their producer group at the end of the period (year, or month when grouped by month): joined on or before its last day and not left by then. Unit: households. Source: the household register. Dimensions: all but product category. A year's value is a stock, so months do not add up to it.",
  },
  HOUSEHOLDS_EXITED_POVERTY: {
    facts: fixed(EXITED_FACTS),
    value: "count(*)",
    description:
      "Member households (at the year's end) whose yearly poverty status became EXITED (脱贫) that year from REGISTERED or RETURNED the year before. Unit: households. Source: household years. Dimensions: year, village, head's sex, age band, registered-poor.",
  },
  PAYMENTS_TO_HOUSEHOLDS: {
    facts: payouts,
    value: "sum(a)",
    description:
      "Σ net payouts (after deductions and adjustments) of settlements PAID or ACKNOWLEDGED, by payout day; a correcting settlement counts as its own payout. Unit: fen. Source: IRIS+ PI7852 (payments to supplier individuals). Dimensions: all but product category.",
  },
  FARMER_SHARE: {
    facts: (_byMonth: boolean, _byCategory: boolean, byHousehold: boolean) =>
      farmerShareFacts(byHousehold),
    value: ratio("sum(a)", "sum(b)"),
    description:
      "Share of consumer spending that reached households: Σ net payouts paid in the period ÷ (Σ consumer payments − Σ refunds) received in the period, same producer groups. Unit: basis points (10000 = all of it), rounded half away from zero; null without consumer spending. Source: settlements, payments and REFUND adjustments. Dimensions: year, month, village; households counted are those paid.",
  },
  PRICE_PREMIUM: {
    facts: fixed(PREMIUM_FACTS),
    value: ratio("sum(a)", "sum(b)"),
    description:
      "Producer price premium over the township reference price: Σ (producer price − reference price) × units ÷ Σ reference price × units, over units allocated from producers' lots to orders not cancelled, by the cycle's opening; the reference is the latest price observed for the variant on or before the cycle opened. Unit: basis points (5000 = 50 % above), may be negative. Source: IRIS+ PI1568 (price premium), offers and reference prices. Dimensions: all.",
  },
  HOUSEHOLDS_ABOVE_POVERTY_LINE: {
    facts: fixed(incomeFacts(false)),
    value: "sum(a)",
    description:
      "Member households (at the year's end) whose per-capita net income (人均纯收入) that year was at or above that year's official poverty line (`povertyLines`). Unit: households. Source: household years and the poverty lines. Dimensions: year, village, head's sex, age band, registered-poor.",
  },
  HOUSEHOLDS_BELOW_POVERTY_LINE: {
    facts: fixed(incomeFacts(false)),
    value: "count(*) - sum(a)",
    description:
      "Member households (at the year's end) whose per-capita net income that year was below that year's official poverty line. Unit: households. Source: household years and the poverty lines. Dimensions: as HOUSEHOLDS_ABOVE_POVERTY_LINE.",
  },
  POOR_HOUSEHOLDS_ABOVE_LINE_SHARE: {
    facts: fixed(incomeFacts(true)),
    value: ratio("sum(a)", "count(*)"),
    description:
      "Of the participating registered-poor households with a yearly income record, the share at or above that year's poverty line. Unit: basis points. Source: household years and the poverty lines. Dimensions: year, village, head's sex, age band.",
  },
  MEAN_PAYOUT: {
    facts: payouts,
    value: "round(avg(a))",
    description:
      "Mean payout per participating household: each household's Σ net payouts in the cell (e.g. its year), averaged over the households paid in it. Unit: fen, rounded half away from zero. Source: settlements PAID or ACKNOWLEDGED (IRIS+ PI7852). Dimensions: all but product category.",
  },
  MEDIAN_PAYOUT: {
    facts: payouts,
    value: "round(percentile_cont(0.5) WITHIN GROUP (ORDER BY a))",
    description:
      "Median payout per participating household: the median of each paid household's Σ net payouts in the cell (the mean of the two middle ones for an even count). Unit: fen, rounded half away from zero. Source: as MEAN_PAYOUT.",
  },
  CONSUMER_HOUSEHOLDS_ACTIVE: {
    facts: orderLineFacts,
    value: "count(*)",
    description:
      "Consumer households that placed an order (not cancelled) in the period. Unit: consumer households (the households counted for suppression). Source: orders. Dimensions: year, month, village of the producer group, product category.",
  },
  CONSUMER_RETENTION: {
    facts: fixed(RETENTION_FACTS),
    value: ratio("sum(a)", "sum(b)"),
    households: "count(*)",
    description:
      "Year-on-year retention: of the consumer households that ordered (not cancelled) from a village's group in the previous year, the share that ordered from it again this year. Unit: basis points. Source: orders. Dimensions: year, village.",
  },
  REPEAT_ORDER_RATE: {
    facts: repeatOrderFacts,
    value: ratio("count(*) FILTER (WHERE items + a >= 2)", "count(*)"),
    description:
      "Repeat-order rate: of the consumer households that ordered in the period, the share that placed two or more orders (not cancelled) in it. Unit: basis points. Source: orders. Dimensions: year, month, village, product category.",
  },
  LOT_ACCEPTANCE_RATE: {
    facts: fixed(QUALITY_FACTS),
    value: ratio("sum(a)", "sum(b)"),
    description:
      "Lot acceptance rate: Σ units accepted ÷ Σ units received at quality checks, by the day of the check. Unit: basis points. Source: quality checks. Dimensions: all.",
  },
  COMPLAINTS_PER_100_ORDER_LINES: {
    facts: orderLineFacts,
    value: ratio("sum(a)", "sum(b)"),
    description:
      "Complaints per 100 order lines: feedback marked as a complaint ÷ order lines of orders not cancelled, by order placement. Unit: basis points of a line, i.e. complaints per 10 000 lines (250 = 2.5 complaints per 100 lines). Source: feedback and orders. Dimensions: year, month, village, product category.",
  },
  TRUST_EVENTS_HELD: {
    facts: fixed(TRUST_FACTS),
    value: "sum(items)",
    description:
      "Trust events (village visits, harvest days…) held: ended and not cancelled, by their start. Unit: events. Source: trust events. Households counted: consumer households that attended. Dimensions: year, month, village.",
  },
  TRUST_EVENT_ATTENDANCE: {
    facts: fixed(TRUST_FACTS),
    value: "sum(b)",
    description:
      "Consumer attendance at trust events held: people recorded as having come (attendances ATTENDED). Unit: people. Source: trust event attendances. Households counted: the attending consumer households. Dimensions: year, month, village.",
  },
};
