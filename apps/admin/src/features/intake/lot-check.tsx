import { useMutation } from "@apollo/client/react";
import { formatFen } from "@nested/domain";
import { type KeyboardEvent, useId, useState } from "react";
import { type AdminErrorResult, errorResultOf } from "../../components/error-result.js";
import type { IntakeLotsQuery, RejectionReason } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { HeldRefusalMessage, useHeldRefusal } from "./held-refusal.js";
import { DataName, ProductName } from "./names.js";
import {
  IntakeLotsQuery as LotsDocument,
  IntakeProgressQuery,
  RecordQualityCheckMutation,
} from "./queries.js";

/** One lot as the intake list shows it. */
export type IntakeLot = IntakeLotsQuery["lots"]["items"][number];

/** The reasons the API accepts for a shortfall (RejectionReason), in the order shown. */
export const REJECTION_REASONS: readonly RejectionReason[] = [
  "STALE",
  "CRACKED",
  "UNDERWEIGHT",
  "NOT_OWN_PRODUCE",
  "PACKAGING",
];

/** States of a lot that has been through its quality check. */
const CHECKED = new Set(["ACCEPTED", "PARTIAL", "REJECTED", "PACKED", "SOLD"]);

/** A whole number of units ≥ 0 from a field, or null. */
function units(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : null;
}

/** The received field of the lot after `input` in the list, to move on to after Enter. */
function nextReceivedField(input: HTMLInputElement): HTMLInputElement | undefined {
  const fields = [...document.querySelectorAll<HTMLInputElement>("input[data-received]")];
  return fields[fields.indexOf(input) + 1];
}

/**
 * One lot on the intake screen (a tablet at the collection point): who brought what and how much
 * was allocated; the units received (filled with the allocation), then one tap: accept all
 * (accepted = received), partial (units accepted, then one tap on the reason saves) or reject
 * (one tap on the reason saves, accepted = 0). Enter in the received field accepts all and moves
 * to the next lot. A refusal is shown in words under the lot and the fields keep what was typed.
 * After the check: the result, the reason, the units short and the refund the API wrote, in ¥.
 */
export function LotCheck({
  lot,
  canCheck,
}: {
  lot: IntakeLot;
  /** False unless the cycle is COLLECTING (the controls are then not offered). */
  canCheck: boolean;
}) {
  const { t } = useT();
  const id = useId();
  const [received, setReceived] = useState(String(lot.quantityAllocated));
  const [accepted, setAccepted] = useState("");
  const [mode, setMode] = useState<"partial" | "reject" | null>(null);
  const [refusal, setRefusal] = useHeldRefusal();
  const [record, { loading }] = useMutation(RecordQualityCheckMutation, {
    refetchQueries: [LotsDocument, IntakeProgressQuery],
    awaitRefetchQueries: true,
  });
  const headingId = `${id}-heading`;

  async function save(acceptedUnits: string, reason?: RejectionReason): Promise<boolean> {
    setRefusal(null);
    const r = units(received);
    const a = units(acceptedUnits);
    if (r === null || a === null) {
      setRefusal({ errorCode: "INVALID_INPUT", message: t("intake.intake.notWhole") });
      return false;
    }
    const answer = await record({
      variables: { input: { lotId: lot.id, quantityReceived: r, quantityAccepted: a, reason } },
    }).catch((e: unknown): AdminErrorResult => ({
      errorCode: "NETWORK",
      message: `${t("state.failed")} (${e instanceof Error ? e.message : String(e)})`,
    }));
    if ("errorCode" in answer) {
      setRefusal(answer);
      return false;
    }
    const result = answer.data?.recordQualityCheck;
    const refused = errorResultOf(result);
    if (refused || result?.__typename !== "QualityCheckRecorded") {
      setRefusal(refused ?? { errorCode: "UNKNOWN", message: t("state.failed") });
      return false;
    }
    return true;
  }

  async function onReceivedKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const next = nextReceivedField(event.currentTarget);
    if (await save(received)) next?.focus();
  }

  const checked = CHECKED.has(lot.state);
  // the rule of the API's shortfall: allocated − min(accepted, allocated)
  const shortfall =
    lot.quantityAllocated - Math.min(lot.quantityAccepted ?? 0, lot.quantityAllocated);
  return (
    <section className={`lot lot-${lot.state.toLowerCase()}`} aria-labelledby={headingId}>
      <div className="lot-what">
        <h3 id={headingId} className="lot-heading">
          <span>{lot.householdCode}</span>{" "}
          <span className="muted small">
            <DataName zh={lot.villageNameZh} en={lot.villageNameEn} />
          </span>
        </h3>
        <p className="lot-product">
          <ProductName line={lot} />
        </p>
        <p className="small">
          {lot.state === "DECLARED"
            ? t("intake.intake.declared", { units: lot.quantityDeclared })
            : t("intake.intake.allocated", { units: lot.quantityAllocated })}
          {lot.householdComplaints > 0 && (
            <> · {t("intake.intake.complaints", { count: lot.householdComplaints })}</>
          )}
        </p>
        <p className="lot-state">{t(`intake.lotState.${lot.state}`)}</p>
      </div>
      {checked && (
        <div className="lot-result" role="status">
          <p>
            {t("intake.intake.result", {
              state: t(`intake.lotState.${lot.state}`),
              received: lot.quantityReceived ?? 0,
              accepted: lot.quantityAccepted ?? 0,
            })}
          </p>
          {lot.rejectionReason && (
            <p>
              {t("intake.intake.reasonWas", { reason: t(`intake.reason.${lot.rejectionReason}`) })}
            </p>
          )}
          <p className="lot-refund">
            {shortfall > 0
              ? t("intake.intake.refund", { units: shortfall, amount: formatFen(lot.refundedFen) })
              : t("intake.intake.noRefund")}
          </p>
        </div>
      )}
      {!checked && lot.state === "ALLOCATED" && canCheck && (
        <div className="lot-controls">
          <label>
            {t("intake.intake.received")}
            <input
              data-received
              inputMode="numeric"
              className="big"
              value={received}
              onChange={(e) => setReceived(e.target.value)}
              onKeyDown={(e) => void onReceivedKey(e)}
              onFocus={(e) => e.target.select()}
            />
          </label>
          <div className="row">
            <button
              type="button"
              className="primary big"
              disabled={loading}
              onClick={() => void save(received)}
            >
              {t("intake.intake.accept")}
            </button>
            <button
              type="button"
              className="big"
              aria-pressed={mode === "partial"}
              disabled={loading}
              onClick={() => setMode(mode === "partial" ? null : "partial")}
            >
              {t("intake.intake.partial")}
            </button>
            <button
              type="button"
              className="danger big"
              aria-pressed={mode === "reject"}
              disabled={loading}
              onClick={() => setMode(mode === "reject" ? null : "reject")}
            >
              {t("intake.intake.reject")}
            </button>
          </div>
          {mode === "partial" && (
            <label>
              {t("intake.intake.accepted")}
              <input
                inputMode="numeric"
                className="big"
                value={accepted}
                onChange={(e) => setAccepted(e.target.value)}
                autoFocus
              />
            </label>
          )}
          {mode && (
            <div className="reasons" role="group" aria-label={t("intake.intake.chooseReason")}>
              <p className="small">{t("intake.intake.chooseReason")}</p>
              {REJECTION_REASONS.map((reason) => (
                <button
                  key={reason}
                  type="button"
                  className={mode === "reject" ? "danger big" : "big"}
                  disabled={loading}
                  onClick={() => void save(mode === "reject" ? "0" : accepted, reason)}
                >
                  {t(`intake.reason.${reason}`)}
                </button>
              ))}
            </div>
          )}
          {loading && <p role="status">{t("intake.intake.saving")}</p>}
        </div>
      )}
      <HeldRefusalMessage held={refusal} />
    </section>
  );
}
