import { ratioInBasisPoints } from "../impact/ratio.js";
import { AllocationError } from "./allocation-error.js";
import {
  ALLOCATION_TIERS,
  type AllocationReason,
  type AllocationTier,
  formatAllocationReason,
} from "./allocation-reason.js";

/** One household's declared lot of the variant being allocated. */
export interface SupplyLot {
  readonly lotId: string;
  readonly householdId: string;
  /** Units declared, a positive integer. */
  readonly quantityDeclared: number;
  /** Registered poor (建档立卡) in the year of the income used. */
  readonly registeredPoor: boolean;
  /** Per-capita net income (人均纯收入) in whole yuan per person per year; null when unknown. */
  readonly perCapitaNetIncomeYuan: number | null;
  /** The poverty line (yuan per person per year) the income is compared with; null when unknown. */
  readonly povertyLineYuan: number | null;
}

/** One order line asking for the variant. */
export interface DemandLine {
  readonly orderLineId: string;
  readonly orderId: string;
  /** When the order was placed, in milliseconds since the epoch. */
  readonly placedAtMs: number;
  /** Units ordered, a positive integer. */
  readonly quantity: number;
}

/** What {@link allocateVariant} needs: the lots, the demand and the cycle's sequence number. */
export interface AllocationInput {
  readonly lots: readonly SupplyLot[];
  readonly lines: readonly DemandLine[];
  /**
   * The order cycle's sequence number within its producer group (0, 1, 2 … for consecutive
   * cycles); it turns the rotation within a band.
   */
  readonly cycleSequence: number;
}

/** A lot's place in the serving order. */
export interface LotRanking {
  readonly lotId: string;
  readonly householdId: string;
  /** 1 = served first. */
  readonly rank: number;
  readonly reason: AllocationReason;
  /** The neutral text of {@link formatAllocationReason}. */
  readonly reasonText: string;
  /** Units of this lot given to order lines (0 when demand ran out before it). */
  readonly quantityAllocated: number;
}

/** Units of one order line served from one lot. */
export interface LineAllocation {
  readonly lotId: string;
  readonly orderLineId: string;
  /** Units, a positive integer. */
  readonly quantity: number;
  /** The lot's rank. */
  readonly rank: number;
  readonly reasonText: string;
}

/** The result of {@link allocateVariant}. */
export interface AllocationPlan {
  /** Every lot, in serving order (rank 1 first). */
  readonly rankings: readonly LotRanking[];
  /** Every positive allocation, by lot rank then by the lines' serving order. */
  readonly allocations: readonly LineAllocation[];
  /** Units allocated per order line id (0 for lines that got nothing). */
  readonly allocatedByLine: ReadonlyMap<string, number>;
}

const BANDS_PER_LINE = 4; // bands are 1/4 (0.25) of the poverty line wide

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new AllocationError("ALLOCATION_INVALID_INPUT", message);
}

function validate(input: AllocationInput): void {
  check(
    Number.isSafeInteger(input.cycleSequence) && input.cycleSequence >= 0,
    `The cycle sequence ${String(input.cycleSequence)} is not a whole number ≥ 0.`,
  );
  const lotIds = new Set<string>();
  for (const lot of input.lots) {
    check(!lotIds.has(lot.lotId), `The lot ${lot.lotId} is listed twice.`);
    lotIds.add(lot.lotId);
    check(
      Number.isSafeInteger(lot.quantityDeclared) && lot.quantityDeclared > 0,
      `The lot ${lot.lotId} declares ${String(lot.quantityDeclared)} units, not a whole number > 0.`,
    );
    const income = lot.perCapitaNetIncomeYuan;
    const line = lot.povertyLineYuan;
    if (income !== null) {
      check(Number.isSafeInteger(income), `The income of lot ${lot.lotId} is not whole yuan.`);
      check(
        line !== null && Number.isSafeInteger(line) && line > 0,
        `The lot ${lot.lotId} has an income but no positive poverty line to compare it with.`,
      );
    }
  }
  const lineIds = new Set<string>();
  for (const line of input.lines) {
    check(!lineIds.has(line.orderLineId), `The order line ${line.orderLineId} is listed twice.`);
    lineIds.add(line.orderLineId);
    check(
      Number.isSafeInteger(line.quantity) && line.quantity > 0,
      `The order line ${line.orderLineId} asks for ${String(line.quantity)} units, not a whole number > 0.`,
    );
    check(Number.isFinite(line.placedAtMs), `The order line ${line.orderLineId} has no placedAt.`);
  }
}

interface Ranked {
  lot: SupplyLot;
  tier: AllocationTier;
  /** Band, or +∞ for an unknown income (after every known band of the tier). */
  bandKey: number;
}

function tierOf(lot: SupplyLot): AllocationTier {
  if (lot.registeredPoor) return "REGISTERED_POOR";
  return lot.perCapitaNetIncomeYuan === null ? "INCOME_UNKNOWN" : "BY_INCOME";
}

function bandOf(lot: SupplyLot): number {
  if (lot.perCapitaNetIncomeYuan === null || lot.povertyLineYuan === null)
    return Number.POSITIVE_INFINITY;
  // Exact: income and line are whole yuan, so 4 × income ÷ line is a quotient of integers.
  return Math.floor((BANDS_PER_LINE * lot.perCapitaNetIncomeYuan) / lot.povertyLineYuan);
}

/** Compares income ÷ line exactly (cross-multiplied); unknown incomes compare equal. */
function compareRatio(a: SupplyLot, b: SupplyLot): number {
  if (
    a.perCapitaNetIncomeYuan === null ||
    b.perCapitaNetIncomeYuan === null ||
    a.povertyLineYuan === null ||
    b.povertyLineYuan === null
  )
    return 0;
  const left = BigInt(a.perCapitaNetIncomeYuan) * BigInt(b.povertyLineYuan);
  const right = BigInt(b.perCapitaNetIncomeYuan) * BigInt(a.povertyLineYuan);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The lots in serving order, each with its structured reason. */
function rankLots(
  lots: readonly SupplyLot[],
  cycleSequence: number,
): { lot: SupplyLot; reason: AllocationReason }[] {
  const ranked: Ranked[] = lots.map((lot) => ({ lot, tier: tierOf(lot), bandKey: bandOf(lot) }));
  // Base order: tier, band, ratio (lowest first), then household and lot id (unique).
  ranked.sort(
    (a, b) =>
      ALLOCATION_TIERS.indexOf(a.tier) - ALLOCATION_TIERS.indexOf(b.tier) ||
      (a.bandKey === b.bandKey ? 0 : a.bandKey < b.bandKey ? -1 : 1) ||
      compareRatio(a.lot, b.lot) ||
      byId(a.lot.householdId, b.lot.householdId) ||
      byId(a.lot.lotId, b.lot.lotId),
  );
  const served: { lot: SupplyLot; reason: AllocationReason }[] = [];
  let start = 0;
  while (start < ranked.length) {
    const first = ranked[start]!;
    let end = start + 1;
    while (
      end < ranked.length &&
      ranked[end]!.tier === first.tier &&
      ranked[end]!.bandKey === first.bandKey
    )
      end += 1;
    const group = ranked.slice(start, end);
    // Rotation: in cycle s the member at base index (s mod n) goes first, the rest follow in base
    // order, wrapping round; so over n consecutive cycles each member is first once and last once.
    const offset = cycleSequence % group.length;
    for (let i = 0; i < group.length; i += 1) {
      const { lot, tier, bandKey } = group[(offset + i) % group.length]!;
      const known = lot.perCapitaNetIncomeYuan !== null && lot.povertyLineYuan !== null;
      served.push({
        lot,
        reason: {
          tier,
          ratioBasisPoints: known
            ? ratioInBasisPoints(lot.perCapitaNetIncomeYuan!, lot.povertyLineYuan!)
            : null,
          band: Number.isFinite(bandKey) ? bandKey : null,
          rotationPosition: i + 1,
          groupSize: group.length,
          cycleSequence,
        },
      });
    }
    start = end;
  }
  return served;
}

/**
 * Allocates the demand for ONE variant in one cycle to the households' declared lots, pro-poor
 * (DESIGN.md, "The monthly cycle", step 4: "where declarations exceed demand, registered-poor
 * households and those furthest below the poverty line are served first, then the rest, fairly").
 *
 * The serving order of the lots (rank 1 first):
 * 1. Tier: registered-poor households first (`REGISTERED_POOR`), then the others with a known
 *    per-capita net income (`BY_INCOME`), then the others with none on record (`INCOME_UNKNOWN`).
 * 2. Within a tier, by income band: band = ⌊4 × income ÷ poverty line⌋, i.e. bands 0.25 of the
 *    line wide (band 0: below 25 % of the line, band 3: 75–100 %, band 4: 100–125 % …), lowest
 *    band first; a registered-poor household without an income on record comes after the
 *    registered-poor ones with one.
 * 3. Within one tier and band ("group"), the base order is income ÷ line ascending (exact), then
 *    household id, then lot id; this is then ROTATED by the cycle's sequence number s: with n
 *    households in the group, the one at base position (s mod n) is served first, followed by the
 *    rest in base order, wrapping round. Consecutive cycles therefore move every household of a
 *    band up one place, and no household is always last.
 *
 * Filling: the order lines are served in order of `placedAtMs`, then order id, then order line
 * id; each lot in serving order is filled up to its declared quantity with the units still
 * wanted by the lines, a line spilling over to the next lot when one runs out. Lots reached after
 * the demand is met get nothing. Hence: no lot gives more than it declared, no line gets more
 * than it ordered, and all demand is met whenever Σ declared ≥ Σ ordered.
 *
 * Pure and deterministic: the same input gives the same output, and so does any permutation of
 * `lots` or `lines` (every sort ends on a unique id).
 *
 * @returns {@link AllocationPlan}: the rankings of all lots, the positive allocations and the
 *   units per line.
 * @throws AllocationError `ALLOCATION_INVALID_INPUT` for a lot or line listed twice, a quantity
 *   that is not a whole number > 0, an income that is not whole yuan or has no positive line, a
 *   negative or fractional cycle sequence.
 */
export function allocateVariant(input: AllocationInput): AllocationPlan {
  validate(input);
  const lines = [...input.lines].sort(
    (a, b) =>
      a.placedAtMs - b.placedAtMs ||
      byId(a.orderId, b.orderId) ||
      byId(a.orderLineId, b.orderLineId),
  );
  const wanted = lines.map((line) => line.quantity);
  const allocatedByLine = new Map(lines.map((line) => [line.orderLineId, 0]));
  const rankings: LotRanking[] = [];
  const allocations: LineAllocation[] = [];
  let next = 0; // the first line still wanting units
  rankLots(input.lots, input.cycleSequence).forEach(({ lot, reason }, index) => {
    const rank = index + 1;
    const reasonText = formatAllocationReason(rank, reason);
    let left = lot.quantityDeclared;
    while (left > 0 && next < lines.length) {
      const line = lines[next]!;
      const units = Math.min(left, wanted[next]!);
      allocations.push({
        lotId: lot.lotId,
        orderLineId: line.orderLineId,
        quantity: units,
        rank,
        reasonText,
      });
      allocatedByLine.set(line.orderLineId, allocatedByLine.get(line.orderLineId)! + units);
      left -= units;
      wanted[next] = wanted[next]! - units;
      if (wanted[next] === 0) next += 1;
    }
    rankings.push({
      lotId: lot.lotId,
      householdId: lot.householdId,
      rank,
      reason,
      reasonText,
      quantityAllocated: lot.quantityDeclared - left,
    });
  });
  return { rankings, allocations, allocatedByLine };
}
