import { useMutation, useQuery } from "@apollo/client/react";
import { formatFen } from "@nested/domain";
import { type FormEvent, useState } from "react";
import { QueryStatus } from "../../components/query-status.js";
import { useT } from "../../i18n/index.js";
import { evictRootFields } from "../../lib/apollo.js";
import { CreditOwedQuery, RecordRefundMutation } from "./documents.js";
import { OutcomeMessage, useOutcome } from "./outcome.js";
import { type PaymentMethod, PaymentMethodSelect } from "../../components/payment-method-select.js";

/** An order's short code as the packing list prints it: the first 8 characters of its id. */
function shortCode(orderId: string): string {
  return orderId.slice(0, 8).toUpperCase();
}

interface OwedOrder {
  id: string;
  dueFen: number;
  paidFen: number;
  balanceFen: number;
}

/** One order owed money back, with its own method and reference (kept when refused). */
function RefundRow({ order }: { order: OwedOrder }) {
  const { t } = useT();
  const [method, setMethod] = useState<PaymentMethod>("WECHAT_PAY");
  const [reference, setReference] = useState("");
  const { outcome, attempt } = useOutcome();
  const [refund, { loading }] = useMutation(RecordRefundMutation, {
    update: (cache) => evictRootFields(cache, ["orders", "reconciliation"]),
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    await attempt(
      async () =>
        (
          await refund({
            variables: { orderId: order.id, method, reference: reference.trim() || null },
          })
        ).data?.recordRefund,
      t("settlements.refunds.done"),
    );
  }
  const code = shortCode(order.id);
  return (
    <tr data-order={code}>
      <th scope="row">{code}</th>
      <td className="num">{formatFen(order.paidFen)}</td>
      <td className="num">{formatFen(order.dueFen)}</td>
      <td className="num">
        <strong>{formatFen(-order.balanceFen)}</strong>
      </td>
      <td>
        <form
          className="row"
          onSubmit={submit}
          aria-label={`${t("settlements.refunds.submit")} ${code}`}
        >
          <PaymentMethodSelect
            label={t("settlements.refunds.method")}
            value={method}
            onChange={setMethod}
          />
          <label>
            {t("settlements.refunds.reference")}
            <input
              name="reference"
              value={reference}
              onChange={(e) => setReference(e.target.value)}
            />
          </label>
          <button type="submit" disabled={loading}>
            {t("settlements.refunds.submit")}
          </button>
        </form>
        <OutcomeMessage outcome={outcome} />
      </td>
    </tr>
  );
}

/**
 * What the market owes consumers back in this cycle (orders CREDIT_OWED: paid more than is now
 * due after intake or a cancellation), each with a form to record the refund (payment:record).
 */
export function RefundsPanel({ orderCycleId }: { orderCycleId: string }) {
  const { t } = useT();
  const query = useQuery(CreditOwedQuery, { variables: { orderCycleId } });
  const orders = query.data?.orders.items;
  return (
    <section className="stack" aria-labelledby="refunds-title">
      <h2 id="refunds-title">{t("settlements.refunds.title")}</h2>
      {!orders ? (
        <QueryStatus query={query} />
      ) : orders.length === 0 ? (
        <p className="muted">{t("settlements.refunds.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("settlements.refunds.order")}</th>
                <th scope="col" className="num">
                  {t("settlements.refunds.paid")}
                </th>
                <th scope="col" className="num">
                  {t("settlements.refunds.due")}
                </th>
                <th scope="col" className="num">
                  {t("settlements.refunds.owed")}
                </th>
                <th scope="col">{t("settlements.table.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <RefundRow key={o.id} order={o} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
