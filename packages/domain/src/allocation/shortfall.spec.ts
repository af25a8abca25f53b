import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AllocationError } from "./allocation-error.js";
import { lotShortfall, spreadShortfall } from "./shortfall.js";

describe("lotShortfall", () => {
  it("is allocated − min(accepted, allocated)", () => {
    expect(lotShortfall(10, 7)).toBe(3);
    expect(lotShortfall(10, 12)).toBe(0); // extra accepted units cover nothing
    expect(lotShortfall(10, 0)).toBe(10);
    expect(() => lotShortfall(-1, 0)).toThrow(AllocationError);
  });
});

describe("spreadShortfall", () => {
  it("splits 5 units over 3, 4 and 3 by largest remainder, ties to the earlier order", () => {
    // Q = 10: exact 5×3/10 = 1.5, 5×4/10 = 2, 5×3/10 = 1.5 → floors 1, 2, 1 = 4; remainders
    // 15 mod 10 = 5, 20 mod 10 = 0, 5 → the 5th unit to the tied line placed first (line a).
    const parts = spreadShortfall(5, [
      { orderLineId: "c", orderId: "o3", placedAtMs: 30, quantity: 3 },
      { orderLineId: "a", orderId: "o1", placedAtMs: 10, quantity: 3 },
      { orderLineId: "b", orderId: "o2", placedAtMs: 20, quantity: 4 },
    ]);
    expect(parts).toEqual([
      { orderLineId: "a", units: 2 },
      { orderLineId: "b", units: 2 },
      { orderLineId: "c", units: 1 },
    ]);
  });

  it("refuses a shortfall larger than what was allocated", () => {
    expect(() =>
      spreadShortfall(4, [{ orderLineId: "a", orderId: "o", placedAtMs: 0, quantity: 3 }]),
    ).toThrow(AllocationError);
  });

  it("sums to the shortfall and never takes more from a line than it got", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 10 })
          .chain((qs) =>
            fc.tuple(fc.constant(qs), fc.integer({ min: 0, max: qs.reduce((s, q) => s + q, 0) })),
          ),
        ([quantities, shortfall]) => {
          const shares = quantities.map((quantity, i) => ({
            orderLineId: `l${i}`,
            orderId: `o${i}`,
            placedAtMs: i,
            quantity,
          }));
          const parts = spreadShortfall(shortfall, shares);
          expect(parts.reduce((s, p) => s + p.units, 0)).toBe(shortfall);
          parts.forEach((p, i) => expect(p.units).toBeLessThanOrEqual(quantities[i]!));
        },
      ),
    );
  });
});
