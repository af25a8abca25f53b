import type { ErrorLike } from "@apollo/client";
import { Failed } from "@nested/web-kit";
import { useState } from "react";
import {
  type AdminErrorResult,
  ErrorResultMessage,
  errorResultOf,
} from "../../components/error-result.js";
import { useT } from "../../i18n/index.js";

/** What the last save said: a refusal in words, a confirmation, or a failed request. */
export interface Outcome {
  refusal?: AdminErrorResult;
  done?: string;
  failure?: ErrorLike;
}

/**
 * The outcome of a form's saves. `attempt(run, doneText)` runs a mutation that resolves to its
 * union member: an ErrorResult is shown as the refusal (the form keeps what was typed, since
 * nothing here clears it), anything else as `doneText` (or what it makes of the answer). Resolves true when it was saved.
 * `refuse(message)` shows a refusal found before asking the API (e.g. a future payout day).
 * Switching the page's language clears the message (it was written in the other language).
 */
export function useOutcome() {
  const { language } = useT();
  const [outcome, setOutcome] = useState<Outcome>({});
  // words shown in one language are not left on a page switched to the other (what was typed
  // stays in the forms; only the message of the last save goes)
  const [shownIn, setShownIn] = useState(language);
  if (shownIn !== language) {
    setShownIn(language);
    setOutcome({});
  }
  async function attempt<T>(
    run: () => Promise<T>,
    doneText: string | ((answer: T) => string),
  ): Promise<boolean> {
    setOutcome({});
    try {
      const answer = await run();
      const refusal = errorResultOf(answer);
      if (refusal) {
        setOutcome({ refusal });
        return false;
      }
      setOutcome({ done: typeof doneText === "function" ? doneText(answer) : doneText });
      return true;
    } catch (error) {
      setOutcome({ failure: error as ErrorLike });
      return false;
    }
  }
  function refuse(message: string, problems?: AdminErrorResult["problems"]) {
    setOutcome({ refusal: { errorCode: "INVALID_INPUT", message, problems } });
  }
  return { outcome, attempt, refuse };
}

/** Shows an {@link Outcome}: the refusal, the confirmation (polite status) or the failure. */
export function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  if (outcome.refusal) return <ErrorResultMessage error={outcome.refusal} />;
  if (outcome.failure) return <Failed error={outcome.failure} />;
  if (outcome.done)
    return (
      <p className="notice" role="status">
        {outcome.done}
      </p>
    );
  return null;
}
