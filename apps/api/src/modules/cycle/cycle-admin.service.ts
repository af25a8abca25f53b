import {
  cycleScheduleProblems,
  type CycleScheduleProblem,
  type CycleSchedule,
  type OrderCycleState,
} from "@nested/domain";
import { type FieldProblem, InvalidInputError, NotFoundError } from "../../graphql/error-result";
import { isUuid } from "../../graphql/ids";
import type { Page } from "../../graphql/pagination";
import { inRefusableTransaction, refuse } from "../../graphql/refusal";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { isUniqueViolation } from "../order/order-transaction";
import { managesGroup } from "../household/household.service";
import { ProducerGroup } from "../household/producer-group.entity";
import type { CreateOrderCycleInput, OrderCycleChangesInput } from "./cycle-admin.types";
import { cycleInputRefused, findManagedCycle, type Translate } from "./cycle-scope";
import { OrderCycle } from "./order-cycle.entity";

/** States in which a cycle's code and calendar may still be changed. */
export const EDITABLE_CYCLE_STATES: readonly OrderCycleState[] = ["DRAFT", "DECLARING"];

const CODE_INDEX = "uq_order_cycles_producer_group_id_code";

const MESSAGE_OF: Record<CycleScheduleProblem["problem"], string> = {
  CODE_SHAPE: "cycle.codeShape",
  NOT_A_DAY: "cycle.notADay",
  NOT_AN_INSTANT: "cycle.notAnInstant",
  OPENS_BEFORE_DECLARATION: "cycle.opensBeforeDeclaration",
  CLOSES_BEFORE_OPENING: "cycle.closesBeforeOpening",
  DELIVERY_BEFORE_CLOSE: "cycle.deliveryBeforeClose",
};

/** A created or changed cycle, or why nothing was saved. */
export type CycleOutcome = OrderCycle | NotFoundError | InvalidInputError;

/** Which cycles to list: optional group and state, a page; always newest first. */
export interface CycleQuery {
  producerGroupId?: string | null;
  state?: OrderCycleState | null;
  skip: number;
  take: number;
}

/**
 * A page of the cycles the caller may manage (ADMIN: every group's), newest first: by the start
 * of ordering, descending, ties by id. A malformed group id gives an empty page.
 */
export async function listCycles(
  ctx: RequestContext,
  query: CycleQuery,
): Promise<Page<OrderCycle>> {
  if (query.producerGroupId && !isUuid(query.producerGroupId)) return { items: [], totalItems: 0 };
  const qb = ctx.manager.getRepository(OrderCycle).createQueryBuilder("c");
  if (ctx.principal.kind !== "user" || ctx.principal.role !== "ADMIN")
    qb.andWhere("c.producer_group_id = ANY(:groups)", {
      groups: ctx.principal.kind === "anonymous" ? [] : [...ctx.principal.producerGroupIds],
    });
  if (query.producerGroupId)
    qb.andWhere("c.producer_group_id = :group", { group: query.producerGroupId });
  if (query.state) qb.andWhere("c.state = :state", { state: query.state });
  const [items, totalItems] = await qb
    .orderBy("c.opens_at", "DESC")
    .addOrderBy("c.id", "ASC")
    .skip(query.skip)
    .take(query.take)
    .getManyAndCount();
  return { items, totalItems };
}

/** One cycle the caller may manage, or NotFoundError. */
export async function cycleForAdmin(
  ctx: RequestContext,
  id: string,
): Promise<OrderCycle | NotFoundError> {
  return (
    (await findManagedCycle(ctx, id)) ??
    new NotFoundError(translatorFor(ctx.locale)("cycle.notFound"))
  );
}

function scheduleProblems(t: Translate, code: string, schedule: CycleSchedule): FieldProblem[] {
  return cycleScheduleProblems(code, schedule).map((p) => ({
    field: p.field,
    message: t(MESSAGE_OF[p.problem]),
  }));
}

/** The fields of a create input that are missing (every one is required). */
function missingFields(t: Translate, input: OrderCycleChangesInput): FieldProblem[] {
  const keys = ["code", "declarationOpensOn", "opensAt", "closesAt", "deliveryOn"] as const;
  return keys
    .filter((key) => input[key] == null)
    .map((field) => ({ field, message: t("cycle.required") }));
}

/**
 * Creates a DRAFT cycle of a producer group the caller manages (`cycle:manage`). Checks the code
 * ("YYYY-MM", unique within the group) and the calendar (`cycleScheduleProblems` in
 * @nested/domain). NotFoundError for a group that is unknown or not the caller's;
 * InvalidInputError (nothing saved) for missing or wrong fields or a code already used.
 */
export async function createCycle(
  ctx: RequestContext,
  input: CreateOrderCycleInput,
): Promise<CycleOutcome> {
  const t = translatorFor(ctx.locale);
  const missing = missingFields(t, input);
  if (missing.length) return cycleInputRefused(t, missing);
  const code = input.code!.trim();
  const schedule: CycleSchedule = {
    declarationOpensOn: input.declarationOpensOn!,
    opensAt: input.opensAt!,
    closesAt: input.closesAt!,
    deliveryOn: input.deliveryOn!,
  };
  const problems = scheduleProblems(t, code, schedule);
  if (problems.length) return cycleInputRefused(t, problems);
  return inRefusableTransaction<CycleOutcome, InvalidInputError>(ctx, async (tx) => {
    const group = isUuid(input.producerGroupId)
      ? await tx.manager.getRepository(ProducerGroup).findOneBy({ id: input.producerGroupId })
      : null;
    if (!group || !managesGroup(tx, group.id)) return new NotFoundError(t("cycle.groupNotFound"));
    try {
      return await tx.manager
        .getRepository(OrderCycle)
        .save({ producerGroupId: group.id, code, state: "DRAFT" as const, ...schedule });
    } catch (error) {
      if (isUniqueViolation(error, CODE_INDEX)) refuse(codeTaken(t, code));
      throw error;
    }
  });
}

function codeTaken(t: Translate, code: string): InvalidInputError {
  return cycleInputRefused(t, [{ field: "code", message: t("cycle.codeTaken", { code }) }]);
}

/**
 * Changes the code or calendar of a cycle the caller manages while it is DRAFT or DECLARING
 * (omitted fields stay; null is refused). The merged calendar is checked as on creation. Later
 * states answer InvalidInputError on `state`: the dates consumers and households rely on are
 * fixed once ordering opens. Nothing is saved on any refusal.
 */
export async function updateCycle(
  ctx: RequestContext,
  id: string,
  input: OrderCycleChangesInput,
): Promise<CycleOutcome> {
  const t = translatorFor(ctx.locale);
  const nulls = (Object.keys(input) as (keyof OrderCycleChangesInput)[])
    .filter((key) => input[key] === null)
    .map((field) => ({ field, message: t("cycle.required") }));
  if (nulls.length) return cycleInputRefused(t, nulls);
  return inRefusableTransaction<CycleOutcome, InvalidInputError>(ctx, async (tx) => {
    const before = await findManagedCycle(tx, id, "update");
    if (!before) return new NotFoundError(t("cycle.notFound"));
    if (!EDITABLE_CYCLE_STATES.includes(before.state))
      return cycleInputRefused(t, [
        { field: "state", message: t("cycle.notEditable", { state: before.state }) },
      ]);
    const code = input.code?.trim() ?? before.code;
    const schedule: CycleSchedule = {
      declarationOpensOn: input.declarationOpensOn ?? before.declarationOpensOn,
      opensAt: input.opensAt ?? before.opensAt,
      closesAt: input.closesAt ?? before.closesAt,
      deliveryOn: input.deliveryOn ?? before.deliveryOn,
    };
    const problems = scheduleProblems(t, code, schedule);
    if (problems.length) return cycleInputRefused(t, problems);
    try {
      await tx.manager.getRepository(OrderCycle).update({ id }, { code, ...schedule });
    } catch (error) {
      if (isUniqueViolation(error, CODE_INDEX)) refuse(codeTaken(t, code));
      throw error;
    }
    return (await tx.manager.getRepository(OrderCycle).findOneBy({ id }))!;
  });
}
