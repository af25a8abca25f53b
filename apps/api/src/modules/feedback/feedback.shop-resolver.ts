import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { InvalidInputError, NotFoundError } from "../../graphql/error-result";
import { type Page, PageInput } from "../../graphql/pagination";
import { RequireSignIn } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import {
  FeedbackAlreadyGivenError,
  FeedbackList,
  FeedbackNotAllowedError,
  type FeedbackType,
  GiveFeedbackInput,
  GiveFeedbackResult,
} from "./feedback.types";
import { giveFeedback, myFeedback } from "./feedback.service";

/** Feedback on the caller's own order lines. */
@Resolver()
export class FeedbackShopResolver {
  @RequireSignIn()
  @Mutation(() => GiveFeedbackResult, {
    description: "Rate one of your order lines after pickup; once per line.",
  })
  async giveFeedback(
    @Arg("input", () => GiveFeedbackInput) input: GiveFeedbackInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof GiveFeedbackResult> {
    const t = translatorFor(ctx.locale);
    const outcome = await giveFeedback(ctx, input, t);
    switch (outcome.kind) {
      case "given":
        return outcome.feedback;
      case "invalid":
        return new InvalidInputError(t("feedback.inputRefused"), outcome.problems);
      case "not-found":
        return new NotFoundError(t("feedback.orderLineNotFound"));
      case "not-allowed":
        return new FeedbackNotAllowedError(t("feedback.notAllowed"));
      case "already-given":
        return new FeedbackAlreadyGivenError(t("feedback.alreadyGiven"));
    }
  }

  @RequireSignIn()
  @Query(() => FeedbackList, { description: "Your feedback, newest first." })
  myFeedback(
    @Ctx() ctx: RequestContext,
    @Arg("page", () => PageInput, { defaultValue: { skip: 0, take: 20 } }) page: PageInput,
  ): Promise<Page<FeedbackType>> {
    return myFeedback(ctx, page);
  }
}
