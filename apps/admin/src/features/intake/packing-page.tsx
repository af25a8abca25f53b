import { useQuery } from "@apollo/client/react";
import { useParams } from "react-router";
import { ErrorResultMessage, errorResultOf } from "../../components/error-result.js";
import type { PackingListQuery as PackingListData } from "../../gql/graphql.js";
import { QueryStatus } from "../../components/query-status.js";
import { useT } from "../../i18n/index.js";
import { CycleFrame } from "./cycle-frame.js";
import { DataName, ProductName } from "./names.js";
import { PackingListQuery } from "./queries.js";
import { dialable } from "../../lib/phone.js";

type PackingList = Extract<PackingListData["packingList"], { __typename: "PackingList" }>;
/** One pickup point of a packing list, with its orders and the units per variant. */
export type PackingPoint = PackingList["pickupPoints"][number];

/**
 * The packing list CSV of a cycle (one pickup point, or all when `pickupPointId` is absent) in
 * `language`, served by the API beside /admin/graphql with the same session cookie.
 */
export function packingCsvUrl(cycleId: string, language: string, pickupPointId?: string): string {
  const params = new URLSearchParams({ orderCycleId: cycleId });
  if (pickupPointId) params.set("pickupPointId", pickupPointId);
  params.set("lang", language);
  return `${import.meta.env.BASE_URL}packing-list.csv?${params.toString()}`;
}

/**
 * The packing list of a cycle per pickup point (`packingList`): the query, the `list` once it is
 * there and the `refusal` (ErrorResult) otherwise; `PackingListState` shows the latter in words.
 */
export function usePackingList(cycleId: string) {
  const query = useQuery(PackingListQuery, { variables: { orderCycleId: cycleId } });
  const answer = query.data?.packingList;
  const list = answer?.__typename === "PackingList" ? answer : null;
  return { ...query, list, refusal: errorResultOf(answer) };
}

/** The packing list's loading, failure or refusal in words, until it is there. */
export function PackingListState({ packing }: { packing: ReturnType<typeof usePackingList> }) {
  return (
    <>
      <QueryStatus query={packing} hasData={!!packing.list || !!packing.refusal} />
      {packing.refusal && <ErrorResultMessage error={packing.refusal} />}
    </>
  );
}

function PointSheet({
  cycleId,
  cycleCode,
  point,
}: {
  cycleId: string;
  cycleCode: string;
  point: PackingPoint;
}) {
  const { t, language } = useT();
  const headingId = `point-${point.pickupPointId}`;
  return (
    <section className="packing-point" aria-labelledby={headingId}>
      <p className="print-only">{t("intake.cycle.heading", { code: cycleCode })}</p>
      <h3 id={headingId}>
        <DataName zh={point.nameZh} en={point.nameEn} />
      </h3>
      <p className="muted">
        <span lang="zh-CN">{point.address}</span> ·{" "}
        {t("intake.packing.ordersCount", { count: point.orders.length })}
      </p>
      <p className="no-print">
        <a href={packingCsvUrl(cycleId, language, point.pickupPointId)} download>
          {t("intake.packing.csv", { point: language === "en" ? point.nameEn : point.nameZh })}
        </a>
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("intake.packing.order")}</th>
              <th scope="col">{t("intake.packing.consumer")}</th>
              <th scope="col">{t("intake.packing.phone")}</th>
              <th scope="col">{t("intake.packing.items")}</th>
              <th scope="col" className="num">
                {t("intake.packing.units")}
              </th>
            </tr>
          </thead>
          <tbody>
            {point.orders.map((order) =>
              order.lines.map((line, i) => (
                <tr
                  key={`${order.orderId}-${line.variantId}`}
                  className={i === 0 ? "order-first" : undefined}
                >
                  {i === 0 && (
                    <>
                      <th scope="row" rowSpan={order.lines.length}>
                        <code>{order.shortCode}</code>
                      </th>
                      <td rowSpan={order.lines.length} lang="zh-CN">
                        {order.consumerName}
                      </td>
                      <td rowSpan={order.lines.length}>
                        {order.phone ? dialable(order.phone) : ""}
                      </td>
                    </>
                  )}
                  <td>
                    <ProductName line={line} />
                  </td>
                  <td className="num">{line.units}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
      <h4>{t("intake.packing.totals")}</h4>
      <table className="packing-totals">
        <thead>
          <tr>
            <th scope="col">{t("intake.packing.items")}</th>
            <th scope="col" className="num">
              {t("intake.packing.units")}
            </th>
          </tr>
        </thead>
        <tbody>
          {point.totals.map((total) => (
            <tr key={total.variantId}>
              <td>
                <ProductName line={total} />
              </td>
              <td className="num">{total.units}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The packing lists of a cycle (`:id` in the URL): one sheet per pickup point with its orders
 * (short code, consumer household, phone, items and units) and totals, printed one pickup point
 * per page (CSS @media print), and the CSV of each point and of all. "Packing done" moves a
 * COLLECTING cycle to PACKED, "Dispatched" a PACKED one on.
 */
export function PackingPage() {
  const { t, language } = useT();
  const { id = "" } = useParams();
  const packing = usePackingList(id);
  const { list } = packing;
  return (
    <CycleFrame cycleId={id} moves={["PACKED", "DISPATCHED"]}>
      {(cycle) => (
        <section className="stack packing" aria-labelledby="packing-title">
          <h2 id="packing-title" className="no-print">
            {t("intake.nav.packing")}
          </h2>
          <p className="muted no-print">{t("intake.packing.lead")}</p>
          <div className="row no-print">
            <button type="button" className="big" onClick={() => window.print()}>
              {t("intake.packing.print")}
            </button>
            <a className="big-link" href={packingCsvUrl(id, language)} download>
              {t("intake.packing.csvAll")}
            </a>
          </div>
          <PackingListState packing={packing} />
          {list && list.pickupPoints.length === 0 && <p>{t("intake.packing.empty")}</p>}
          {list?.pickupPoints.map((point) => (
            <PointSheet
              key={point.pickupPointId}
              cycleId={id}
              cycleCode={cycle.code}
              point={point}
            />
          ))}
        </section>
      )}
    </CycleFrame>
  );
}
