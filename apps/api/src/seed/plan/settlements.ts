import type { OrderCycleRecord, CycleSchedule } from "./cycles";
import type { MarketContext } from "./market-context";
import type { DemoRandom } from "./random";
import type {
  FeeRuleRecord,
  LotRecord,
  OfferRecord,
  PaymentMethod,
  SettlementDeductionRecord,
  SettlementRecord,
} from "./trade-types";
import type { ProducerGroupRecord } from "./villages";

/**
 * The fee rules of a producer group (the real deductions were not published: these are
 * invented). Sanggang: transport 6% until 2015, then 5%; packaging 2%; a group fund of 2% from
 * 2012 when the group began to run itself, 3% from July 2019 when the cooperative was founded.
 * Other groups: 5% transport, 2% packaging, 2% group fund from the start.
 */
export function buildFeeRules(group: ProducerGroupRecord, random: DemoRandom): FeeRuleRecord[] {
  const rule = (
    kind: FeeRuleRecord["kind"],
    rateBasisPoints: number,
    validFrom: string,
    validTo: string | null,
    descriptionZh: string,
  ): FeeRuleRecord => ({
    id: random.uuid(),
    producerGroupId: group.id,
    kind,
    basis: "PERCENT_OF_GROSS",
    rateBasisPoints,
    validFrom,
    validTo,
    descriptionZh,
  });
  if (group.code === "SG") {
    return [
      rule("TRANSPORT", 600, group.foundedOn, "2015-12-31", "运费（租车进京）"),
      rule("TRANSPORT", 500, "2016-01-01", null, "运费（与宝石村拼车）"),
      rule("PACKAGING", 200, group.foundedOn, null, "包装费（蛋托、纸箱）"),
      rule("GROUP_FUND", 200, "2012-01-01", "2019-06-30", "小组公积金"),
      rule("GROUP_FUND", 300, "2019-07-01", null, "合作社公积金"),
    ];
  }
  return [
    rule("TRANSPORT", 500, group.foundedOn, null, "运费"),
    rule("PACKAGING", 200, group.foundedOn, null, "包装费"),
    rule("GROUP_FUND", 200, group.foundedOn, null, "小组公积金"),
  ];
}

/** The fee rule of a kind in force on a day, if any. */
export function feeRuleOn(
  rules: readonly FeeRuleRecord[],
  kind: FeeRuleRecord["kind"],
  date: string,
): FeeRuleRecord | undefined {
  return rules.find(
    (r) => r.kind === kind && r.validFrom <= date && (r.validTo === null || date <= r.validTo),
  );
}

/** The rate in force on a day for a kind of fee, basis points (0 when none). */
export function feeRate(
  rules: readonly FeeRuleRecord[],
  kind: FeeRuleRecord["kind"],
  date: string,
): number {
  return feeRuleOn(rules, kind, date)?.rateBasisPoints ?? 0;
}

/** ⌊gross × rate ÷ 10 000⌋, in fen. */
export function feeFen(grossFen: number, rateBasisPoints: number): number {
  return Math.floor((grossFen * rateBasisPoints) / 10_000);
}

function payoutMethod(year: number, random: DemoRandom): PaymentMethod {
  const x = random.float();
  if (year <= 2013) return "CASH";
  if (year <= 2016) return x < 0.5 ? "CASH" : x < 0.8 ? "BANK_TRANSFER" : "WECHAT_PAY";
  return x < 0.6 ? "WECHAT_PAY" : x < 0.85 ? "BANK_TRANSFER" : "CASH";
}

const FEE_KINDS: readonly FeeRuleRecord["kind"][] = ["TRANSPORT", "PACKAGING", "GROUP_FUND"];

/**
 * Settles a past cycle: one settlement per household with accepted units, gross = Σ accepted ×
 * the offer's producer price, minus the fees in force on the dispatch day (one deduction row per
 * fee rule applied); approved by finance, paid and (except a few in the latest cycle)
 * acknowledged by the household.
 */
export function settleCycle(
  ctx: MarketContext,
  cycle: OrderCycleRecord,
  schedule: CycleSchedule,
  offers: readonly OfferRecord[],
  lots: readonly LotRecord[],
  latest: boolean,
  random: DemoRandom,
): { settlements: SettlementRecord[]; deductions: SettlementDeductionRecord[] } {
  const year = Number(cycle.code.slice(0, 4));
  const priceOf = new Map(offers.map((o) => [o.id, o.producerPriceFen]));
  const grossOf = new Map<string, number>();
  for (const lot of lots) {
    if (lot.quantityAccepted === 0) continue;
    const fen = lot.quantityAccepted * (priceOf.get(lot.offerId) ?? 0);
    grossOf.set(lot.householdId, (grossOf.get(lot.householdId) ?? 0) + fen);
  }
  const settlements: SettlementRecord[] = [];
  const deductions: SettlementDeductionRecord[] = [];
  const calculatedAt = schedule.calculatedAt ?? cycle.closesAt;
  const paidAt = schedule.paidAt ?? cycle.closesAt;
  const rules = FEE_KINDS.map((kind) => feeRuleOn(ctx.feeRules, kind, cycle.deliveryDate));
  for (const [householdId, grossFen] of grossOf) {
    const id = random.uuid();
    const fees = rules.map((rule) => (rule ? feeFen(grossFen, rule.rateBasisPoints) : 0));
    const [transportFeeFen = 0, packagingFeeFen = 0, groupFundFeeFen = 0] = fees;
    rules.forEach((rule, k) => {
      if (rule) {
        deductions.push({
          id: random.uuid(),
          producerGroupId: ctx.group.id,
          settlementId: id,
          feeRuleId: rule.id,
          kind: rule.kind,
          amountFen: fees[k] ?? 0,
        });
      }
    });
    const deductionsFen = transportFeeFen + packagingFeeFen + groupFundFeeFen;
    const acknowledged = !latest || random.chance(0.8);
    const method = payoutMethod(year, random);
    settlements.push({
      id,
      producerGroupId: ctx.group.id,
      orderCycleId: cycle.id,
      householdId,
      state: acknowledged ? "ACKNOWLEDGED" : "PAID",
      grossFen,
      transportFeeFen,
      packagingFeeFen,
      groupFundFeeFen,
      deductionsFen,
      adjustmentsFen: 0,
      netFen: grossFen - deductionsFen,
      payoutMethod: method,
      payoutReference: method === "CASH" ? null : `PAYOUT-${cycle.code}-${id.slice(0, 8)}`,
      calculatedAt,
      approvedAt: new Date(calculatedAt.getTime() + 2 * 60 * 60 * 1000),
      paidAt,
      acknowledgedAt: acknowledged ? schedule.acknowledgedAt : null,
      approvedByUserId: ctx.approverUserId,
    });
  }
  return { settlements, deductions };
}
