import { InvalidInputError, NotFoundError } from "../../graphql/error-result";
import { isUuid } from "../../graphql/ids";
import { inTransaction, type RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { recordChange } from "../audit/audit.service";
import { managesGroup } from "../household/household.service";
import { ProducerGroup } from "../household/producer-group.entity";
import { FeeRule, type FeeBasis, type FeeKind } from "./fee-rule.entity";

/** The largest fee per unit a rule may take: ¥100.00. */
export const MAX_PER_UNIT_FEN = 10_000;

/** What a new fee rule says. */
export interface FeeRuleInput {
  producerGroupId: string;
  kind: FeeKind;
  basis: FeeBasis;
  rateBasisPoints?: number | null;
  perUnitFen?: number | null;
  validFrom: string;
  validTo?: string | null;
}

type Problem = { field: string; message: string };

/**
 * The problems of a fee rule input: PERCENT_OF_GROSS needs `rateBasisPoints` 1…10000 and no
 * per-unit fee; PER_UNIT needs `perUnitFen` 1…{@link MAX_PER_UNIT_FEN} and no rate; `validTo`
 * (inclusive) is not before `validFrom`.
 */
function feeRuleProblems(input: FeeRuleInput, t: ReturnType<typeof translatorFor>): Problem[] {
  const problems: Problem[] = [];
  const rate = input.rateBasisPoints ?? 0;
  const perUnit = input.perUnitFen ?? 0;
  if (input.basis === "PERCENT_OF_GROSS") {
    if (!Number.isSafeInteger(rate) || rate < 1 || rate > 10000)
      problems.push({ field: "rateBasisPoints", message: t("settlement.feeRule.rateRange") });
    if (perUnit !== 0)
      problems.push({ field: "perUnitFen", message: t("settlement.feeRule.notForBasis") });
  } else {
    if (!Number.isSafeInteger(perUnit) || perUnit < 1 || perUnit > MAX_PER_UNIT_FEN)
      problems.push({
        field: "perUnitFen",
        message: t("settlement.feeRule.perUnitRange", { max: MAX_PER_UNIT_FEN }),
      });
    if (rate !== 0)
      problems.push({ field: "rateBasisPoints", message: t("settlement.feeRule.notForBasis") });
  }
  if (input.validTo && input.validTo < input.validFrom)
    problems.push({ field: "validTo", message: t("settlement.feeRule.validToBeforeFrom") });
  return problems;
}

/**
 * The fee rules of a producer group the caller manages, by kind, then start day, then id;
 * with `activeOn`, only the rules valid on that business day. Another group → empty list.
 */
export async function listFeeRules(
  ctx: RequestContext,
  producerGroupId: string,
  activeOn?: string | null,
): Promise<FeeRule[]> {
  if (!isUuid(producerGroupId) || !managesGroup(ctx, producerGroupId)) return [];
  const qb = ctx.manager
    .getRepository(FeeRule)
    .createQueryBuilder("r")
    .where("r.producer_group_id = :g", { g: producerGroupId });
  if (activeOn)
    qb.andWhere("r.valid_from <= :d AND (r.valid_to IS NULL OR r.valid_to >= :d)", {
      d: activeOn,
    });
  return qb.orderBy("r.kind").addOrderBy("r.valid_from").addOrderBy("r.id").getMany();
}

/** Rules of the same group and kind whose validity overlaps [from, to] (to null = open). */
async function overlapping(
  ctx: RequestContext,
  rule: { producerGroupId: string; kind: FeeKind; validFrom: string; validTo: string | null },
): Promise<FeeRule | null> {
  return ctx.manager
    .getRepository(FeeRule)
    .createQueryBuilder("r")
    .where("r.producer_group_id = :g AND r.kind = :k", { g: rule.producerGroupId, k: rule.kind })
    .andWhere("(r.valid_to IS NULL OR r.valid_to >= :from)", { from: rule.validFrom })
    .andWhere("(CAST(:to AS date) IS NULL OR r.valid_from <= CAST(:to AS date))", {
      to: rule.validTo,
    })
    .getOne();
}

/**
 * Adds a fee rule to a producer group the caller manages (`settlement:approve`). Two rules of
 * the same kind may not be valid on the same day (a fee would be taken twice): refused with
 * InvalidInputError naming the rule it overlaps. Written to the audit log (`feeRule.create`).
 */
export async function createFeeRule(
  ctx: RequestContext,
  input: FeeRuleInput,
): Promise<FeeRule | NotFoundError | InvalidInputError> {
  const t = translatorFor(ctx.locale);
  const problems = feeRuleProblems(input, t);
  if (problems.length) return new InvalidInputError(t("settlement.inputRefused"), problems);
  return inTransaction(ctx, async (tx) => {
    const group = isUuid(input.producerGroupId)
      ? await tx.manager.getRepository(ProducerGroup).findOneBy({ id: input.producerGroupId })
      : null;
    if (!group || !managesGroup(tx, group.id))
      return new NotFoundError(t("settlement.groupNotFound"));
    // one writer at a time per group, so two overlapping rules cannot both pass the check
    await tx.manager.query("SELECT id FROM producer_groups WHERE id = $1 FOR UPDATE", [group.id]);
    const rule = {
      producerGroupId: group.id,
      kind: input.kind,
      basis: input.basis,
      rateBasisPoints: input.rateBasisPoints ?? 0,
      perUnitFen: input.perUnitFen ?? 0,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
    };
    const clash = await overlapping(tx, rule);
    if (clash)
      return new InvalidInputError(t("settlement.inputRefused"), [
        {
          field: "validFrom",
          message: t("settlement.feeRule.overlaps", {
            kind: clash.kind,
            from: clash.validFrom,
            to: clash.validTo ?? "—",
          }),
        },
      ]);
    const saved = await tx.manager.getRepository(FeeRule).save(rule);
    await recordChange(tx, {
      action: "feeRule.create",
      entityType: "FeeRule",
      entityId: saved.id,
      before: null,
      after: saved,
    });
    return saved;
  });
}

/**
 * Ends a fee rule: sets its last valid day (`validTo`, inclusive) to `validTo`
 * (`settlement:approve`). The day may not be before `validFrom`, nor after a `validTo` already
 * set (ending only shortens). Written to the audit log (`feeRule.end`).
 */
export async function endFeeRule(
  ctx: RequestContext,
  id: string,
  validTo: string,
): Promise<FeeRule | NotFoundError | InvalidInputError> {
  const t = translatorFor(ctx.locale);
  return inTransaction(ctx, async (tx) => {
    const before = isUuid(id)
      ? await tx.manager
          .getRepository(FeeRule)
          .findOne({ where: { id }, lock: { mode: "pessimistic_write" } })
      : null;
    if (!before || !managesGroup(tx, before.producerGroupId))
      return new NotFoundError(t("settlement.feeRule.notFound"));
    if (validTo < before.validFrom)
      return new InvalidInputError(t("settlement.inputRefused"), [
        { field: "validTo", message: t("settlement.feeRule.validToBeforeFrom") },
      ]);
    if (before.validTo && validTo > before.validTo)
      return new InvalidInputError(t("settlement.inputRefused"), [
        { field: "validTo", message: t("settlement.feeRule.alreadyEnded", { on: before.validTo }) },
      ]);
    await tx.manager.getRepository(FeeRule).update({ id }, { validTo });
    const after = { ...before, validTo };
    await recordChange(tx, {
      action: "feeRule.end",
      entityType: "FeeRule",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
