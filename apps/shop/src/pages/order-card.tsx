import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { ErrorResultMessage, type ShopErrorResult } from "../components/error-result.js";
import { Failed } from "@nested/web-kit";
import { graphql } from "../gql/index.js";
import type { OrderFieldsFragment } from "../gql/graphql.js";
import { useT } from "../i18n/index.js";
import { evictRootFields } from "../lib/apollo.js";
import { dateTime, itemName, localDate, money, pick } from "../lib/format.js";
import { adjustmentSentence, refundWay } from "../lib/adjustment.js";
import { FeedbackForm } from "./feedback-form.js";
import { PickupDetails } from "./pickup-details.js";

const ChangeOrderMutation = graphql(`
  mutation ChangeOrder($orderId: ID!, $lines: [OrderLineInput!]!) {
    changeOrder(orderId: $orderId, lines: $lines) {
      __typename
      ... on Order {
        ...OrderFields
      }
      ... on ErrorResult {
        ...ErrorFields
      }
    }
  }
`);

const CancelOrderMutation = graphql(`
  mutation CancelOrder($orderId: ID!) {
    cancelOrder(orderId: $orderId) {
      __typename
      ... on Order {
        ...OrderFields
      }
      ... on ErrorResult {
        ...ErrorFields
      }
    }
  }
`);

/** One order: state, payment, lines with provenance, refunds; change/cancel while open; feedback. */
export function OrderCard({
  order,
  feedbackGiven,
}: {
  order: OrderFieldsFragment;
  feedbackGiven: Set<string>;
}) {
  const { t, language } = useT();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Record<string, number>>({});
  const [refusal, setRefusal] = useState<ShopErrorResult | null>(null);
  const refresh = {
    update: (cache: Parameters<typeof evictRootFields>[0]) =>
      evictRootFields(cache, ["offers", "product"]),
  };
  const [change, changing] = useMutation(ChangeOrderMutation, refresh);
  const [cancel, cancelling] = useMutation(CancelOrderMutation, refresh);
  const editable =
    order.state === "PLACED" && new Date(order.cycle.closesAt).getTime() > Date.now();
  const canGiveFeedback = order.state === "PICKED_UP" || order.state === "CLOSED";
  const outcome = (answer: { __typename: string } | undefined) => {
    if (!answer) return;
    if (answer.__typename === "Order") {
      setEditing(false);
      setRefusal(null);
    } else setRefusal(answer as ShopErrorResult);
  };
  const headingId = `order-${order.id}`;
  const way = refundWay(order.paidFen, order.paymentState);
  return (
    <article className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t("orders.heading", { code: order.cycle.code, when: dateTime(order.placedAt, language) })}
      </h2>
      <p>
        <span className={`badge s-${order.state}`}>{t(`orderState.${order.state}`)}</span>{" "}
        <span className="badge">{t(`paymentState.${order.paymentState}`)}</span>
      </p>
      <ul className="lines">
        {order.lines.map((line) => {
          const name = itemName(
            pick(language, line.productNameZh, line.productNameEn),
            pick(language, line.variantNameZh, line.variantNameEn),
          );
          return (
            <li key={line.id} className="line col">
              <div className="row">
                <span className="grow">{name}</span>
                {editing ? (
                  <>
                    <label className="sr-only" htmlFor={`e-${line.id}`}>
                      {t("cart.quantityOf", { name })}
                    </label>
                    <input
                      id={`e-${line.id}`}
                      className="qty"
                      type="number"
                      min={0}
                      value={draft[line.offerId] ?? line.quantity}
                      onChange={(e) =>
                        setDraft({ ...draft, [line.offerId]: Number(e.target.value) })
                      }
                    />
                  </>
                ) : (
                  <span>
                    {line.quantityAccepted != null && line.quantityAccepted !== line.quantity
                      ? t("orders.acceptedOfOrdered", {
                          accepted: line.quantityAccepted,
                          count: line.quantity,
                        })
                      : t("orders.qty", { count: line.quantity })}{" "}
                    × {money(line.unitPriceFen)}
                  </span>
                )}
                <span className="amount">{money(line.lineTotalFen)}</span>
              </div>
              {line.provenance.map((p) => (
                <p key={p.householdCode} className="small muted">
                  {p.qualityCheckedOn
                    ? t("orders.provenanceChecked", {
                        count: p.quantity,
                        code: p.householdCode,
                        village: pick(language, p.villageNameZh, p.villageNameEn),
                        day: localDate(p.qualityCheckedOn, language),
                      })
                    : t("orders.provenance", {
                        count: p.quantity,
                        code: p.householdCode,
                        village: pick(language, p.villageNameZh, p.villageNameEn),
                      })}
                </p>
              ))}
              {canGiveFeedback &&
                (feedbackGiven.has(line.id) ? (
                  <p className="small">{t("feedback.thanks")}</p>
                ) : (
                  <FeedbackToggle orderLineId={line.id} name={name} />
                ))}
            </li>
          );
        })}
      </ul>
      <dl className="facts">
        <dt>{t("orders.total")}</dt>
        <dd>{money(order.totalFen)}</dd>
        <dt>{t("orders.paid")}</dt>
        <dd>{money(order.paidFen)}</dd>
        {order.refundsFen > 0 && (
          <>
            <dt>{t(`orders.refunds.${way}`)}</dt>
            <dd>{money(order.refundsFen)}</dd>
          </>
        )}
        <dt>{order.balanceFen < 0 ? t("orders.owedToYou") : t("orders.balance")}</dt>
        <dd>{money(Math.abs(order.balanceFen))}</dd>
        <dt>{t("orders.delivery")}</dt>
        <dd>{localDate(order.cycle.deliveryOn, language)}</dd>
      </dl>
      {order.adjustments.length > 0 && (
        <ul className="small">
          {order.adjustments.map((a) => (
            <li key={a.id}>{adjustmentSentence(a, way, t)}</li>
          ))}
        </ul>
      )}
      <PickupDetails point={order.pickupPoint} />
      {refusal && <ErrorResultMessage error={refusal} />}
      {(changing.error || cancelling.error) && (
        <Failed error={(changing.error ?? cancelling.error)!} />
      )}
      {editable && (
        <div className="row">
          {editing ? (
            <>
              <button
                type="button"
                className="primary"
                disabled={changing.loading}
                onClick={async () => {
                  const lines = Object.entries(draft).map(([offerId, quantity]) => ({
                    offerId,
                    quantity,
                  }));
                  const result = await change({ variables: { orderId: order.id, lines } }).catch(
                    () => null,
                  );
                  outcome(result?.data?.changeOrder);
                }}
              >
                {t("orders.save")}
              </button>
              <button type="button" onClick={() => setEditing(false)}>
                {t("orders.keep")}
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setEditing(true)}>
              {t("orders.change")}
            </button>
          )}
          <button
            type="button"
            className="danger"
            disabled={cancelling.loading}
            onClick={async () => {
              if (!window.confirm(t("orders.confirmCancel"))) return;
              const result = await cancel({ variables: { orderId: order.id } }).catch(() => null);
              outcome(result?.data?.cancelOrder);
            }}
          >
            {t("orders.cancel")}
          </button>
        </div>
      )}
    </article>
  );
}

/** A line's feedback form, folded behind a "Give feedback" button so past orders stay short. */
function FeedbackToggle({ orderLineId, name }: { orderLineId: string; name: string }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  if (open) return <FeedbackForm orderLineId={orderLineId} name={name} />;
  return (
    <button
      type="button"
      className="small"
      aria-label={t("feedback.about", { name })}
      onClick={() => setOpen(true)}
    >
      {t("feedback.open")}
    </button>
  );
}
