import { useMutation } from "@apollo/client/react";
import { useT } from "../../i18n/index.js";
import { useViewer } from "../../lib/viewer.js";
import { CorrectionForm } from "./correction-form.js";
import {
  AcknowledgeSettlementMutation,
  ApproveSettlementMutation,
  DisputeSettlementMutation,
  ResolveDisputeMutation,
} from "./documents.js";
import { refreshSettlements } from "./evict.js";
import { NoteForm } from "./note-form.js";
import { OutcomeMessage, useOutcome } from "./outcome.js";
import { PayForm } from "./pay-form.js";

/** The settlement fields the actions decide on. */
export interface ActionableSettlement {
  id: string;
  orderCycleId: string;
  state: string;
  paidOn?: string | null;
}

/**
 * What can be done with a settlement now, by its state (settlementMachine) and the viewer's role:
 * approve (CALCULATED/ADJUSTED, settlement:approve), pay (APPROVED, settlement:pay), acknowledge
 * (PAID, settlement:pay), dispute (CALCULATED/APPROVED/PAID), resolve (DISPUTED) and a correction
 * in a later cycle (paid: PAID, ACKNOWLEDGED, or ADJUSTED after payment).
 */
export function SettlementActions({ settlement: s }: { settlement: ActionableSettlement }) {
  const { t } = useT();
  const { can } = useViewer();
  const { outcome, attempt } = useOutcome();
  const [approve, approving] = useMutation(ApproveSettlementMutation, refreshSettlements);
  const [acknowledge, acknowledging] = useMutation(
    AcknowledgeSettlementMutation,
    refreshSettlements,
  );
  const [dispute] = useMutation(DisputeSettlementMutation, refreshSettlements);
  const [resolve] = useMutation(ResolveDisputeMutation, refreshSettlements);
  const approver = can("settlement:approve");
  const payer = can("settlement:pay");
  const canApprove = approver && (s.state === "CALCULATED" || s.state === "ADJUSTED");
  const canPay = payer && s.state === "APPROVED";
  const canAcknowledge = payer && s.state === "PAID";
  const canDispute = approver && ["CALCULATED", "APPROVED", "PAID"].includes(s.state);
  const canResolve = approver && s.state === "DISPUTED";
  const paid =
    s.state === "PAID" || s.state === "ACKNOWLEDGED" || (s.state === "ADJUSTED" && !!s.paidOn);
  const canCorrect = approver && paid;
  const any = canApprove || canPay || canAcknowledge || canDispute || canResolve || canCorrect;
  return (
    <section className="stack no-print" aria-labelledby="actions-title">
      <h2 id="actions-title">{t("settlements.detail.actions")}</h2>
      <OutcomeMessage outcome={outcome} />
      {!any && <p className="muted">{t("settlements.detail.noActions")}</p>}
      {(s.state === "APPROVED" || s.state === "PAID") && !payer && (
        <p className="muted">{t("settlements.detail.notAllowed")}</p>
      )}
      <div className="row">
        {canApprove && (
          <button
            type="button"
            className="primary"
            disabled={approving.loading}
            onClick={() =>
              void attempt(
                async () => (await approve({ variables: { id: s.id } })).data?.approveSettlement,
                t("settlements.approved"),
              )
            }
          >
            {t("settlements.approve")}
          </button>
        )}
        {canAcknowledge && (
          <button
            type="button"
            className="primary"
            disabled={acknowledging.loading}
            onClick={() =>
              void attempt(
                async () =>
                  (await acknowledge({ variables: { id: s.id } })).data?.acknowledgeSettlement,
                t("settlements.acknowledged"),
              )
            }
          >
            {t("settlements.acknowledge")}
          </button>
        )}
      </div>
      {canPay && <PayForm id={s.id} />}
      {canDispute && (
        <NoteForm
          name="dispute"
          title={t("settlements.dispute.title")}
          label={t("settlements.dispute.note")}
          submitLabel={t("settlements.dispute.submit")}
          doneText={t("settlements.dispute.done")}
          save={async (note) =>
            (await dispute({ variables: { id: s.id, note } })).data?.disputeSettlement
          }
        />
      )}
      {canResolve && (
        <NoteForm
          name="resolve"
          title={t("settlements.resolve.title")}
          label={t("settlements.resolve.note")}
          submitLabel={t("settlements.resolve.submit")}
          doneText={t("settlements.resolve.done")}
          save={async (note) =>
            (await resolve({ variables: { id: s.id, note } })).data?.resolveSettlementDispute
          }
        />
      )}
      {canCorrect && <CorrectionForm settlementId={s.id} orderCycleId={s.orderCycleId} />}
    </section>
  );
}
