import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { ErrorResultMessage } from "../components/error-result.js";
import { QueryState } from "@nested/web-kit";
import { graphql } from "../gql/index.js";
import { useT } from "../i18n/index.js";
import { OrderCard } from "./order-card.js";
import { useViewer } from "./viewer.js";

const MyOrdersQuery = graphql(`
  query MyOrders($take: Int!) {
    myOrders(page: { skip: 0, take: $take }) {
      totalItems
      items {
        ...OrderFields
      }
    }
    myFeedback(page: { skip: 0, take: 100 }) {
      items {
        id
        orderLineId
      }
    }
  }
`);

const MyOrderQuery = graphql(`
  query MyOrder($id: ID!) {
    myOrder(id: $id) {
      __typename
      ... on Order {
        ...OrderFields
      }
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`);

/** How many orders My orders shows at first and adds with each "more". */
const ORDERS_PER_PAGE = 5;

/** My orders, newest first, a few at a time. */
export function OrdersPage() {
  const { t } = useT();
  const { me, viewer } = useViewer();
  const [take, setTake] = useState(ORDERS_PER_PAGE);
  const result = useQuery(MyOrdersQuery, {
    variables: { take },
    fetchPolicy: "cache-and-network",
    skip: !me,
  });
  const data = result.data;
  return (
    <>
      <h1>{t("orders.title")}</h1>
      <QueryState {...viewer} retry={() => void viewer.refetch()} hasData={!!viewer.data} />
      {me && <QueryState {...result} retry={() => void result.refetch()} hasData={!!data} />}
      {viewer.data && !me && (
        <p>
          {t("orders.signIn")} <Link to="/account">{t("nav.account")}</Link>
        </p>
      )}
      {data && data.myOrders.items.length === 0 && <p>{t("orders.none")}</p>}
      {data &&
        data.myOrders.items.map((order) => (
          <OrderCard
            key={order.id}
            order={order}
            feedbackGiven={new Set(data.myFeedback.items.map((f) => f.orderLineId))}
          />
        ))}
      {data && data.myOrders.totalItems > data.myOrders.items.length && (
        <button type="button" onClick={() => setTake(take + ORDERS_PER_PAGE)}>
          {t("orders.more", { count: data.myOrders.totalItems - data.myOrders.items.length })}
        </button>
      )}
    </>
  );
}

/** One order; after placing it, the confirmation with the pickup details. */
export function OrderPage() {
  const { t } = useT();
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const result = useQuery(MyOrderQuery, { variables: { id } });
  const order = result.data?.myOrder;
  if (!order) return <QueryState {...result} retry={() => void result.refetch()} hasData={false} />;
  if (order.__typename !== "Order") return <ErrorResultMessage error={order} />;
  return (
    <>
      <h1>{params.get("placed") ? t("orders.placedTitle") : t("orders.one")}</h1>
      {params.get("placed") && <p className="lead">{t("orders.placedLead")}</p>}
      <OrderCard order={order} feedbackGiven={new Set()} />
      <Link to="/orders">{t("orders.all")}</Link>
    </>
  );
}
