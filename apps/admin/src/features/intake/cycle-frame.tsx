import { useMutation, useQuery } from "@apollo/client/react";
import { QueryState } from "@nested/web-kit";
import { type ReactNode, useState } from "react";
import { NavLink } from "react-router";
import {
  type AdminErrorResult,
  ErrorResultMessage,
  errorResultOf,
} from "../../components/error-result.js";
import type { OrderCycleState } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { HeldRefusalMessage, useHeldRefusal } from "./held-refusal.js";
import { CycleQuery, TransitionCycleMutation } from "../../lib/documents/cycle.js";

/** The cycle as the collection point's pages see it. */
export interface FrameCycle {
  id: string;
  code: string;
  state: OrderCycleState;
}

/**
 * The frame of the intake, packing and pickup pages of one cycle: its code and state, links
 * between the three pages, and buttons for the moves of `moves` the cycle may make now
 * (`nextStates`), e.g. "Start intake" (→ COLLECTING). A refused move is shown in words. The page
 * itself comes from `children(cycle)`; every query on screen is fetched again after a move.
 */
export function CycleFrame({
  cycleId,
  moves,
  children,
}: {
  cycleId: string;
  moves: readonly OrderCycleState[];
  children(cycle: FrameCycle): ReactNode;
}) {
  const { t } = useT();
  const { data, loading, error, refetch } = useQuery(CycleQuery, {
    variables: { id: cycleId },
  });
  const [transition, { loading: moving }] = useMutation(TransitionCycleMutation, {
    refetchQueries: "active",
    awaitRefetchQueries: true,
  });
  const [refusal, setRefusal] = useHeldRefusal();
  const [moved, setMoved] = useState<OrderCycleState | null>(null);
  const lookup = data?.orderCycle;
  if (!lookup)
    return (
      <QueryState loading={loading} error={error} retry={() => void refetch()} hasData={false} />
    );
  if (lookup.__typename !== "AdminOrderCycle")
    return (
      <ErrorResultMessage
        error={
          errorResultOf(lookup) ?? { errorCode: "NOT_FOUND", message: t("intake.cycle.notFound") }
        }
      />
    );
  const cycle = lookup;
  const stateName = (state: OrderCycleState) => t(`cycleState.${state}`);

  async function move(to: OrderCycleState) {
    setRefusal(null);
    setMoved(null);
    const answer = await transition({ variables: { id: cycleId, to } }).catch(
      (e: unknown): AdminErrorResult => ({
        errorCode: "NETWORK",
        message: `${t("state.failed")} (${e instanceof Error ? e.message : String(e)})`,
      }),
    );
    if ("errorCode" in answer) return setRefusal(answer);
    const refused = errorResultOf(answer.data?.transitionOrderCycle);
    if (refused) return setRefusal(refused);
    setMoved(to);
  }

  return (
    <div className="stack">
      <div className="cycle-frame no-print">
        <h1>{t("intake.cycle.heading", { code: cycle.code })}</h1>
        <p>{t("intake.cycle.state", { state: stateName(cycle.state) })}</p>
        <nav className="subnav" aria-label={t("intake.nav.label")}>
          <NavLink to="../intake" relative="path">
            {t("intake.nav.intake")}
          </NavLink>
          <NavLink to="../packing" relative="path">
            {t("intake.nav.packing")}
          </NavLink>
          <NavLink to="../pickups" relative="path">
            {t("intake.nav.pickups")}
          </NavLink>
        </nav>
        <div className="row">
          {moves
            .filter((to) => cycle.nextStates.includes(to))
            .map((to) => (
              <button
                key={to}
                type="button"
                className="primary big"
                disabled={moving}
                onClick={() => void move(to)}
              >
                {t(`intake.moveTo.${to}`)}
              </button>
            ))}
        </div>
        {moved && (
          <p className="notice" role="status">
            {t("intake.cycle.moved", { state: stateName(moved) })}
          </p>
        )}
        <HeldRefusalMessage held={refusal} />
      </div>
      {children(cycle)}
    </div>
  );
}
