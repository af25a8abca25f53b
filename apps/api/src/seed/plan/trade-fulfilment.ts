import {
  type AllocationReason,
  type AllocationTier,
  formatAllocationReason,
  INCOME_BAND_WIDTH,
} from "@nested/domain";
import { allocateProPoor } from "./allocation";
import { atShanghaiTime } from "./calendar";
import type { OrderCycleRecord } from "./cycles";
import { povertyRatio } from "./incomes";
import type { MarketContext } from "./market-context";
import type { DemoRandom } from "./random";
import { entryOf } from "./trade-supply";
import type {
  AllocationRecord,
  LotRecord,
  OfferRecord,
  OrderAdjustmentRecord,
  OrderLineRecord,
  OrderRecord,
  QualityCheckRecord,
  RejectionReason,
  SupplyDeclarationRecord,
} from "./trade-types";

/** What closing, allocating and checking a past cycle produced. */
export interface Fulfilment {
  lots: LotRecord[];
  allocations: AllocationRecord[];
  qualityChecks: QualityCheckRecord[];
  adjustments: OrderAdjustmentRecord[];
}

interface Verdict {
  outcome: QualityCheckRecord["outcome"];
  rejected: number;
  reason: RejectionReason | null;
  noteZh: string | null;
}

function inspect(received: number, eggs: boolean, random: DemoRandom): Verdict {
  const x = random.float();
  if (x < 0.015) {
    const reason: RejectionReason = eggs
      ? "STALE"
      : random.pick<RejectionReason>(["STALE", "UNDERWEIGHT", "NOT_OWN_PRODUCE"]);
    const noteZh =
      reason === "STALE"
        ? eggs
          ? "灯检发现蛋不新鲜，整批退回本户"
          : "不新鲜，整批退回本户"
        : reason === "UNDERWEIGHT"
          ? "称重明显不足，整批退回"
          : "疑似非自产，经小组讨论退回";
    return { outcome: "REJECTED", rejected: received, reason, noteZh };
  }
  if (x < 0.065 && received > 1) {
    const rejected = random.int(1, Math.max(1, Math.floor(received * 0.3)));
    const reason: RejectionReason = eggs
      ? random.pick<RejectionReason>(["CRACKED", "UNDERWEIGHT"])
      : random.pick<RejectionReason>(["UNDERWEIGHT", "PACKAGING"]);
    const noteZh =
      reason === "CRACKED"
        ? `灯检：${rejected}份有破损`
        : reason === "UNDERWEIGHT"
          ? `${rejected}份称重不足`
          : `${rejected}份包装破损`;
    return { outcome: "PARTIAL", rejected, reason, noteZh };
  }
  return { outcome: "ACCEPTED", rejected: 0, reason: null, noteZh: null };
}

/**
 * Closes, allocates and checks a past cycle: per offer, the ordered units are allocated pro-poor
 * over the declarations, one lot per household allocated something; order lines are served from
 * the lots in placement order; each lot is checked at intake (a few partial or rejected);
 * rejected units come off the lines they were allocated to, and each short line gets a refund.
 * Updates lines' `quantityDelivered` and orders' `refundedFen` and `paymentState` in place.
 * `sequence` is the cycle's number within the group (its earlier cycles), as the allocation's
 * reason records it; every allocation stores its lot's reason in the form the API writes
 * (`formatAllocationReason`), so the admin's allocation page reads seeded cycles like real ones.
 */
export function fulfilCycle(
  ctx: MarketContext,
  cycle: OrderCycleRecord,
  sequence: number,
  offers: readonly OfferRecord[],
  declarations: readonly SupplyDeclarationRecord[],
  orders: readonly OrderRecord[],
  lines: readonly OrderLineRecord[],
  random: DemoRandom,
): Fulfilment {
  const result: Fulfilment = { lots: [], allocations: [], qualityChecks: [], adjustments: [] };
  const year = Number(cycle.code.slice(0, 4));
  const checker = ctx.checkerUserId(year);
  const reasonOfLine = new Map<string, { reason: RejectionReason; qualityCheckId: string }>();

  for (const offer of offers) {
    const offerLines = lines.filter((l) => l.offerId === offer.id);
    const demand = offerLines.reduce((sum, l) => sum + l.quantity, 0);
    if (demand === 0) continue;
    const offerDeclarations = declarations.filter((d) => d.variantId === offer.variantId);
    const candidates = offerDeclarations.map((d) => {
      const base = ctx.bases.get(d.householdId);
      return {
        declarationId: d.id,
        declared: d.quantity,
        registeredPoor: base?.registeredPoor ?? false,
        povertyRatio: base ? povertyRatio(base, year) : 10,
      };
    });
    const entry = entryOf(ctx, offer.variantId);
    // A lot is worth the walk to the intake from twice the smallest declaration up.
    const shares = allocateProPoor(demand, candidates, entry.spec.declare[0] * 2);
    const eggs = entry.product.category === "EGGS";

    // Lots in priority order; lines are served from them in placement order.
    const lots: { lot: LotRecord; allocations: AllocationRecord[]; poor: boolean }[] = [];
    for (const c of candidates) {
      const units = shares.get(c.declarationId) ?? 0;
      if (units === 0) continue;
      const declaration = offerDeclarations.find((d) => d.id === c.declarationId);
      if (!declaration) continue;
      lots.push({
        lot: {
          id: random.uuid(),
          producerGroupId: ctx.group.id,
          orderCycleId: cycle.id,
          householdId: declaration.householdId,
          offerId: offer.id,
          supplyDeclarationId: declaration.id,
          variantId: offer.variantId,
          quantityDeclared: declaration.quantity,
          quantityAllocated: units,
          quantityAccepted: units,
          state: "SOLD",
        },
        allocations: [],
        poor: c.registeredPoor,
      });
    }
    lots.sort((a, b) => {
      const ca = candidates.find((c) => c.declarationId === a.lot.supplyDeclarationId);
      const cb = candidates.find((c) => c.declarationId === b.lot.supplyDeclarationId);
      return (
        (ca?.registeredPoor === cb?.registeredPoor ? 0 : ca?.registeredPoor ? -1 : 1) ||
        (ca?.povertyRatio ?? 0) - (cb?.povertyRatio ?? 0)
      );
    });
    const reasons = lotReasons(
      lots.map((l) => candidates.find((c) => c.declarationId === l.lot.supplyDeclarationId)!),
      sequence,
    );
    let lotIndex = 0;
    let lotLeft = lots[0]?.lot.quantityAllocated ?? 0;
    for (const line of offerLines) {
      let need = line.quantity;
      while (need > 0) {
        const current = lots[lotIndex];
        if (!current) throw new Error(`offer ${offer.id} allocated less than ordered`);
        const take = Math.min(need, lotLeft);
        if (take > 0) {
          current.allocations.push({
            id: random.uuid(),
            producerGroupId: ctx.group.id,
            orderLineId: line.id,
            lotId: current.lot.id,
            quantity: take,
            quantityAccepted: take,
            rank: lotIndex + 1,
            reason: formatAllocationReason(lotIndex + 1, reasons[lotIndex]!),
          });
          need -= take;
          lotLeft -= take;
        }
        if (lotLeft === 0) {
          lotIndex += 1;
          lotLeft = lots[lotIndex]?.lot.quantityAllocated ?? 0;
        }
      }
    }

    for (const { lot, allocations } of lots) {
      const verdict = inspect(lot.quantityAllocated, eggs, random);
      const qualityCheckId = random.uuid();
      lot.quantityAccepted = lot.quantityAllocated - verdict.rejected;
      lot.state = lot.quantityAccepted === 0 ? "REJECTED" : "SOLD";
      let toRemove = verdict.rejected;
      for (let i = allocations.length - 1; i >= 0 && toRemove > 0; i--) {
        const allocation = allocations[i] as AllocationRecord;
        const off = Math.min(toRemove, allocation.quantityAccepted);
        allocation.quantityAccepted -= off;
        toRemove -= off;
        if (verdict.reason && off > 0) {
          reasonOfLine.set(allocation.orderLineId, { reason: verdict.reason, qualityCheckId });
        }
      }
      result.lots.push(lot);
      result.allocations.push(...allocations);
      result.qualityChecks.push({
        id: qualityCheckId,
        producerGroupId: ctx.group.id,
        lotId: lot.id,
        checkedByUserId: checker,
        checkedAt: atShanghaiTime(cycle.intakeDate, random.int(8, 11), random.int(0, 59)),
        quantityReceived: lot.quantityAllocated,
        quantityAccepted: lot.quantityAccepted,
        outcome: verdict.outcome,
        reason: verdict.reason,
        noteZh: verdict.noteZh,
      });
    }
  }

  // Shortfalls become refunds on the lines they hit.
  const acceptedOfLine = new Map<string, number>();
  for (const a of result.allocations)
    acceptedOfLine.set(
      a.orderLineId,
      (acceptedOfLine.get(a.orderLineId) ?? 0) + a.quantityAccepted,
    );
  const orderById = new Map(orders.map((o) => [o.id, o]));
  for (const line of lines) {
    line.quantityDelivered = acceptedOfLine.get(line.id) ?? 0;
    const short = line.quantity - line.quantityDelivered;
    if (short === 0) continue;
    const order = orderById.get(line.orderId);
    if (!order) continue;
    const amountFen = short * line.unitPriceFen;
    order.refundedFen += amountFen;
    order.paymentState = order.refundedFen === order.totalFen ? "REFUNDED" : "SETTLED";
    result.adjustments.push({
      id: random.uuid(),
      producerGroupId: ctx.group.id,
      orderId: order.id,
      orderLineId: line.id,
      qualityCheckId: reasonOfLine.get(line.id)?.qualityCheckId ?? null,
      kind: "REFUND",
      reason: reasonOfLine.get(line.id)?.reason ?? "STALE",
      quantity: short,
      amountFen,
      createdAt: atShanghaiTime(cycle.intakeDate, 18, random.int(0, 59)),
    });
  }
  return result;
}

/**
 * The structured reasons of lots already in serving order (registered poor first, then by
 * poverty ratio): tier, the ratio in basis points and its band of 0.25 of the line, and the place
 * within the lots of the same tier and band.
 */
function lotReasons(
  ordered: readonly { registeredPoor: boolean; povertyRatio: number }[],
  cycleSequence: number,
): AllocationReason[] {
  const keyed = ordered.map((c) => {
    const tier: AllocationTier = c.registeredPoor ? "REGISTERED_POOR" : "BY_INCOME";
    const band = Math.floor(c.povertyRatio / INCOME_BAND_WIDTH);
    return { tier, band, ratio: Math.round(c.povertyRatio * 10_000), key: `${tier}:${band}` };
  });
  return keyed.map((k, i) => {
    const group = keyed.filter((other) => other.key === k.key);
    return {
      tier: k.tier,
      ratioBasisPoints: k.ratio,
      band: k.band,
      rotationPosition: keyed.slice(0, i + 1).filter((other) => other.key === k.key).length,
      groupSize: group.length,
      cycleSequence,
    };
  });
}
