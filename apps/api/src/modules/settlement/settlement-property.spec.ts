import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, loadFixture } from "../../test/fixtures";
import { startTestApi, type TestApi } from "../../test/test-api";
import { Variant } from "../catalog/variant.entity";
import { Offer } from "../cycle/offer.entity";
import { OrderCycle } from "../cycle/order-cycle.entity";
import { Household } from "../household/household.entity";
import type { OrderLine } from "../order/order-line.entity";
import { Order } from "../order/order.entity";
import { Payment } from "../order/payment.entity";
import { FeeRule } from "./fee-rule.entity";
import { reconcileCycle } from "./reconciliation.service";
import { enterSettling } from "./settlement-effects";
import {
  adminContext,
  deliveredOrder,
  enterCycleState,
  type LineSpec,
  recordIntake,
} from "./settlement-fixtures";
import { Settlement } from "./settlement.entity";

let t: TestApi;
let fixture: Fixture;
let households: Household[];
let variants: Variant[];

beforeAll(async () => {
  t = await startTestApi("settlement_property", {
    prepare: async (ds) => void (fixture = await loadFixture(ds)),
  });
  const extra = await t.dataSource.getRepository(Household).save(
    ["SG-101", "SG-102"].map((code) => ({
      producerGroupId: fixture.groups.sanggang.id,
      villageId: fixture.villages.sanggang.id,
      code,
      headName: "测试",
      headSex: "F" as const,
      headAgeBand: "40_49" as const,
      size: 3,
      registeredPoor: false,
      membershipState: "ACTIVE" as const,
      joinedOn: "2011-01-01",
    })),
  );
  households = [fixture.households[0]!, fixture.households[1]!, ...extra];
  variants = await t.dataSource.getRepository(Variant).find({ order: { nameEn: "ASC" } });
});
afterAll(() => t?.close());

const cycleArbitrary = fc.record({
  offers: fc.array(
    fc.record({
      producerPriceFen: fc.integer({ min: 0, max: 5000 }),
      marginFen: fc.integer({ min: 1, max: 2000 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  orders: fc.array(
    fc.record({
      cancelled: fc.boolean(),
      lines: fc.uniqueArray(
        fc.record({
          offer: fc.integer({ min: 0, max: 2 }),
          quantity: fc.integer({ min: 1, max: 6 }),
          first: fc.nat(),
          second: fc.nat(),
          split: fc.nat(),
        }),
        { minLength: 1, maxLength: 3, selector: (l) => l.offer },
      ),
      payment: fc.oneof(fc.constant("due" as const), fc.integer({ min: 0, max: 30_000 })),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  intake: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 12 }),
  rules: fc.subarray(["TRANSPORT", "PACKAGING", "GROUP_FUND"] as const).chain((kinds) =>
    fc.tuple(
      ...kinds.map((kind) =>
        fc.record({
          kind: fc.constant(kind),
          percent: fc.boolean(),
          rateBasisPoints: fc.integer({ min: 1, max: 10000 }),
          perUnitFen: fc.integer({ min: 1, max: 800 }),
        }),
      ),
    ),
  ),
});

let run = 0;

describe("settling random cycles in PostgreSQL (property)", () => {
  it("balances every cycle to 0 with whole, non-negative amounts and exact rule totals", async () => {
    await fc.assert(
      fc.asyncProperty(cycleArbitrary, async (scenario) => {
        run += 1;
        const m = t.dataSource.manager;
        const group = fixture.groups.sanggang;
        const day = new Date(Date.UTC(2013, 0, 1) + run * 86_400_000).toISOString().slice(0, 10);
        const cycle = await m.save(OrderCycle, {
          producerGroupId: group.id,
          code: `P-${run}`,
          state: "DELIVERED" as const,
          declarationOpensOn: day,
          opensAt: new Date(`${day}T00:00:00+08:00`),
          closesAt: new Date(`${day}T12:00:00+08:00`),
          deliveryOn: day,
        });
        const offers = await m.save(
          Offer,
          scenario.offers.map((o, i) => ({
            producerGroupId: group.id,
            orderCycleId: cycle.id,
            variantId: variants[i]!.id,
            priceFen: o.producerPriceFen + o.marginFen,
            producerPriceFen: o.producerPriceFen,
            quantityTotal: 1000,
          })),
        );
        await m.save(
          FeeRule,
          scenario.rules.map((r) => ({
            producerGroupId: group.id,
            kind: r.kind,
            basis: r.percent ? ("PERCENT_OF_GROSS" as const) : ("PER_UNIT" as const),
            rateBasisPoints: r.percent ? r.rateBasisPoints : 0,
            perUnitFen: r.percent ? 0 : r.perUnitFen,
            validFrom: day,
            validTo: day,
          })),
        );
        // orders, and each line's units split over at most two households' lots
        const lots = new Map<
          string,
          {
            household: Household;
            offer: Offer;
            allocations: { line: OrderLine; quantity: number }[];
          }
        >();
        for (const [o, spec] of scenario.orders.entries()) {
          const specs: LineSpec[] = spec.lines
            .filter((l) => l.offer < offers.length)
            .map((l) => ({ offer: offers[l.offer]!, quantity: l.quantity }));
          if (specs.length === 0) continue;
          const { order, lines } = await deliveredOrder(
            t.dataSource,
            fixture,
            cycle,
            `${run}-${o}`,
            specs,
          );
          const paid = spec.payment === "due" ? order.totalFen : spec.payment;
          if (paid > 0)
            await m.save(Payment, {
              producerGroupId: group.id,
              orderId: order.id,
              amountFen: paid,
              method: "CASH" as const,
              paidAt: new Date(),
              recordedByUserId: fixture.users.FINANCE.id,
            });
          if (spec.cancelled) {
            await m.update(
              Order,
              { id: order.id },
              { state: "CANCELLED", paymentState: paid > 0 ? "PAID" : "UNPAID" },
            );
            continue;
          }
          const kept = spec.lines.filter((l) => l.offer < offers.length);
          lines.forEach((line, i) => {
            const l = kept[i]!;
            const firstUnits = l.split % (line.quantity + 1);
            for (const [h, units] of [
              [l.first % households.length, firstUnits],
              [l.second % households.length, line.quantity - firstUnits],
            ] as const) {
              if (units === 0) continue;
              const key = `${h}:${line.offerId}`;
              const lot = lots.get(key) ?? {
                household: households[h]!,
                offer: offers.find((f) => f.id === line.offerId)!,
                allocations: [],
              };
              const same = lot.allocations.find((a) => a.line.id === line.id);
              if (same) same.quantity += units;
              else lot.allocations.push({ line, quantity: units });
              lots.set(key, lot);
            }
          });
        }
        // intake: accept a share of each lot; its shortfall comes off its lines in order
        await recordIntake(
          t.dataSource,
          cycle,
          [...lots.values()].map((lot, i) => {
            const allocated = lot.allocations.reduce((s, a) => s + a.quantity, 0);
            const share = scenario.intake[i % scenario.intake.length]!;
            const accepted = share === 5 ? allocated : Math.floor((allocated * share) / 4);
            let shortfall = allocated - accepted;
            const shortfalls = [];
            for (const a of lot.allocations) {
              const units = Math.min(shortfall, a.quantity);
              if (units > 0) shortfalls.push({ line: a.line, units });
              shortfall -= units;
            }
            return { ...lot, accepted, shortfalls };
          }),
        );
        const ctx = adminContext(t.dataSource, fixture);
        expect(await enterCycleState(ctx, cycle.id, "SETTLING", enterSettling)).toBe("entered");

        const result = await reconcileCycle(ctx, cycle.id);
        expect(result.differenceFen).toBe(0);
        for (const value of Object.values(result)) {
          if (typeof value === "number")
            expect(Number.isSafeInteger(value) && value >= 0).toBe(true);
        }
        const settlements = await m.findBy(Settlement, { orderCycleId: cycle.id });
        for (const s of settlements) {
          expect(s.netFen).toBeGreaterThanOrEqual(0);
          expect(s.netFen).toBe(s.grossFen - s.deductionsFen);
        }
        const negative = (await m.query(
          `SELECT COUNT(*)::int AS n FROM settlement_deductions d
           JOIN settlements s ON s.id = d.settlement_id
           WHERE s.order_cycle_id = $1 AND d.amount_fen < 0`,
          [cycle.id],
        )) as [{ n: number }];
        expect(negative[0].n).toBe(0);
        // a percent rule's parts sum to round-half-up(Σ gross × rate) unless a cap bound (a cap
        // leaves a household with gross > 0 at net 0)
        const gross = settlements.reduce((s, x) => s + x.grossFen, 0);
        const noCap = settlements.every((s) => s.netFen > 0 || s.grossFen === 0);
        for (const rule of await m.findBy(FeeRule, { validFrom: day })) {
          const [{ sum }] = (await m.query(
            "SELECT COALESCE(SUM(amount_fen), 0)::int AS sum FROM settlement_deductions WHERE fee_rule_id = $1",
            [rule.id],
          )) as [{ sum: number }];
          if (rule.basis === "PERCENT_OF_GROSS" && noCap)
            expect(sum).toBe(Math.floor((2 * gross * rule.rateBasisPoints + 10000) / 20000));
          expect(sum).toBeLessThanOrEqual(gross);
        }
      }),
      { numRuns: 15 },
    );
  });
});
