import { type CycleSchedule, type OrderCycleRecord, planCycleSchedules } from "./cycles";
import { cycleCode, type YearMonth } from "./calendar";
import type { MarketContext } from "./market-context";
import type { DemoRandom } from "./random";
import { settleCycle } from "./settlements";
import { fulfilCycle } from "./trade-fulfilment";
import { placeOrders } from "./trade-orders";
import { declareSupply, makeOffers } from "./trade-supply";
import type {
  AllocationRecord,
  LotRecord,
  OfferRecord,
  OrderAdjustmentRecord,
  OrderLineRecord,
  OrderRecord,
  PaymentRecord,
  QualityCheckRecord,
  SettlementDeductionRecord,
  SettlementRecord,
  SupplyDeclarationRecord,
} from "./trade-types";

/** Every trade record of a market, in foreign-key order of insertion. */
export interface TradeRecords {
  orderCycles: OrderCycleRecord[];
  supplyDeclarations: SupplyDeclarationRecord[];
  offers: OfferRecord[];
  orders: OrderRecord[];
  orderLines: OrderLineRecord[];
  payments: PaymentRecord[];
  lots: LotRecord[];
  allocations: AllocationRecord[];
  qualityChecks: QualityCheckRecord[];
  orderAdjustments: OrderAdjustmentRecord[];
  settlements: SettlementRecord[];
  settlementDeductions: SettlementDeductionRecord[];
}

/** An empty set of trade records. */
export function emptyTrade(): TradeRecords {
  return {
    orderCycles: [],
    supplyDeclarations: [],
    offers: [],
    orders: [],
    orderLines: [],
    payments: [],
    lots: [],
    allocations: [],
    qualityChecks: [],
    orderAdjustments: [],
    settlements: [],
    settlementDeductions: [],
  };
}

const HOUR_MS = 60 * 60 * 1000;

function cycleRecord(ctx: MarketContext, s: CycleSchedule, random: DemoRandom): OrderCycleRecord {
  return {
    id: random.uuid(),
    producerGroupId: ctx.group.id,
    code: cycleCode(s.month),
    state: s.state,
    declarationOpensAt: s.declarationOpensAt,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    intakeDate: s.intakeDate,
    deliveryDate: s.deliveryDate,
    settledAt: s.phase === "PAST" ? s.paidAt : null,
    createdAt: new Date(s.declarationOpensAt.getTime() - 24 * HOUR_MS),
  };
}

/**
 * Runs a market's monthly cycles from `first` to the month after `now`: past cycles complete
 * (declarations → offers → orders → allocation → intake → refunds → settlements), the current
 * month OPEN with offers and a few orders, the next month DECLARING with some declarations.
 * Also returns each household's settled net per year, fen, for its income.
 */
export function simulateMarket(
  ctx: MarketContext,
  first: YearMonth,
  random: DemoRandom,
): { trade: TradeRecords; marketFen: Map<string, Map<number, number>> } {
  const trade = emptyTrade();
  const marketFen = new Map<string, Map<number, number>>();
  const schedules = planCycleSchedules(first, ctx.now);
  const lastPast = schedules.filter((s) => s.phase === "PAST").length - 1;
  schedules.forEach((s, index) => {
    const cycle = cycleRecord(ctx, s, random);
    trade.orderCycles.push(cycle);
    if (s.phase === "DECLARING") {
      trade.supplyDeclarations.push(
        ...declareSupply(ctx, cycle, s.declarationOpensAt, ctx.now, 0.4, random),
      );
      return;
    }
    const declarations = declareSupply(
      ctx,
      cycle,
      s.declarationOpensAt,
      new Date(s.opensAt.getTime() - 4 * HOUR_MS),
      1,
      random,
    );
    const offers = makeOffers(ctx, cycle, declarations, random);
    const past = s.phase === "PAST";
    const placed = placeOrders(
      ctx,
      cycle,
      offers,
      past ? s.closesAt : ctx.now,
      past ? 1 : 0.3,
      past,
      random,
    );
    trade.supplyDeclarations.push(...declarations);
    trade.offers.push(...offers);
    trade.orders.push(...placed.orders);
    trade.orderLines.push(...placed.lines);
    trade.payments.push(...placed.payments);
    if (!past) return;

    const done = fulfilCycle(
      ctx,
      cycle,
      index,
      offers,
      declarations,
      placed.orders,
      placed.lines,
      random,
    );
    trade.lots.push(...done.lots);
    trade.allocations.push(...done.allocations);
    trade.qualityChecks.push(...done.qualityChecks);
    trade.orderAdjustments.push(...done.adjustments);
    const { settlements, deductions } = settleCycle(
      ctx,
      cycle,
      s,
      offers,
      done.lots,
      index === lastPast,
      random,
    );
    trade.settlementDeductions.push(...deductions);
    trade.settlements.push(...settlements);
    for (const st of settlements) {
      const years = marketFen.get(st.householdId) ?? new Map<number, number>();
      years.set(s.month.year, (years.get(s.month.year) ?? 0) + st.netFen);
      marketFen.set(st.householdId, years);
    }
  });
  return { trade, marketFen };
}
