import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { useParams } from "react-router";
import { type AdminErrorResult, errorResultOf } from "../../components/error-result.js";
import { useT } from "../../i18n/index.js";
import { type HeldRefusal, HeldRefusalMessage } from "./held-refusal.js";
import { CycleFrame } from "./cycle-frame.js";
import { DataName, ProductName } from "./names.js";
import { type PackingPoint, PackingListState, usePackingList } from "./packing-page.js";
import { MarkNoShowMutation, MarkPickedUpMutation, PackingListQuery } from "./queries.js";
import { dialable } from "../../lib/phone.js";

/**
 * The answer of a pickup mutation: the refusal (in the API's words), or what was done as a string
 * key and its values (translated when shown, so it follows a language switch).
 */
type Answer =
  | { refusal: HeldRefusal }
  | { done: "intake.pickups.marked"; count: number }
  | { done: "intake.pickups.noShowDone"; code: string };

/** Turns a thrown network failure into a refusal in words. */
function failure(t: (key: string) => string, e: unknown): AdminErrorResult {
  return {
    errorCode: "NETWORK",
    message: `${t("state.failed")} (${e instanceof Error ? e.message : String(e)})`,
  };
}

function PointPickups({ point, canMark }: { point: PackingPoint; canMark: boolean }) {
  const { t, language } = useT();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [answer, setAnswer] = useState<Answer | null>(null);
  const options = { refetchQueries: [PackingListQuery], awaitRefetchQueries: true };
  const [markPickedUp, { loading: marking }] = useMutation(MarkPickedUpMutation, options);
  const [markNoShow, { loading: noShowing }] = useMutation(MarkNoShowMutation, options);
  const busy = marking || noShowing;
  const headingId = `pickups-${point.pickupPointId}`;

  async function pickedUp() {
    setAnswer(null);
    const orderIds = [...selected];
    const result = await markPickedUp({ variables: { orderIds } }).catch((e: unknown) =>
      failure(t, e),
    );
    if ("errorCode" in result) return setAnswer({ refusal: { error: result, language } });
    const refused = errorResultOf(result.data?.markOrdersPickedUp);
    if (refused) return setAnswer({ refusal: { error: refused, language } });
    setSelected(new Set());
    setAnswer({ done: "intake.pickups.marked", count: orderIds.length });
  }

  async function noShow(orderId: string, shortCode: string) {
    setAnswer(null);
    const result = await markNoShow({ variables: { orderId } }).catch((e: unknown) =>
      failure(t, e),
    );
    if ("errorCode" in result) return setAnswer({ refusal: { error: result, language } });
    const refused = errorResultOf(result.data?.markOrderNoShow);
    if (refused) return setAnswer({ refusal: { error: refused, language } });
    setSelected((s) => new Set([...s].filter((id) => id !== orderId)));
    setAnswer({ done: "intake.pickups.noShowDone", code: shortCode });
  }

  function toggle(orderId: string, on: boolean) {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(orderId);
      else next.delete(orderId);
      return next;
    });
  }

  return (
    <section className="pickup-point" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <DataName zh={point.nameZh} en={point.nameEn} />
      </h3>
      {point.orders.length === 0 && <p>{t("intake.pickups.empty")}</p>}
      <ul className="pickup-orders">
        {point.orders.map((order) => {
          const waiting = order.state === "DELIVERED";
          return (
            <li key={order.orderId} className={`pickup-order order-${order.state.toLowerCase()}`}>
              <label className="pickup-check">
                <input
                  type="checkbox"
                  disabled={!canMark || !waiting || busy}
                  checked={selected.has(order.orderId)}
                  onChange={(e) => toggle(order.orderId, e.target.checked)}
                  aria-label={t("intake.pickups.select", { code: order.shortCode })}
                />
                <span>
                  <code>{order.shortCode}</code> <span lang="zh-CN">{order.consumerName}</span>
                  {order.phone && <span className="muted small"> {dialable(order.phone)}</span>}
                </span>
              </label>
              <span className="pickup-items small">
                {order.lines.map((line, i) => (
                  <span key={line.variantId}>
                    {i > 0 && "; "}
                    <ProductName line={line} /> × {line.units}
                  </span>
                ))}
              </span>
              <span className="pickup-state">{t(`intake.pickups.orderState.${order.state}`)}</span>
              {canMark && waiting && (
                <button
                  type="button"
                  className="danger big"
                  disabled={busy}
                  onClick={() => void noShow(order.orderId, order.shortCode)}
                >
                  {t("intake.pickups.noShow")}
                  <span className="visually-hidden"> {order.shortCode}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {canMark && (
        <button
          type="button"
          className="primary big"
          disabled={busy || selected.size === 0}
          onClick={() => void pickedUp()}
        >
          {t("intake.pickups.markPickedUp", { count: selected.size })}
        </button>
      )}
      {answer && "refusal" in answer && <HeldRefusalMessage held={answer.refusal} />}
      {answer && "done" in answer && (
        <p className="notice" role="status">
          {t(answer.done, answer)}
        </p>
      )}
    </section>
  );
}

/**
 * Marking pickups of a cycle (`:id` in the URL) per pickup point: its orders with a checkbox each
 * and one "Mark picked up" (markOrdersPickedUp, all or none), and "No-show" per order
 * (markOrderNoShow); each answer in words. Marking is offered once the cycle is DELIVERED; the
 * frame's buttons move a PACKED cycle to DISPATCHED and on to DELIVERED.
 */
export function PickupsPage() {
  const { t } = useT();
  const { id = "" } = useParams();
  const packing = usePackingList(id);
  const { list } = packing;
  return (
    <CycleFrame cycleId={id} moves={["DISPATCHED", "DELIVERED"]}>
      {(cycle) => (
        <section className="stack pickups" aria-labelledby="pickups-title">
          <h2 id="pickups-title">{t("intake.nav.pickups")}</h2>
          <p className="muted">{t("intake.pickups.lead")}</p>
          {cycle.state !== "DELIVERED" && (
            <p className="notice">{t("intake.pickups.notDelivered")}</p>
          )}
          <PackingListState packing={packing} />
          {list?.pickupPoints.map((point) => (
            <PointPickups
              key={point.pickupPointId}
              point={point}
              canMark={cycle.state === "DELIVERED"}
            />
          ))}
        </section>
      )}
    </CycleFrame>
  );
}
