import { useMutation } from "@apollo/client/react";
import { Failed } from "@nested/web-kit";
import { useState } from "react";
import {
  type AdminErrorResult,
  ErrorResultMessage,
  errorResultOf,
} from "../../components/error-result.js";
import type { OrderCycleState } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { evictRootFields } from "../../lib/apollo.js";
import { TransitionCycleMutation } from "../../lib/documents/cycle.js";
import type { BoardCycle } from "./use-cycle.js";

/** Moves that undo work or cannot be taken back: asked again before they are sent. */
const DESTRUCTIVE: readonly OrderCycleState[] = ["CANCELLED", "ARCHIVED"];

/**
 * One button per state the cycle may move to now (`nextStates`); destructive moves (cancel,
 * archive) ask for a second, explicit confirmation. A refusal (InvalidTransitionError, an effect's
 * InvalidInputError) is shown in words with the moves still allowed.
 */
export function TransitionButtons({ cycle }: { cycle: BoardCycle }) {
  const { t } = useT();
  const [confirming, setConfirming] = useState<OrderCycleState | null>(null);
  const [refusal, setRefusal] = useState<(AdminErrorResult & { allowed?: string[] }) | null>(null);
  const [moved, setMoved] = useState<OrderCycleState | null>(null);
  const [transition, { loading, error }] = useMutation(TransitionCycleMutation, {
    update: (cache) =>
      evictRootFields(cache, [
        "orderCycle",
        "orderCycles",
        "cycleOverview",
        "orders",
        "offers",
        "cycleAllocation",
        "lots",
      ]),
  });

  async function move(to: OrderCycleState) {
    setConfirming(null);
    setRefusal(null);
    setMoved(null);
    const { data } = await transition({ variables: { id: cycle.id, to } }).catch(() => ({
      data: undefined,
    }));
    const answer = data?.transitionOrderCycle;
    const refused = errorResultOf(answer);
    if (refused) {
      return setRefusal({
        ...refused,
        allowed: answer && "allowed" in answer ? answer.allowed : undefined,
      });
    }
    if (answer?.__typename === "AdminOrderCycle") setMoved(answer.state);
  }

  if (cycle.nextStates.length === 0) return <p className="muted">{t("cycles.noNextStep")}</p>;
  return (
    <div className="stack">
      <div className="row" role="group" aria-label={t("cycles.nextSteps")}>
        {cycle.nextStates.map((to) => (
          <button
            key={to}
            type="button"
            className={DESTRUCTIVE.includes(to) ? "danger" : "primary"}
            disabled={loading}
            onClick={() => (DESTRUCTIVE.includes(to) ? setConfirming(to) : void move(to))}
          >
            {t(`cycles.moveTo.${to}`)}
          </button>
        ))}
      </div>
      {confirming && (
        <div className="alert" role="alertdialog" aria-labelledby="confirm-move">
          <p id="confirm-move">{t(`cycles.confirm.${confirming}`, { code: cycle.code })}</p>
          <div className="row">
            <button type="button" className="danger" onClick={() => void move(confirming)}>
              {t("cycles.confirmYes", { step: t(`cycles.moveTo.${confirming}`) })}
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              {t("cycles.confirmNo")}
            </button>
          </div>
        </div>
      )}
      {loading && <p role="status">{t("state.saving")}</p>}
      {moved && (
        <p className="notice" role="status">
          {t("cycles.movedTo", { state: t(`cycleState.${moved}`) })}
        </p>
      )}
      {refusal && (
        <>
          <ErrorResultMessage error={refusal} />
          {refusal.allowed && (
            <p className="muted">
              {refusal.allowed.length
                ? t("cycles.allowedNow", {
                    states: refusal.allowed.map((s) => t(`cycleState.${s}`)).join("、"),
                  })
                : t("cycles.noNextStep")}
            </p>
          )}
        </>
      )}
      {error && <Failed error={error} />}
    </div>
  );
}
