import { describe, expect, it } from "vitest";
import { allocateProPoor, type AllocationCandidate } from "./allocation";

const c = (
  id: string,
  declared: number,
  registeredPoor: boolean,
  povertyRatio: number,
): AllocationCandidate => ({
  declarationId: id,
  declared,
  registeredPoor,
  povertyRatio,
});

describe("pro-poor allocation", () => {
  it("serves registered-poor households before the others", () => {
    const out = allocateProPoor(12, [
      c("rich", 10, false, 2),
      c("poorA", 5, true, 0.6),
      c("poorB", 5, true, 0.8),
    ]);
    expect(Object.fromEntries(out)).toEqual({ poorA: 5, poorB: 5, rich: 2 });
  });

  it("shares thin demand equally inside a tier, the odd unit to the poorest", () => {
    // 7 units over three poor households declaring 10 each: 2 + 2 + 2, the 7th to ratio 0.5.
    const out = allocateProPoor(7, [
      c("a", 10, true, 0.9),
      c("b", 10, true, 0.5),
      c("d", 10, true, 0.7),
    ]);
    expect(Object.fromEntries(out)).toEqual({ a: 2, b: 3, d: 2 });
  });

  it("never gives anyone more than declared (water-filling)", () => {
    const out = allocateProPoor(10, [
      c("small", 2, true, 0.9),
      c("big", 20, true, 0.5),
      c("mid", 20, true, 0.7),
    ]);
    expect(Object.fromEntries(out)).toEqual({ small: 2, big: 4, mid: 4 });
  });

  it("with a minimum lot, thin demand goes to the poorest few rather than crumbs to all", () => {
    const out = allocateProPoor(
      10,
      [c("a", 10, true, 0.9), c("b", 10, true, 0.5), c("d", 10, true, 0.7)],
      5,
    );
    expect(Object.fromEntries(out)).toEqual({ b: 5, d: 5 });
  });
});
