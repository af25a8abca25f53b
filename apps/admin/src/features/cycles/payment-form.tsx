import { useMutation } from "@apollo/client/react";
import { formatFen, parseYuanToFen } from "@nested/domain";
import { Failed } from "@nested/web-kit";
import { type FormEvent, useState } from "react";
import {
  type AdminErrorResult,
  ErrorResultMessage,
  errorResultOf,
} from "../../components/error-result.js";
import { type PaymentMethod, PaymentMethodSelect } from "../../components/payment-method-select.js";
import { useT } from "../../i18n/index.js";
import { evictRootFields } from "../../lib/apollo.js";
import { TextField } from "../../lib/form-fields.js";
import { RecordPaymentMutation } from "./documents.js";

/**
 * Records money received for one order: amount in yuan (starts at what is still owed, converted
 * to integer fen by `parseYuanToFen`), method and an optional reference (the transfer's number).
 * A refusal (more than owed, not an amount) is shown in words and keeps what was typed.
 */
export function PaymentForm({
  orderId,
  shortCode,
  balanceFen,
  onDone,
}: {
  orderId: string;
  shortCode: string;
  balanceFen: number;
  onDone(amountFen: number): void;
}) {
  const { t } = useT();
  const [amount, setAmount] = useState((Math.max(0, balanceFen) / 100).toFixed(2));
  const [method, setMethod] = useState<PaymentMethod>("WECHAT_PAY");
  const [reference, setReference] = useState("");
  const [refusal, setRefusal] = useState<AdminErrorResult | null>(null);
  const [record, { loading, error }] = useMutation(RecordPaymentMutation, {
    update: (cache) => evictRootFields(cache, ["orders", "orderPayments"]),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setRefusal(null);
    let amountFen: number;
    try {
      amountFen = parseYuanToFen(amount);
    } catch {
      return setRefusal({
        errorCode: "INVALID_INPUT",
        message: t("cycles.notAnAmount", { field: t("cycles.amount"), text: amount }),
      });
    }
    const { data } = await record({
      variables: { orderId, amountFen, method, reference: reference.trim() || null },
    }).catch(() => ({ data: undefined }));
    const refused = errorResultOf(data?.recordPayment);
    if (refused) return setRefusal(refused);
    if (data?.recordPayment.__typename === "RecordedPayment") onDone(amountFen);
  }

  return (
    <form
      className="stack payment-form"
      aria-label={t("cycles.paymentFor", { code: shortCode })}
      onSubmit={(e) => void submit(e)}
    >
      <p className="muted">{t("cycles.stillOwed", { amount: formatFen(balanceFen) })}</p>
      <div className="row">
        <TextField
          label={t("cycles.amount")}
          name="amount"
          inputMode="decimal"
          value={amount}
          onChange={setAmount}
        />
        <PaymentMethodSelect label={t("cycles.method")} value={method} onChange={setMethod} />
        <TextField
          label={t("cycles.reference")}
          name="reference"
          value={reference}
          onChange={setReference}
        />
        <button type="submit" className="primary" disabled={loading}>
          {loading ? t("state.saving") : t("cycles.recordPayment")}
        </button>
      </div>
      {refusal && <ErrorResultMessage error={refusal} />}
      {error && <Failed error={error} />}
    </form>
  );
}
