import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { useT } from "../../i18n/index.js";
import { TextAreaField, TextField } from "../../lib/form-fields.js";
import { yuanToFen } from "./amounts.js";
import { useSettlementCycles } from "./cycle-picker.js";
import { AddCorrectionMutation } from "./documents.js";
import { refreshSettlements } from "./evict.js";
import { OutcomeMessage, useOutcome } from "./outcome.js";

/** Cycle states a correction can no longer be booked in. */
const CLOSED_STATES = ["SETTLED", "ARCHIVED", "CANCELLED"];

/**
 * Corrects a paid settlement (which never changes) with a new one in a later, unsettled cycle of
 * the same producer group: an amount in yuan (negative takes money back), converted exactly to
 * fen, and a reason. Refusals keep what was typed.
 */
export function CorrectionForm({
  settlementId,
  orderCycleId,
}: {
  settlementId: string;
  orderCycleId: string;
}) {
  const { t } = useT();
  const { cycles } = useSettlementCycles();
  const original = cycles.find((c) => c.id === orderCycleId);
  const later = cycles.filter(
    (c) =>
      original &&
      c.producerGroupId === original.producerGroupId &&
      c.deliveryOn > original.deliveryOn &&
      !CLOSED_STATES.includes(c.state),
  );
  const [cycle, setCycle] = useState("");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const { outcome, attempt, refuse } = useOutcome();
  const [correct, { loading }] = useMutation(AddCorrectionMutation, refreshSettlements);
  if (!original) return null;
  if (later.length === 0)
    return <p className="muted">{t("settlements.correction.noLaterCycle")}</p>;
  const chosen = cycle || later[0]!.id;
  async function submit(event: FormEvent) {
    event.preventDefault();
    const fen = yuanToFen(amount, true);
    if (!fen.ok)
      return refuse(t(`settlements.${fen.problem}`), [
        { field: t("settlements.correction.amount"), message: t(`settlements.${fen.problem}`) },
      ]);
    const saved = await attempt(
      async () =>
        (
          await correct({
            variables: { settlementId, orderCycleId: chosen, amountFen: fen.value, reason },
          })
        ).data?.addSettlementCorrection,
      t("settlements.correction.done"),
    );
    // booked: clear the form so that a second tap cannot book the same correction twice
    if (saved) {
      setAmount("");
      setReason("");
    }
  }
  return (
    <form className="stack narrow" onSubmit={submit} aria-labelledby="correction-title">
      <h3 id="correction-title">{t("settlements.correction.title")}</h3>
      <label>
        {t("settlements.correction.cycle")}
        <select name="correctionCycle" value={chosen} onChange={(e) => setCycle(e.target.value)}>
          {later.map((c) => (
            <option key={c.id} value={c.id}>
              {c.code} ({t(`cycleState.${c.state}`)})
            </option>
          ))}
        </select>
      </label>
      <TextField
        label={t("settlements.correction.amount")}
        name="amount"
        inputMode="decimal"
        value={amount}
        onChange={setAmount}
      />
      <TextAreaField
        label={t("settlements.correction.reason")}
        name="reason"
        maxLength={500}
        value={reason}
        onChange={setReason}
      />
      <OutcomeMessage outcome={outcome} />
      <button type="submit" disabled={loading}>
        {t("settlements.correction.submit")}
      </button>
    </form>
  );
}
