import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { ErrorResultMessage, type ShopErrorResult } from "../components/error-result.js";
import { graphql } from "../gql/index.js";
import type { FeedbackCategory } from "../gql/graphql.js";
import { useT } from "../i18n/index.js";
import { evictRootFields } from "../lib/apollo.js";

const GiveFeedbackMutation = graphql(`
  mutation GiveFeedback($input: GiveFeedbackInput!) {
    giveFeedback(input: $input) {
      __typename
      ... on Feedback {
        id
        orderLineId
      }
      ... on ErrorResult {
        ...ErrorFields
      }
    }
  }
`);

const CATEGORIES: FeedbackCategory[] = ["FRESHNESS", "TASTE", "SIZE", "CUT", "PACKAGING", "OTHER"];

/** Rate one order line after pickup (1–5, what about, a comment). */
export function FeedbackForm({ orderLineId, name }: { orderLineId: string; name: string }) {
  const { t } = useT();
  const [rating, setRating] = useState(5);
  const [category, setCategory] = useState<FeedbackCategory>("FRESHNESS");
  const [comment, setComment] = useState("");
  const [refusal, setRefusal] = useState<ShopErrorResult | null>(null);
  const [give, giving] = useMutation(GiveFeedbackMutation, {
    update: (cache) => evictRootFields(cache, ["myFeedback"]),
  });
  const id = `fb-${orderLineId}`;
  return (
    <form
      className="feedback"
      aria-label={t("feedback.about", { name })}
      onSubmit={async (e) => {
        e.preventDefault();
        const result = await give({
          variables: { input: { orderLineId, rating, category, comment: comment || null } },
        }).catch(() => null);
        const answer = result?.data?.giveFeedback;
        if (answer && answer.__typename !== "Feedback") setRefusal(answer as ShopErrorResult);
      }}
    >
      <label htmlFor={`${id}-r`}>{t("feedback.rating")}</label>
      <select id={`${id}-r`} value={rating} onChange={(e) => setRating(Number(e.target.value))}>
        {[5, 4, 3, 2, 1].map((r) => (
          <option key={r} value={r}>
            {t(`feedback.stars${r}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-c`}>{t("feedback.category")}</label>
      <select
        id={`${id}-c`}
        value={category}
        onChange={(e) => setCategory(e.target.value as FeedbackCategory)}
      >
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`feedbackCategory.${c}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-t`}>{t("feedback.comment")}</label>
      <textarea
        id={`${id}-t`}
        maxLength={2000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      {refusal && <ErrorResultMessage error={refusal} />}
      <button type="submit" disabled={giving.loading}>
        {t("feedback.send")}
      </button>
    </form>
  );
}
