import { assertFen, multiplyFen, sumFen } from "../money/fen.js";
import { MoneyError } from "../money/money-error.js";
import { splitByWeights } from "../money/split.js";

/**
 * How a fee rule takes its share: `PERCENT_OF_GROSS` — `rateBasisPoints` (1/100 of a percent) of
 * the group's gross, split over households; `PER_UNIT` — `perUnitFen` per accepted unit.
 */
export type FeeRuleBasis = "PERCENT_OF_GROSS" | "PER_UNIT";

/** The terms of one fee rule valid for the cycle (kind: TRANSPORT, PACKAGING, GROUP_FUND…). */
export interface FeeRuleTerms {
  id: string;
  kind: string;
  basis: FeeRuleBasis;
  /** 0 … 10000 (10000 = 100 %); used by PERCENT_OF_GROSS. */
  rateBasisPoints: number;
  /** Fen per accepted unit; used by PER_UNIT. */
  perUnitFen: number;
}

/** One of a household's lots in the cycle, as allocated and checked at intake. */
export interface SettlementLot {
  /** Σ units of the lot's allocations to order lines. */
  allocatedUnits: number;
  /** Units accepted at the quality check (null counts as 0: nothing passed a check). */
  acceptedUnits: number | null;
  /** The offer's producer price of one unit, in fen. */
  producerPriceFen: number;
}

/** One household's lots in the cycle. */
export interface HouseholdSupply {
  householdId: string;
  lots: readonly SettlementLot[];
}

/** One fee taken from one household under one rule, in fen. */
export interface DeductionLine {
  feeRuleId: string;
  kind: string;
  amountFen: number;
}

/** A household's settlement figures, all integer fen ≥ 0 (`netFen = grossFen − deductionsFen`). */
export interface HouseholdSettlementFigures {
  householdId: string;
  /** Σ accepted allocated units of its lots. */
  acceptedUnits: number;
  /** Σ accepted allocated units × producer price. */
  grossFen: number;
  /** One line per fee rule, in the order of the rules given. */
  deductions: DeductionLine[];
  deductionsFen: number;
  netFen: number;
}

/** What one fee rule comes to over the whole producer group for the cycle, in fen. */
export interface FeeRuleTotal {
  feeRuleId: string;
  kind: string;
  /**
   * The rule's total before caps: PER_UNIT Σ perUnitFen × accepted units; PERCENT_OF_GROSS
   * round-half-up(Σ gross × rate / 10000).
   */
  totalFen: number;
  /** Σ of the households' deductions under the rule. */
  chargedFen: number;
  /** `totalFen − chargedFen`: what caps left uncharged (the group bears it). */
  waivedFen: number;
}

/** {@link calculateSettlements}' answer. */
export interface SettlementCalculation {
  households: HouseholdSettlementFigures[];
  rules: FeeRuleTotal[];
}

/**
 * Units of a lot that are paid for: `min(accepted, allocated)` — units accepted beyond what was
 * allocated to orders were not sold, and a shortfall below the allocation was refunded to
 * consumers by intake. `null` accepted (never checked) counts as 0.
 */
export function acceptedAllocatedUnits(
  lot: Pick<SettlementLot, "allocatedUnits" | "acceptedUnits">,
): number {
  return Math.max(0, Math.min(lot.acceptedUnits ?? 0, lot.allocatedUnits));
}

/**
 * `round-half-up(amountFen × rateBasisPoints / 10000)`, exactly (BigInt): 12345 × 250 bp =
 * 308.625 → 309; 1 × 5000 bp = 0.5 → 1.
 *
 * @throws MoneyError when `amountFen` is not a non-negative safe integer or the rate is outside
 *   0…10000.
 */
export function percentOfFen(amountFen: number, rateBasisPoints: number): number {
  assertFen(amountFen, "amount");
  assertRate(rateBasisPoints);
  const scaled = BigInt(amountFen) * BigInt(rateBasisPoints);
  return Number((2n * scaled + 10000n) / 20000n);
}

function assertRate(rate: number): void {
  if (!Number.isSafeInteger(rate) || rate < 0 || rate > 10000) {
    throw new MoneyError(
      "MONEY_INVALID_WEIGHTS",
      `The rate ${String(rate)} basis points is not a whole number from 0 to 10000.`,
    );
  }
}

/**
 * A producer group's settlements for one cycle — the documented money rule (DESIGN.md step 7):
 *
 * 1. **Gross** per household = Σ over its lots of {@link acceptedAllocatedUnits} × the offer's
 *    producer price.
 * 2. **Deductions**, one per fee rule valid on the cycle's delivery day, in the order given:
 *    - `PER_UNIT`: `perUnitFen × accepted units` of the household;
 *    - `PERCENT_OF_GROSS`: the group total `round-half-up(Σ gross × rate / 10000)` is split over
 *      households by largest remainder weighted by gross ({@link splitByWeights}), so the parts
 *      sum exactly to the total and a household with no gross pays nothing.
 * 3. **Cap**: a deduction never makes net negative. Each deduction is capped at what is left of
 *    the household's gross after the earlier rules; the part cut off is not charged to anyone
 *    (reported as `waivedFen`, borne by the group). With the rules a group actually agrees on
 *    (a few percent, a few fen per unit) no cap binds.
 * 4. **Net** = gross − deductions (≥ 0). Later corrections are separate settlements (adjustments).
 *
 * Every amount is an integer ≥ 0 in fen; per rule, Σ households' deductions = totalFen − waivedFen.
 *
 * @param households - the households with allocations in the cycle (order kept in the answer).
 * @param rules - the active fee rules, in the order deductions are applied.
 * @throws MoneyError on a negative or fractional price, unit count or rate.
 */
export function calculateSettlements(
  households: readonly HouseholdSupply[],
  rules: readonly FeeRuleTerms[],
): SettlementCalculation {
  const base = households.map((h) => {
    let units = 0;
    const grossParts = h.lots.map((lot) => {
      const accepted = acceptedAllocatedUnits(lot);
      units += accepted;
      return multiplyFen(lot.producerPriceFen, accepted);
    });
    grossParts.forEach((part) => assertFen(part, "gross"));
    return { householdId: h.householdId, acceptedUnits: units, grossFen: sumFen(grossParts) };
  });
  const remaining = base.map((b) => b.grossFen);
  const deductions: DeductionLine[][] = base.map(() => []);
  const totals: FeeRuleTotal[] = [];
  const groupGross = sumFen(base.map((b) => b.grossFen));
  for (const rule of rules) {
    let parts: number[];
    let totalFen: number;
    if (rule.basis === "PER_UNIT") {
      assertFen(rule.perUnitFen, "fee per unit");
      parts = base.map((b) => multiplyFen(rule.perUnitFen, b.acceptedUnits));
      totalFen = sumFen(parts);
    } else {
      totalFen = percentOfFen(groupGross, rule.rateBasisPoints);
      parts =
        base.length === 0
          ? []
          : splitByWeights(
              totalFen,
              base.map((b) => b.grossFen),
            );
    }
    let chargedFen = 0;
    parts.forEach((part, i) => {
      const amountFen = Math.min(part, remaining[i]!);
      remaining[i] = remaining[i]! - amountFen;
      chargedFen += amountFen;
      deductions[i]!.push({ feeRuleId: rule.id, kind: rule.kind, amountFen });
    });
    totals.push({
      feeRuleId: rule.id,
      kind: rule.kind,
      totalFen,
      chargedFen,
      waivedFen: totalFen - chargedFen,
    });
  }
  return {
    households: base.map((b, i) => {
      const deductionsFen = sumFen(deductions[i]!.map((d) => d.amountFen));
      return {
        ...b,
        deductions: deductions[i]!,
        deductionsFen,
        netFen: b.grossFen - deductionsFen,
      };
    }),
    rules: totals,
  };
}
