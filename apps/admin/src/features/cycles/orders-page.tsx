import { useQuery } from "@apollo/client/react";
import { dateTime, formatFen } from "@nested/domain";
import { QueryState } from "@nested/web-kit";
import { Fragment, useState } from "react";
import { Pager } from "../../components/pager.js";
import { useT } from "../../i18n/index.js";
import { OrdersQuery } from "./documents.js";
import { PaymentForm } from "./payment-form.js";
import { type BoardCycle, WithCycle } from "./use-cycle.js";

const TAKE = 50;

/** An order's short code as the packing list prints it: the id's first 8 characters, upper case. */
export function shortCode(orderId: string): string {
  return orderId.slice(0, 8).toUpperCase();
}

/**
 * The cycle's orders (oldest first) with their state, payment state and money in ¥ — ordered,
 * owed, paid, balance — and for each one still owing a form to record a payment (finance).
 */
export function OrdersPage() {
  const { t } = useT();
  return (
    <WithCycle title={t("cycles.ordersTitle")}>{(cycle) => <Orders cycle={cycle} />}</WithCycle>
  );
}

function Orders({ cycle }: { cycle: BoardCycle }) {
  const { t, language } = useT();
  const [skip, setSkip] = useState(0);
  const [paying, setPaying] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(OrdersQuery, {
    variables: { id: cycle.id, page: { skip, take: TAKE } },
  });
  const list = data?.orders;
  return (
    <div className="stack">
      <QueryState loading={loading} error={error} retry={() => void refetch()} hasData={!!list} />
      {recorded && (
        <p className="notice" role="status">
          {recorded}
        </p>
      )}
      {list && (
        <>
          <div className="table-wrap">
            <table data-testid="orders">
              <thead>
                <tr>
                  <th scope="col">{t("cycles.order")}</th>
                  <th scope="col">{t("cycles.consumer")}</th>
                  <th scope="col">{t("cycles.pickupPoint")}</th>
                  <th scope="col">{t("cycles.placedAt")}</th>
                  <th scope="col">{t("cycles.orderState")}</th>
                  <th scope="col">{t("cycles.paymentState")}</th>
                  <th scope="col" className="num">
                    {t("cycles.totalFen")}
                  </th>
                  <th scope="col" className="num">
                    {t("cycles.dueFen")}
                  </th>
                  <th scope="col" className="num">
                    {t("cycles.paidFen")}
                  </th>
                  <th scope="col" className="num">
                    {t("cycles.balanceFen")}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t("cycles.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((o) => (
                  <Fragment key={o.id}>
                    <tr data-order={shortCode(o.id)}>
                      <th scope="row">
                        <code>{shortCode(o.id)}</code>
                      </th>
                      <td lang="zh-CN">{o.consumerHouseholdName}</td>
                      <td lang="zh-CN">{o.pickupPointName}</td>
                      <td>{dateTime(o.placedAt, language)}</td>
                      <td>{t(`cycles.orderStates.${o.state}`)}</td>
                      <td data-testid="payment-state">
                        {t(`cycles.paymentStates.${o.paymentState}`)}
                      </td>
                      <td className="num">{formatFen(o.totalFen)}</td>
                      <td className="num">{formatFen(o.dueFen)}</td>
                      <td className="num">{formatFen(o.paidFen)}</td>
                      <td className="num">{formatFen(o.balanceFen)}</td>
                      <td>
                        {o.balanceFen > 0 && (
                          <button
                            type="button"
                            aria-expanded={paying === o.id}
                            onClick={() => setPaying(paying === o.id ? null : o.id)}
                          >
                            {t("cycles.recordPaymentFor", { code: shortCode(o.id) })}
                          </button>
                        )}
                      </td>
                    </tr>
                    {paying === o.id && (
                      <tr>
                        <td colSpan={11}>
                          <PaymentForm
                            orderId={o.id}
                            shortCode={shortCode(o.id)}
                            balanceFen={o.balanceFen}
                            onDone={(amountFen) => {
                              setPaying(null);
                              setRecorded(
                                t("cycles.paymentRecorded", {
                                  amount: formatFen(amountFen),
                                  code: shortCode(o.id),
                                }),
                              );
                            }}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
                {list.items.length === 0 && (
                  <tr>
                    <td colSpan={11}>{t("table.empty")}</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <Pager skip={skip} take={TAKE} total={list.totalItems} onSkip={setSkip} />
        </>
      )}
    </div>
  );
}
