import { useMutation } from "@apollo/client/react";
import { localDate } from "@nested/domain";
import { Link } from "react-router";
import { useT } from "../../i18n/index.js";
import { evictRootFields } from "../../lib/apollo.js";
import { useViewer } from "../../lib/viewer.js";
import type { CycleChoice } from "./cycle-picker.js";
import { TransitionCycleMutation } from "../../lib/documents/cycle.js";
import { RecalculateMutation } from "./documents.js";
import { OutcomeMessage, useOutcome } from "./outcome.js";

/** The cycle moves the settlements page offers (to roles holding cycle:manage). */
const MONEY_STATES = ["SETTLING", "SETTLED"];

/**
 * The chosen cycle's state and delivery day, the fee rules of its group, the SETTLING / SETTLED
 * moves where the role may make them (cycle:manage; the API refuses with the reason otherwise,
 * e.g. unpaid settlements), and recalculation while SETTLING.
 */
export function CycleHeader({ cycle, groupName }: { cycle: CycleChoice; groupName: string }) {
  const { t, language } = useT();
  const { can } = useViewer();
  const { outcome, attempt } = useOutcome();
  const evict = {
    update: (cache: Parameters<typeof evictRootFields>[0]) =>
      evictRootFields(cache, ["settlements", "reconciliation", "orders", "orderCycles"]),
  };
  const [transition, transitioning] = useMutation(TransitionCycleMutation, evict);
  const [recalculate, recalculating] = useMutation(RecalculateMutation, evict);
  const moves = cycle.nextStates.filter((s) => MONEY_STATES.includes(s));
  return (
    <section className="stack" aria-label={t("settlements.cycle")}>
      <p className="row">
        <strong>{t("settlements.cycleState", { state: t(`cycleState.${cycle.state}`) })}</strong>
        <span>{t("settlements.deliveryOn", { day: localDate(cycle.deliveryOn, language) })}</span>
        <Link to={`/settlements/fee-rules?group=${cycle.producerGroupId}`}>
          {t("settlements.feeRulesLink")} · {groupName}
        </Link>
      </p>
      <div className="row no-print">
        {can("cycle:manage") &&
          moves.map((to) => (
            <button
              key={to}
              type="button"
              disabled={transitioning.loading}
              onClick={() =>
                void attempt(
                  async () =>
                    (await transition({ variables: { id: cycle.id, to: to as never } })).data
                      ?.transitionOrderCycle,
                  t("settlements.moved", { state: t(`cycleState.${to}`) }),
                )
              }
            >
              {t("settlements.moveTo", { state: t(`cycleState.${to}`) })}
            </button>
          ))}
        {cycle.state === "SETTLING" && (
          <button
            type="button"
            disabled={recalculating.loading}
            onClick={() =>
              void attempt(
                async () =>
                  (await recalculate({ variables: { orderCycleId: cycle.id } })).data
                    ?.recalculateSettlements,
                (answer) =>
                  t("settlements.recalculated", {
                    count:
                      answer?.__typename === "RecalculatedSettlements"
                        ? answer.settlements.length
                        : 0,
                  }),
              )
            }
          >
            {t("settlements.recalculate")}
          </button>
        )}
      </div>
      <OutcomeMessage outcome={outcome} />
    </section>
  );
}
