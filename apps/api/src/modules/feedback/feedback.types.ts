import { MaxLength } from "class-validator";
import {
  createUnionType,
  Field,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from "type-graphql";
import {
  ErrorCode,
  ErrorResult,
  InvalidInputError,
  NotFoundError,
} from "../../graphql/error-result";
import { PaginatedList } from "../../graphql/pagination";
import { FEEDBACK_CATEGORIES, type FeedbackCategory } from "./feedback.entity";

/** GraphQL enum of feedback categories. */
export const FeedbackCategoryEnum = Object.fromEntries(FEEDBACK_CATEGORIES.map((c) => [c, c])) as {
  [C in FeedbackCategory]: C;
};
registerEnumType(FeedbackCategoryEnum, {
  name: "FeedbackCategory",
  description: "What the feedback is about.",
});

/** A rating of one of the caller's order lines. */
@InputType()
export class GiveFeedbackInput {
  @Field(() => ID)
  @MaxLength(100)
  orderLineId: string;

  @Field(() => Int, { description: "1 (poor) to 5 (excellent)." })
  rating: number;

  @Field(() => FeedbackCategoryEnum)
  category: FeedbackCategory;

  @Field(() => String, { nullable: true, description: "At most 2000 characters." })
  @MaxLength(10_000)
  comment?: string | null;
}

/** Feedback the caller's household gave, with the names the line was bought under. */
@ObjectType("Feedback")
export class FeedbackType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  orderLineId: string;

  @Field()
  productNameZh: string;

  @Field()
  productNameEn: string;

  @Field()
  variantNameZh: string;

  @Field()
  variantNameEn: string;

  @Field(() => Int)
  rating: number;

  @Field(() => FeedbackCategoryEnum)
  category: FeedbackCategory;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field({ description: "True for ratings of 1 or 2: staff follow these up." })
  isComplaint: boolean;

  @Field()
  createdAt: Date;
}

/** A page of the caller's feedback. */
@ObjectType("FeedbackList")
export class FeedbackList extends PaginatedList(FeedbackType) {}

/** The order has not been picked up yet. */
@ObjectType({ implements: ErrorResult })
export class FeedbackNotAllowedError extends ErrorResult {
  constructor(message: string) {
    super();
    this.errorCode = ErrorCode.FEEDBACK_NOT_ALLOWED;
    this.message = message;
  }
}

/** The line already has the caller's feedback; a line takes one. */
@ObjectType({ implements: ErrorResult })
export class FeedbackAlreadyGivenError extends ErrorResult {
  constructor(message: string) {
    super();
    this.errorCode = ErrorCode.FEEDBACK_ALREADY_GIVEN;
    this.message = message;
  }
}

/** The stored feedback, or why nothing was stored. */
export const GiveFeedbackResult = createUnionType({
  name: "GiveFeedbackResult",
  types: () =>
    [
      FeedbackType,
      InvalidInputError,
      NotFoundError,
      FeedbackNotAllowedError,
      FeedbackAlreadyGivenError,
    ] as const,
  // The view class is named …Type; error classes are named as in the schema.
  resolveType: (value) => (value instanceof FeedbackType ? FeedbackType : value.constructor.name),
});
