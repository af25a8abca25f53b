import { splitByWeights } from "../money/split.js";
import { AllocationError } from "./allocation-error.js";

/**
 * Units a lot falls short of what was allocated from it after the quality check:
 * allocated − min(accepted, allocated). Units accepted beyond the allocation cover nothing.
 *
 * @param allocated - units allocated from the lot (whole, ≥ 0).
 * @param accepted - units accepted at the quality check (whole, ≥ 0).
 * @throws AllocationError `ALLOCATION_INVALID_INPUT` for a negative or fractional quantity.
 */
export function lotShortfall(allocated: number, accepted: number): number {
  for (const value of [allocated, accepted]) {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new AllocationError(
        "ALLOCATION_INVALID_INPUT",
        `The quantity ${String(value)} is not a whole number ≥ 0.`,
      );
  }
  return allocated - Math.min(accepted, allocated);
}

/** One allocation of a lot, as the shortfall split sees it. */
export interface AllocatedShare {
  readonly orderLineId: string;
  readonly orderId: string;
  /** When the order was placed, in milliseconds since the epoch. */
  readonly placedAtMs: number;
  /** Units allocated to the line from the lot (whole, > 0). */
  readonly quantity: number;
}

/**
 * Spreads a lot's shortfall over its allocations in whole units, by the largest-remainder method
 * weighted by the units allocated ({@link splitByWeights}): each line first loses
 * ⌊shortfall × q ÷ Q⌋ units, and the units left over go one each to the largest remainders
 * (shortfall × q mod Q); equal remainders go to the order placed first (placedAt, then order id,
 * then order line id). No line loses more than was allocated to it, and the parts sum to the
 * shortfall.
 *
 * Example: shortfall 5 over 3, 4 and 3 units (Q = 10): exact 1.5, 2, 1.5 → floors 1, 2, 1 (4),
 * remainders 5, 0, 5 → the last unit goes to the earlier of the two tied lines → 2, 2, 1.
 *
 * @returns `{ orderLineId, units }` for every allocation, in the serving order above.
 * @throws AllocationError `ALLOCATION_INVALID_INPUT` when the shortfall is negative, fractional or
 *   more than the units allocated, or an allocation is not a whole number > 0.
 */
export function spreadShortfall(
  shortfall: number,
  shares: readonly AllocatedShare[],
): { orderLineId: string; units: number }[] {
  const total = shares.reduce((sum, share) => sum + share.quantity, 0);
  if (
    !Number.isSafeInteger(shortfall) ||
    shortfall < 0 ||
    shortfall > total ||
    shares.some((share) => !Number.isSafeInteger(share.quantity) || share.quantity <= 0)
  )
    throw new AllocationError(
      "ALLOCATION_INVALID_INPUT",
      `Cannot spread a shortfall of ${String(shortfall)} units over allocations of ${total} units.`,
    );
  if (shares.length === 0) return [];
  const ordered = [...shares].sort(
    (a, b) =>
      a.placedAtMs - b.placedAtMs ||
      (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0) ||
      (a.orderLineId < b.orderLineId ? -1 : a.orderLineId > b.orderLineId ? 1 : 0),
  );
  const units = splitByWeights(
    shortfall,
    ordered.map((share) => share.quantity),
  );
  return ordered.map((share, i) => ({ orderLineId: share.orderLineId, units: units[i]! }));
}
