import type { TFunction } from "i18next";
import { QueryFailedError } from "typeorm";
import { FieldProblem } from "../../graphql/error-result";
import { isUuid } from "../../graphql/ids";
import type { Page } from "../../graphql/pagination";
import { inTransaction, type RequestContext } from "../../graphql/request-context";
import { callerConsumerHousehold } from "../consumer/consumer-household.service";
import { OrderLine } from "../order/order-line.entity";
import { Order } from "../order/order.entity";
import { Feedback, type FeedbackCategory } from "./feedback.entity";
import { FeedbackType } from "./feedback.types";

/** Longest comment accepted, in characters. */
export const MAX_COMMENT_LENGTH = 2000;

/** Ratings at or below this are complaints that staff follow up. */
export const COMPLAINT_MAX_RATING = 2;

/** Order states after pickup, in which feedback may be given. */
export const FEEDBACK_ORDER_STATES = ["PICKED_UP", "CLOSED"] as const;

/** Feedback as it came in from the edge. */
export interface FeedbackRequest {
  orderLineId: string;
  rating: number;
  category: FeedbackCategory;
  comment?: string | null;
}

/** The outcome of {@link giveFeedback}; nothing is stored unless `given`. */
export type FeedbackOutcome =
  | { kind: "given"; feedback: FeedbackType }
  | { kind: "invalid"; problems: FieldProblem[] }
  | { kind: "not-found" }
  | { kind: "not-allowed" }
  | { kind: "already-given" };

function problem(field: string, message: string): FieldProblem {
  return Object.assign(new FieldProblem(), { field, message });
}

function toView(feedback: Feedback, line: OrderLine): FeedbackType {
  return Object.assign(new FeedbackType(), {
    id: feedback.id,
    orderLineId: feedback.orderLineId,
    productNameZh: line.productNameZh,
    productNameEn: line.productNameEn,
    variantNameZh: line.variantNameZh,
    variantNameEn: line.variantNameEn,
    rating: feedback.rating,
    category: feedback.category,
    comment: feedback.comment,
    isComplaint: feedback.isComplaint,
    createdAt: feedback.createdAt,
  });
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError && (error.driverError as { code?: string }).code === "23505"
  );
}

/**
 * Stores the caller's feedback on one of their own order lines, once per line, after pickup
 * (order PICKED_UP or CLOSED). A line of another household answers exactly like an unknown one
 * (not-found). The order line is locked so two concurrent submissions give one feedback; the
 * unique index `uq_feedback_order_line_id` is the last guard. Ratings of
 * {@link COMPLAINT_MAX_RATING} or less are marked as complaints. Staff trace feedback to lots
 * and households through the line's allocations.
 */
export async function giveFeedback(
  ctx: RequestContext,
  request: FeedbackRequest,
  t: TFunction,
): Promise<FeedbackOutcome> {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(request.rating) || request.rating < 1 || request.rating > 5)
    problems.push(problem("rating", t("feedback.ratingRange")));
  const comment = request.comment?.trim() || null;
  if (comment !== null && comment.length > MAX_COMMENT_LENGTH)
    problems.push(problem("comment", t("feedback.commentTooLong", { max: MAX_COMMENT_LENGTH })));
  if (problems.length > 0) return { kind: "invalid", problems };
  if (!isUuid(request.orderLineId)) return { kind: "not-found" };
  try {
    return await inTransaction(ctx, async (tx) => {
      const household = await callerConsumerHousehold(tx);
      if (!household) return { kind: "not-found" } as const;
      const line = await tx.manager
        .getRepository(OrderLine)
        .createQueryBuilder("l")
        .innerJoin(Order, "o", "o.id = l.order_id")
        .where("l.id = :id", { id: request.orderLineId })
        .andWhere("o.consumer_household_id = :household", { household: household.id })
        .setLock("pessimistic_write", undefined, ["l"])
        .getOne();
      if (!line) return { kind: "not-found" } as const;
      const order = await tx.manager.getRepository(Order).findOneByOrFail({ id: line.orderId });
      if (!(FEEDBACK_ORDER_STATES as readonly string[]).includes(order.state))
        return { kind: "not-allowed" } as const;
      const repo = tx.manager.getRepository(Feedback);
      if (await repo.existsBy({ orderLineId: line.id })) return { kind: "already-given" } as const;
      const saved = await repo.save(
        repo.create({
          producerGroupId: line.producerGroupId,
          orderLineId: line.id,
          consumerHouseholdId: household.id,
          rating: request.rating,
          category: request.category,
          comment,
          isComplaint: request.rating <= COMPLAINT_MAX_RATING,
        }),
      );
      return { kind: "given", feedback: toView(saved, line) } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: "already-given" };
    throw error;
  }
}

/** The caller's feedback, newest first (id as tie-breaker); empty for callers without a household. */
export async function myFeedback(
  ctx: RequestContext,
  page: { skip: number; take: number },
): Promise<Page<FeedbackType>> {
  const household = await callerConsumerHousehold(ctx);
  if (!household) return { items: [], totalItems: 0 };
  const [rows, totalItems] = await ctx.manager
    .getRepository(Feedback)
    .createQueryBuilder("f")
    .innerJoinAndSelect("f.orderLine", "l")
    .where("f.consumer_household_id = :id", { id: household.id })
    .orderBy("f.created_at", "DESC")
    .addOrderBy("f.id", "DESC")
    .skip(page.skip)
    .take(page.take)
    .getManyAndCount();
  return { items: rows.map((f) => toView(f, f.orderLine!)), totalItems };
}
