import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { useT } from "../../i18n/index.js";
import { isFutureDay } from "./amounts.js";
import { shanghaiDay } from "../../lib/shanghai-time.js";
import { MarkSettlementPaidMutation } from "./documents.js";
import { refreshSettlements } from "./evict.js";
import { OutcomeMessage, useOutcome } from "./outcome.js";
import { type PaymentMethod, PaymentMethodSelect } from "../../components/payment-method-select.js";

/**
 * Records an approved settlement's payout (settlement:pay): method, the business day it was paid
 * (today in Shanghai by default; a later day is refused here before the API is asked) and an
 * optional reference. A refusal leaves everything typed in place.
 */
export function PayForm({ id }: { id: string }) {
  const { t } = useT();
  const today = shanghaiDay();
  const [method, setMethod] = useState<PaymentMethod>("BANK_TRANSFER");
  const [paidOn, setPaidOn] = useState(today);
  const [reference, setReference] = useState("");
  const { outcome, attempt, refuse } = useOutcome();
  const [pay, { loading }] = useMutation(MarkSettlementPaidMutation, refreshSettlements);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!paidOn)
      return refuse(t("settlements.input.required"), [
        { field: t("settlements.pay.paidOn"), message: t("settlements.input.required") },
      ]);
    if (isFutureDay(paidOn)) return refuse(t("settlements.pay.future", { today: shanghaiDay() }));
    await attempt(
      async () =>
        (
          await pay({
            variables: { id, method, paidOn, reference: reference.trim() || null },
          })
        ).data?.markSettlementPaid,
      t("settlements.pay.done"),
    );
  }
  return (
    // noValidate: a day after `max` is refused by this form in words, not by a browser bubble
    <form className="stack narrow" onSubmit={submit} aria-labelledby="pay-title" noValidate>
      <h3 id="pay-title">{t("settlements.pay.title")}</h3>
      <PaymentMethodSelect
        label={t("settlements.pay.method")}
        value={method}
        onChange={setMethod}
      />
      <label>
        {t("settlements.pay.paidOn")}
        <input
          name="paidOn"
          type="date"
          max={today}
          value={paidOn}
          onChange={(e) => setPaidOn(e.target.value)}
        />
      </label>
      <label>
        {t("settlements.pay.reference")}
        <input
          name="reference"
          maxLength={100}
          value={reference}
          onChange={(e) => setReference(e.target.value)}
        />
      </label>
      <OutcomeMessage outcome={outcome} />
      <button type="submit" className="primary" disabled={loading}>
        {t("settlements.pay.submit")}
      </button>
    </form>
  );
}
