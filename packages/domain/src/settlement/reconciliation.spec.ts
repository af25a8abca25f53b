import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculateSettlements, type FeeRuleTerms } from "./calculation.js";
import {
  type DueAdjustment,
  marketMarginFen,
  orderAmountDueFen,
  reconcile,
} from "./reconciliation.js";

describe("orderAmountDueFen", () => {
  it("subtracts refunds and credits, adds charges; a cancelled order owes nothing", () => {
    // 3200 + 7100 − 3550 refund − 100 credit + 250 charge = 6900
    const adjustments: DueAdjustment[] = [
      { kind: "REFUND", amountFen: 3550 },
      { kind: "CREDIT", amountFen: 100 },
      { kind: "CHARGE", amountFen: 250 },
    ];
    expect(orderAmountDueFen({ cancelled: false, lineTotalsFen: [3200, 7100], adjustments })).toBe(
      6900,
    );
    expect(orderAmountDueFen({ cancelled: true, lineTotalsFen: [3200, 7100], adjustments })).toBe(
      0,
    );
  });
});

describe("reconcile", () => {
  it("balances a hand-worked cycle to 0", () => {
    // O1: 2 eggs × 1600 + 2 walnut bags × 3550 = 10300, one bag short → REFUND 3550 → due 6750;
    //     paid 10300 → 3550 to refund
    // O2: cancelled after paying 1600 → due 0 → 1600 to refund
    // O3: 3 eggs × 1600 = 4800, paid 2000 → 2800 still due
    // producer side: 5 eggs × 1200 + 1 bag × 2700 = 8700 gross; margin 5 × 400 + 1 × 850 = 2850
    // deductions 300 → nets 8400
    // payments 13900 = payouts 8400 + fees (300 + 2850) + refunds 5150 − balances 2800 = 13900
    const margin = marketMarginFen([
      { acceptedUnits: 2, unitPriceFen: 1600, producerPriceFen: 1200 },
      { acceptedUnits: 1, unitPriceFen: 3550, producerPriceFen: 2700 },
      { acceptedUnits: 3, unitPriceFen: 1600, producerPriceFen: 1200 },
    ]);
    expect(margin).toBe(2850);
    expect(
      reconcile({
        orders: [
          { paidFen: 10300, dueFen: 6750 },
          { paidFen: 1600, dueFen: 0 },
          { paidFen: 2000, dueFen: 4800 },
        ],
        settlementNetsFen: [6000 - 200, 2700 - 100],
        deductionsFen: [200, 100],
        marketMarginFen: margin,
      }),
    ).toEqual({
      paymentsFen: 13900,
      payoutsFen: 8400,
      deductionsFen: 300,
      marketMarginFen: 2850,
      feesFen: 3150,
      refundsFen: 5150,
      balancesDueFen: 2800,
      differenceFen: 0,
    });
  });

  it("shows a missing refund as a difference", () => {
    // an order of 1600 paid, nothing delivered, no refund recorded: due stays 1600, no payout
    const r = reconcile({
      orders: [{ paidFen: 1600, dueFen: 1600 }],
      settlementNetsFen: [0],
      deductionsFen: [],
      marketMarginFen: 0,
    });
    expect(r.differenceFen).toBe(1600);
  });
});

/** A random cycle: offers, households' lots, orders with lines allocated to lots, intake, payments. */
const cycleArbitrary = fc.record({
  offers: fc.array(
    fc.record({
      producerPriceFen: fc.integer({ min: 0, max: 5000 }),
      marginFen: fc.integer({ min: 0, max: 3000 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  households: fc.integer({ min: 1, max: 6 }),
  orders: fc.array(
    fc.record({
      cancelled: fc.boolean(),
      lines: fc.array(
        fc.record({
          offer: fc.nat(),
          quantity: fc.integer({ min: 1, max: 10 }),
          first: fc.nat(),
          second: fc.nat(),
          split: fc.nat(),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      payment: fc.oneof(
        fc.constant("exact" as const),
        fc.constant("total" as const),
        fc.integer({ min: 0, max: 200_000 }),
      ),
    }),
    { minLength: 1, maxLength: 8 },
  ),
  /** Per lot: how intake went (accepted = allocated × share / 4, or a surplus). */
  intake: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 30 }),
  rules: fc.array(
    fc.record({
      kind: fc.constantFrom("TRANSPORT", "PACKAGING", "GROUP_FUND"),
      basis: fc.constantFrom("PER_UNIT" as const, "PERCENT_OF_GROSS" as const),
      rateBasisPoints: fc.integer({ min: 0, max: 10000 }),
      perUnitFen: fc.integer({ min: 0, max: 800 }),
    }),
    { maxLength: 4 },
  ),
});

describe("the reconciliation identity (property)", () => {
  it("payouts + fees + refunds − balances = payments, every amount a whole fen ≥ 0", () => {
    fc.assert(
      fc.property(cycleArbitrary, (cycle) => {
        const offers = cycle.offers;
        // lots keyed household:offer; allocations in order of creation
        const lots = new Map<
          string,
          { household: number; offer: number; allocs: { line: number; units: number }[] }
        >();
        const lines: { order: number; offer: number; quantity: number; accepted: number }[] = [];
        const adjustments = cycle.orders.map((): DueAdjustment[] => []);
        cycle.orders.forEach((order, o) => {
          for (const l of order.lines) {
            const offer = l.offer % offers.length;
            const index =
              lines.push({ order: o, offer, quantity: l.quantity, accepted: l.quantity }) - 1;
            if (order.cancelled) {
              lines[index]!.accepted = 0;
              continue;
            }
            const firstUnits = l.split % (l.quantity + 1);
            const parts = [
              { household: l.first % cycle.households, units: firstUnits },
              { household: l.second % cycle.households, units: l.quantity - firstUnits },
            ];
            for (const part of parts) {
              if (part.units === 0) continue;
              const key = `${part.household}:${offer}`;
              const lot = lots.get(key) ?? { household: part.household, offer, allocs: [] };
              lot.allocs.push({ line: index, units: part.units });
              lots.set(key, lot);
            }
          }
        });
        // intake: accept a share of each lot; spread the shortfall over its allocations
        const supply = new Map<
          number,
          { allocatedUnits: number; acceptedUnits: number; producerPriceFen: number }[]
        >();
        [...lots.values()].forEach((lot, i) => {
          const allocated = lot.allocs.reduce((s, a) => s + a.units, 0);
          const share = cycle.intake[i % cycle.intake.length]!;
          const accepted = share === 5 ? allocated + 2 : Math.floor((allocated * share) / 4);
          let shortfall = allocated - Math.min(accepted, allocated);
          for (const alloc of lot.allocs) {
            const short = Math.min(shortfall, alloc.units);
            if (short === 0) continue;
            shortfall -= short;
            const line = lines[alloc.line]!;
            line.accepted -= short;
            const unitPriceFen =
              offers[line.offer]!.producerPriceFen + offers[line.offer]!.marginFen;
            adjustments[line.order]!.push({ kind: "REFUND", amountFen: short * unitPriceFen });
          }
          const list = supply.get(lot.household) ?? [];
          list.push({
            allocatedUnits: allocated,
            acceptedUnits: accepted,
            producerPriceFen: offers[lot.offer]!.producerPriceFen,
          });
          supply.set(lot.household, list);
        });
        const rules: FeeRuleTerms[] = cycle.rules.map((r, i) => ({ ...r, id: `r${i}` }));
        const calc = calculateSettlements(
          [...supply.entries()].map(([h, l]) => ({ householdId: String(h), lots: l })),
          rules,
        );
        const priceOf = (offer: number) =>
          offers[offer]!.producerPriceFen + offers[offer]!.marginFen;
        const orders = cycle.orders.map((order, o) => {
          const mine = lines.filter((l) => l.order === o);
          const totals = mine.map((l) => l.quantity * priceOf(l.offer));
          const dueFen = orderAmountDueFen({
            cancelled: order.cancelled,
            lineTotalsFen: totals,
            adjustments: adjustments[o]!,
          });
          const total = totals.reduce((a, b) => a + b, 0);
          const paidFen =
            order.payment === "exact" ? dueFen : order.payment === "total" ? total : order.payment;
          return { paidFen, dueFen };
        });
        const margin = marketMarginFen(
          lines
            .filter((l) => !cycle.orders[l.order]!.cancelled)
            .map((l) => ({
              acceptedUnits: l.accepted,
              unitPriceFen: priceOf(l.offer),
              producerPriceFen: offers[l.offer]!.producerPriceFen,
            })),
        );
        const result = reconcile({
          orders,
          settlementNetsFen: calc.households.map((h) => h.netFen),
          deductionsFen: calc.households.flatMap((h) => h.deductions.map((d) => d.amountFen)),
          marketMarginFen: margin,
        });
        expect(result.differenceFen).toBe(0);
        expect(result.paymentsFen).toBe(
          result.payoutsFen + result.feesFen + result.refundsFen - result.balancesDueFen,
        );
        const amounts = [
          ...Object.values(result),
          ...calc.households.flatMap((h) => [
            h.grossFen,
            h.netFen,
            h.deductionsFen,
            ...h.deductions.map((d) => d.amountFen),
          ]),
          ...orders.flatMap((o) => [o.dueFen, o.paidFen]),
        ];
        for (const amount of amounts) {
          expect(Number.isSafeInteger(amount) && amount >= 0).toBe(true);
        }
        calc.rules.forEach((rule, r) => {
          const charged = calc.households.reduce((s, h) => s + h.deductions[r]!.amountFen, 0);
          expect(charged).toBe(rule.chargedFen);
          expect(rule.chargedFen + rule.waivedFen).toBe(rule.totalFen);
          if (rules[r]!.basis === "PERCENT_OF_GROSS") {
            const gross = calc.households.reduce((s, h) => s + h.grossFen, 0);
            expect(rule.totalFen).toBe(
              Math.floor((2 * gross * rules[r]!.rateBasisPoints + 10000) / 20000),
            );
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
