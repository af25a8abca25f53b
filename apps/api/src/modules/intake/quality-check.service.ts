import { lotMachine, lotShortfall, spreadShortfall } from "@nested/domain";
import {
  type FieldProblem,
  InvalidInputError,
  InvalidTransitionError,
  NotFoundError,
} from "../../graphql/error-result";
import { isUuid } from "../../graphql/ids";
import { inRefusableTransaction } from "../../graphql/refusal";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { actorOf, recordChange } from "../audit/audit.service";
import { OrderCycle } from "../cycle/order-cycle.entity";
import { managesGroup } from "../household/household.service";
import { Adjustment } from "../order/adjustment.entity";
import { WrongCycleStateError } from "./intake-errors.types";
import { Lot } from "./lot.entity";
import { QualityCheck, type QualityResult, type RejectionReason } from "./quality-check.entity";

/** Longest note accepted on a quality check, in characters. */
export const MAX_NOTE_LENGTH = 2000;

/** What staff record at intake for one lot. Quantities are whole units of the variant. */
export interface QualityCheckRequest {
  lotId: string;
  quantityReceived: number;
  quantityAccepted: number;
  reason?: RejectionReason | null;
  note?: string | null;
}

/** A refund written for a shortfall: the order line, units taken off and fen refunded. */
export interface ShortfallRefund {
  adjustment: Adjustment;
  units: number;
}

/** The stored check, the lot after it and the refunds it caused. */
export interface QualityCheckOutcome {
  qualityCheck: QualityCheck;
  lot: Lot;
  refunds: ShortfallRefund[];
}

type Refusal = InvalidInputError | NotFoundError | InvalidTransitionError | WrongCycleStateError;

function problemsOf(
  request: QualityCheckRequest,
  t: ReturnType<typeof translatorFor>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const whole = (n: number) => Number.isSafeInteger(n) && n >= 0;
  if (!whole(request.quantityReceived))
    problems.push({ field: "quantityReceived", message: t("intake.quantityWhole") });
  if (!whole(request.quantityAccepted))
    problems.push({ field: "quantityAccepted", message: t("intake.quantityWhole") });
  else if (whole(request.quantityReceived) && request.quantityAccepted > request.quantityReceived)
    problems.push({
      field: "quantityAccepted",
      message: t("intake.acceptedAboveReceived", {
        accepted: request.quantityAccepted,
        received: request.quantityReceived,
      }),
    });
  if ((request.note?.length ?? 0) > MAX_NOTE_LENGTH)
    problems.push({ field: "note", message: t("intake.noteTooLong", { max: MAX_NOTE_LENGTH }) });
  return problems;
}

/** ACCEPTED when every allocated unit was accepted, REJECTED when none, PARTIAL otherwise. */
export function qualityResult(allocated: number, accepted: number): QualityResult {
  if (accepted >= allocated) return "ACCEPTED";
  return accepted === 0 ? "REJECTED" : "PARTIAL";
}

/**
 * Records the quality check of an ALLOCATED lot at intake (permission `intake:record`; the
 * cycle must be COLLECTING): the lot is RECEIVED and then ACCEPTED, PARTIAL or REJECTED
 * ({@link qualityResult}); `reason` is required unless every allocated unit was accepted.
 *
 * Shortfall rule (DESIGN.md step 5, "shortfalls become refunds on the affected order lines"):
 * shortfall = allocated − min(accepted, allocated) units (`lotShortfall`), spread over the lot's
 * allocations in whole units by largest remainder weighted by the units allocated, ties to the
 * order placed first (`spreadShortfall`, @nested/domain). Each affected line's
 * `quantityAccepted` goes down by its units, and an Adjustment REFUND of units × the line's unit
 * price (fen) is written, linked to the line and the check. The check is audited
 * (`lot.qualityCheck`, before/after of the lot).
 *
 * Errors: NotFoundError (unknown lot or one outside the caller's groups); WrongCycleStateError
 * (cycle not COLLECTING); InvalidTransitionError (lot already checked, or never allocated);
 * InvalidInputError (quantities not whole ≥ 0, accepted > received, reason missing, note too
 * long). Nothing is written on any error.
 */
export async function recordQualityCheck(
  ctx: RequestContext,
  request: QualityCheckRequest,
): Promise<QualityCheckOutcome | Refusal> {
  const t = translatorFor(ctx.locale);
  const problems = problemsOf(request, t);
  if (problems.length > 0) return new InvalidInputError(t("intake.inputRefused"), problems);
  if (!isUuid(request.lotId)) return new NotFoundError(t("intake.lotNotFound"));
  return inRefusableTransaction<QualityCheckOutcome | Refusal>(ctx, async (tx) => {
    const lots = tx.manager.getRepository(Lot);
    const lot = await lots.findOne({
      where: { id: request.lotId },
      lock: { mode: "pessimistic_write" },
    });
    if (!lot || !managesGroup(tx, lot.producerGroupId))
      return new NotFoundError(t("intake.lotNotFound"));
    const cycle = await tx.manager
      .getRepository(OrderCycle)
      .findOneByOrFail({ id: lot.orderCycleId });
    if (cycle.state !== "COLLECTING")
      return new WrongCycleStateError(
        t("intake.wrongCycleState", { state: cycle.state, required: "COLLECTING" }),
        cycle.state,
        ["COLLECTING"],
      );
    if (lot.state !== "ALLOCATED")
      return new InvalidTransitionError(
        t(lot.state === "DECLARED" ? "intake.notAllocated" : "intake.alreadyChecked", {
          state: lot.state,
        }),
        lot.state,
        "RECEIVED",
        lotMachine.nextStates(lot.state),
      );
    const result = qualityResult(lot.quantityAllocated, request.quantityAccepted);
    if (result !== "ACCEPTED" && !request.reason)
      return new InvalidInputError(t("intake.inputRefused"), [
        { field: "reason", message: t("intake.reasonRequired") },
      ]);
    const before = { ...lot };
    const [{ today }] = (await tx.manager.query(
      "SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today",
    )) as [{ today: string }];
    const qualityCheck = await tx.manager.getRepository(QualityCheck).save({
      producerGroupId: lot.producerGroupId,
      lotId: lot.id,
      checkedOn: today,
      checkedByUserId: actorOf(tx)!,
      quantityReceived: request.quantityReceived,
      quantityAccepted: request.quantityAccepted,
      result,
      reason: request.reason ?? null,
      note: request.note?.trim() || null,
    });
    // ALLOCATED → RECEIVED → result, both steps checked against the lot machine.
    lotMachine.assertTransition("ALLOCATED", "RECEIVED");
    lotMachine.assertTransition("RECEIVED", result);
    await lots.update(
      { id: lot.id },
      {
        state: result,
        quantityReceived: request.quantityReceived,
        quantityAccepted: request.quantityAccepted,
      },
    );
    const after = await lots.findOneByOrFail({ id: lot.id });
    const refunds = await refundShortfall(tx, after, qualityCheck);
    await recordChange(tx, {
      action: "lot.qualityCheck",
      entityType: "Lot",
      entityId: lot.id,
      before,
      after: { ...after, qualityCheckId: qualityCheck.id },
    });
    return { qualityCheck, lot: after, refunds };
  });
}

interface ShareRow {
  order_line_id: string;
  order_id: string;
  placed_at: Date;
  quantity: number;
  unit_price_fen: number;
}

async function refundShortfall(
  ctx: RequestContext,
  lot: Lot,
  check: QualityCheck,
): Promise<ShortfallRefund[]> {
  const shortfall = lotShortfall(lot.quantityAllocated, lot.quantityAccepted ?? 0);
  if (shortfall === 0) return [];
  const shares = (await ctx.manager.query(
    `SELECT a.order_line_id, l.order_id, o.placed_at, a.quantity, l.unit_price_fen
       FROM allocations a JOIN order_lines l ON l.id = a.order_line_id
       JOIN orders o ON o.id = l.order_id
      WHERE a.lot_id = $1
        FOR UPDATE OF l`,
    [lot.id],
  )) as ShareRow[];
  const byLine = new Map(shares.map((s) => [s.order_line_id, s]));
  const parts = spreadShortfall(
    shortfall,
    shares.map((s) => ({
      orderLineId: s.order_line_id,
      orderId: s.order_id,
      placedAtMs: new Date(s.placed_at).getTime(),
      quantity: s.quantity,
    })),
  );
  const refunds: ShortfallRefund[] = [];
  for (const { orderLineId, units } of parts) {
    if (units === 0) continue;
    const share = byLine.get(orderLineId)!;
    await ctx.manager.query(
      "UPDATE order_lines SET quantity_accepted = quantity_accepted - $2 WHERE id = $1",
      [orderLineId, units],
    );
    const adjustment = await ctx.manager.getRepository(Adjustment).save({
      producerGroupId: lot.producerGroupId,
      orderId: share.order_id,
      orderLineId,
      qualityCheckId: check.id,
      kind: "REFUND" as const,
      amountFen: units * share.unit_price_fen,
      reason: `quality check ${check.result}${check.reason ? ` ${check.reason}` : ""}: ${units} × ${share.unit_price_fen} fen`,
    });
    refunds.push({ adjustment, units });
  }
  return refunds;
}
