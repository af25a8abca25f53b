import {
  isCalendarDay,
  settlementMachine,
  type SettlementState,
  shanghaiDay,
} from "@nested/domain";
import {
  InvalidInputError,
  InvalidTransitionError,
  NotFoundError,
} from "../../graphql/error-result";
import { isUuid } from "../../graphql/ids";
import type { Page } from "../../graphql/pagination";
import { inRefusableTransaction } from "../../graphql/refusal";
import { actorOf } from "../audit/audit.service";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { recordChange } from "../audit/audit.service";
import { OrderCycle } from "../cycle/order-cycle.entity";
import { managesGroup } from "../household/household.service";
import type { PaymentMethod } from "../order/payment.entity";
import { calculateCycleSettlements } from "./settlement-calculation.service";
import { Settlement } from "./settlement.entity";

/** The largest correction one settlement may carry, either way: ¥100,000.00. */
export const MAX_CORRECTION_FEN = 10_000_000;

/** A cycle of a producer group the caller manages, or null (unknown, other group, bad id). */
export async function scopedCycle(ctx: RequestContext, id: string): Promise<OrderCycle | null> {
  if (!isUuid(id)) return null;
  const cycle = await ctx.manager.getRepository(OrderCycle).findOneBy({ id });
  return cycle && managesGroup(ctx, cycle.producerGroupId) ? cycle : null;
}

/** A settlement of a group the caller manages, or null; `lock` takes a row lock. */
export async function scopedSettlement(
  ctx: RequestContext,
  id: string,
  lock = false,
): Promise<Settlement | null> {
  if (!isUuid(id)) return null;
  const row = await ctx.manager
    .getRepository(Settlement)
    .findOne({ where: { id }, ...(lock ? { lock: { mode: "pessimistic_write" as const } } : {}) });
  return row && managesGroup(ctx, row.producerGroupId) ? row : null;
}

/**
 * A page of a cycle's settlements (corrections booked in it included), optionally in one state,
 * by household code then id. A cycle outside the caller's groups gives an empty page.
 */
export async function listSettlements(
  ctx: RequestContext,
  query: { orderCycleId: string; state?: SettlementState | null; skip: number; take: number },
): Promise<Page<Settlement>> {
  const cycle = await scopedCycle(ctx, query.orderCycleId);
  if (!cycle) return { items: [], totalItems: 0 };
  const qb = ctx.manager
    .getRepository(Settlement)
    .createQueryBuilder("s")
    .innerJoin("s.household", "h")
    .where("s.order_cycle_id = :c", { c: cycle.id });
  if (query.state) qb.andWhere("s.state = :st", { st: query.state });
  const [items, totalItems] = await qb
    .orderBy("h.code", "ASC")
    .addOrderBy("s.id", "ASC")
    .offset(query.skip)
    .limit(query.take)
    .getManyAndCount();
  return { items, totalItems };
}

/** One settlement, or NotFoundError (unknown or of another group: the same answer). */
export async function getSettlement(
  ctx: RequestContext,
  id: string,
): Promise<Settlement | NotFoundError> {
  return (
    (await scopedSettlement(ctx, id)) ??
    new NotFoundError(translatorFor(ctx.locale)("settlement.notFound"))
  );
}

/**
 * Recalculates a cycle's settlements while it is SETTLING (after an intake correction, a new
 * fee rule): DRAFT/CALCULATED ones are replaced, APPROVED or later never change. Another cycle
 * state → InvalidTransitionError.
 */
export async function recalculateSettlements(
  ctx: RequestContext,
  orderCycleId: string,
): Promise<Settlement[] | NotFoundError | InvalidTransitionError> {
  const t = translatorFor(ctx.locale);
  return inRefusableTransaction(ctx, async (tx) => {
    const cycle = await scopedCycle(tx, orderCycleId);
    if (!cycle) return new NotFoundError(t("settlement.cycleNotFound"));
    const locked = (await tx.manager
      .getRepository(OrderCycle)
      .findOne({ where: { id: cycle.id }, lock: { mode: "pessimistic_write" } }))!;
    if (locked.state !== "SETTLING")
      return new InvalidTransitionError(
        t("settlement.notSettling", { state: locked.state }),
        locked.state,
        "SETTLING",
        [],
      );
    await calculateCycleSettlements(tx, locked);
    return tx.manager
      .getRepository(Settlement)
      .find({ where: { orderCycleId: cycle.id }, order: { householdId: "ASC", id: "ASC" } });
  });
}

/**
 * Moves a settlement to `to` as `settlementMachine` allows, applying `changes`, under a row lock
 * so that two concurrent moves (two "mark paid") cannot both pass: the second sees the new state
 * and is refused with InvalidTransitionError listing the allowed states; nothing is written.
 * Every move goes to the household's audit log (`action`, with `note` when given).
 */
async function moveSettlement(
  ctx: RequestContext,
  id: string,
  to: SettlementState,
  action: string,
  changes: Partial<Settlement>,
  note?: string,
): Promise<Settlement | NotFoundError | InvalidTransitionError> {
  const t = translatorFor(ctx.locale);
  return inRefusableTransaction(ctx, async (tx) => {
    const before = await scopedSettlement(tx, id, true);
    if (!before) return new NotFoundError(t("settlement.notFound"));
    const check = settlementMachine.checkTransition(before.state, to);
    if (!check.ok)
      return new InvalidTransitionError(
        t("settlement.invalidTransition", {
          from: check.from,
          to,
          allowed: check.allowed.join(", ") || "—",
        }),
        check.from,
        to,
        check.allowed,
      );
    await tx.manager.getRepository(Settlement).update({ id }, { ...changes, state: to });
    const after = (await tx.manager.getRepository(Settlement).findOneBy({ id }))!;
    await recordChange(tx, {
      action,
      entityType: "Household",
      entityId: before.householdId,
      before: { settlement: before },
      after: note === undefined ? { settlement: after } : { settlement: after, note },
    });
    return after;
  });
}

/** CALCULATED (or ADJUSTED) → APPROVED (`settlement:approve`), stamping who and when. */
export function approveSettlement(ctx: RequestContext, id: string) {
  return moveSettlement(ctx, id, "APPROVED", "settlement.approve", {
    approvedAt: new Date(),
    approvedByUserId: actorOf(ctx),
  });
}

/**
 * InvalidInputError on `field` when `day` is not a day of the calendar (e.g. 2018-02-30) or lies
 * after today in Asia/Shanghai (a payout or an acknowledgement cannot have happened tomorrow).
 */
function notADay(ctx: RequestContext, field: string, day: string): InvalidInputError | null {
  const t = translatorFor(ctx.locale);
  const problem = !isCalendarDay(day)
    ? t("settlement.notADay")
    : day > shanghaiDay(new Date())
      ? t("settlement.futureDay")
      : null;
  if (!problem) return null;
  return new InvalidInputError(t("settlement.inputRefused"), [{ field, message: problem }]);
}

/**
 * APPROVED → PAID (`settlement:pay`): the payout was made on business day `paidOn` by `method`.
 * Paying twice is refused (InvalidTransitionError, nothing written). A reference over 100
 * characters, or a `paidOn` that is not a real day → InvalidInputError.
 */
export async function markSettlementPaid(
  ctx: RequestContext,
  id: string,
  method: PaymentMethod,
  paidOn: string,
  reference: string | null,
): Promise<Settlement | NotFoundError | InvalidTransitionError | InvalidInputError> {
  const t = translatorFor(ctx.locale);
  const ref = reference?.trim() || null;
  if (ref && ref.length > 100)
    return new InvalidInputError(t("settlement.inputRefused"), [
      { field: "reference", message: t("settlement.referenceLength") },
    ]);
  const badDay = notADay(ctx, "paidOn", paidOn);
  if (badDay) return badDay;
  return moveSettlement(ctx, id, "PAID", "settlement.pay", {
    paidOn,
    paidMethod: method,
    payoutReference: ref,
  });
}

/**
 * PAID → ACKNOWLEDGED: the household confirmed receiving the payout, on business day
 * `acknowledgedOn` (stored as the start of that day in Asia/Shanghai) or now. A day that does
 * not exist (2018-02-30) → InvalidInputError, never silently the next month's.
 */
export async function acknowledgeSettlement(
  ctx: RequestContext,
  id: string,
  acknowledgedOn?: string | null,
) {
  const badDay = acknowledgedOn ? notADay(ctx, "acknowledgedOn", acknowledgedOn) : null;
  if (badDay) return badDay;
  const acknowledgedAt = acknowledgedOn ? new Date(`${acknowledgedOn}T00:00:00+08:00`) : new Date();
  return moveSettlement(ctx, id, "ACKNOWLEDGED", "settlement.acknowledge", { acknowledgedAt });
}

/**
 * CALCULATED, APPROVED or PAID → DISPUTED: the household (or staff) questions the figures; the
 * `note` (1–1000 characters) is kept in the audit log. The figures do not change.
 */
export async function disputeSettlement(ctx: RequestContext, id: string, note: string) {
  const t = translatorFor(ctx.locale);
  const text = note.trim();
  if (text.length < 1 || text.length > 1000)
    return new InvalidInputError(t("settlement.inputRefused"), [
      { field: "note", message: t("settlement.noteLength") },
    ]);
  return moveSettlement(ctx, id, "DISPUTED", "settlement.dispute", {}, text);
}

/**
 * DISPUTED → ADJUSTED (`settlement:approve`): the dispute is closed with the figures unchanged —
 * DESIGN.md records an unchanged figure as an adjustment of zero — and `note` (1–1000
 * characters) says how it was resolved, in the audit log. A settlement that was never paid then
 * goes through approval and payment again (ADJUSTED → APPROVED → PAID); one already paid keeps
 * its payout (`paidOn` stays) and counts as paid when the cycle is SETTLED. Money found owing
 * either way is an {@link addSettlementCorrection} in a later cycle, so a cycle's figures never
 * move after calculation and its reconciliation stays exact.
 */
export async function resolveSettlementDispute(ctx: RequestContext, id: string, note: string) {
  const t = translatorFor(ctx.locale);
  const text = note.trim();
  if (text.length < 1 || text.length > 1000)
    return new InvalidInputError(t("settlement.inputRefused"), [
      { field: "note", message: t("settlement.noteLength") },
    ]);
  return moveSettlement(ctx, id, "ADJUSTED", "settlement.resolveDispute", {}, text);
}

/**
 * Corrects a PAID or ACKNOWLEDGED settlement (or one ADJUSTED after being paid), which itself
 * never changes: a new settlement of
 * the same household in a later cycle of the same group (delivery day after the corrected one's,
 * not yet SETTLED, ARCHIVED or CANCELLED) carries `amountFen` (± whole fen, non-zero, at most
 * {@link MAX_CORRECTION_FEN} either way) as its adjustment, points at the original through
 * `correctsSettlementId`, and goes through approval and payment like any other (it starts
 * CALCULATED). The `reason` (1–500 characters) is kept in the audit log.
 */
export async function addSettlementCorrection(
  ctx: RequestContext,
  input: { settlementId: string; orderCycleId: string; amountFen: number; reason: string },
): Promise<Settlement | NotFoundError | InvalidInputError> {
  const t = translatorFor(ctx.locale);
  const problems = [];
  if (
    !Number.isSafeInteger(input.amountFen) ||
    input.amountFen === 0 ||
    Math.abs(input.amountFen) > MAX_CORRECTION_FEN
  )
    problems.push({
      field: "amountFen",
      message: t("settlement.correctionRange", { max: MAX_CORRECTION_FEN }),
    });
  const reason = input.reason.trim();
  if (reason.length < 1 || reason.length > 500)
    problems.push({ field: "reason", message: t("settlement.reasonLength") });
  if (problems.length) return new InvalidInputError(t("settlement.inputRefused"), problems);
  return inRefusableTransaction(ctx, async (tx) => {
    const original = await scopedSettlement(tx, input.settlementId, true);
    if (!original) return new NotFoundError(t("settlement.notFound"));
    const refused = (field: string, key: string) =>
      new InvalidInputError(t("settlement.inputRefused"), [{ field, message: t(key) }]);
    const paidThenResolved = original.state === "ADJUSTED" && original.paidOn !== null;
    if (original.state !== "PAID" && original.state !== "ACKNOWLEDGED" && !paidThenResolved)
      return refused("settlementId", "settlement.correctOnlyPaid");
    const later = await scopedCycle(tx, input.orderCycleId);
    const originalCycle = (await tx.manager
      .getRepository(OrderCycle)
      .findOneBy({ id: original.orderCycleId }))!;
    if (!later || later.producerGroupId !== original.producerGroupId)
      return new NotFoundError(t("settlement.cycleNotFound"));
    if (
      later.deliveryOn <= originalCycle.deliveryOn ||
      ["SETTLED", "ARCHIVED", "CANCELLED"].includes(later.state)
    )
      return refused("orderCycleId", "settlement.correctionCycle");
    const correction = await tx.manager.getRepository(Settlement).save({
      producerGroupId: original.producerGroupId,
      orderCycleId: later.id,
      householdId: original.householdId,
      state: "CALCULATED" as const,
      grossFen: 0,
      deductionsFen: 0,
      adjustmentsFen: input.amountFen,
      netFen: input.amountFen,
      correctsSettlementId: original.id,
      calculatedAt: new Date(),
    });
    await recordChange(tx, {
      action: "settlement.correct",
      entityType: "Household",
      entityId: original.householdId,
      before: null,
      after: { settlement: correction, corrects: original.id, reason },
    });
    return correction;
  });
}
