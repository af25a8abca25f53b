import type { DataSource } from "typeorm";
import type { GraphqlClient, TestApi } from "./test-api";

/** placeOrder with every field a scenario checks. */
export const PLACE_ORDER = `mutation($input: PlaceOrderInput!) {
  placeOrder(input: $input) {
    __typename
    ... on Order { id state totalFen placedAt cycle { code } pickupPoint { nameZh } lines { offerId quantity unitPriceFen lineTotalFen productNameZh variantNameZh } }
    ... on InsufficientStockError { offerId quantityAvailable }
    ... on InvalidQuantityError { offerId quantity maxPerOrder }
    ... on InvalidInputError { problems { field message } }
    ... on ErrorResult { errorCode message }
  }
}`;

/** changeOrder with the fields scenarios check. */
export const CHANGE_ORDER = `mutation($orderId: ID!, $lines: [OrderLineInput!]!) {
  changeOrder(orderId: $orderId, lines: $lines) {
    __typename
    ... on Order { id state totalFen lines { offerId quantity unitPriceFen lineTotalFen } }
    ... on InsufficientStockError { offerId quantityAvailable }
    ... on InvalidQuantityError { offerId quantity maxPerOrder }
    ... on InvalidInputError { problems { field message } }
    ... on ErrorResult { errorCode message }
  }
}`;

/** cancelOrder. */
export const CANCEL_ORDER = `mutation($orderId: ID!) {
  cancelOrder(orderId: $orderId) {
    __typename
    ... on Order { id state totalFen }
    ... on ErrorResult { errorCode message }
  }
}`;

/** What placeOrder and changeOrder answer, loosely typed for assertions. */
export interface OrderAnswer {
  __typename: string;
  id?: string;
  state?: string;
  totalFen?: number;
  placedAt?: string;
  cycle?: { code: string };
  pickupPoint?: { nameZh: string };
  lines?: {
    offerId: string;
    quantity: number;
    unitPriceFen: number;
    lineTotalFen: number;
    productNameZh?: string;
  }[];
  offerId?: string;
  quantityAvailable?: number;
  quantity?: number;
  maxPerOrder?: number | null;
  problems?: { field: string; message: string }[];
  errorCode?: string;
  message?: string;
}

/** A shop client signed in with `token`. */
export function shopAs(t: TestApi, token: string): GraphqlClient {
  const client = t.shop();
  client.bearer = token;
  return client;
}

/** Places an order through the API and returns the union member it answered. */
export async function place(
  client: GraphqlClient,
  input: Record<string, unknown>,
): Promise<OrderAnswer> {
  return (await client.data<{ placeOrder: OrderAnswer }>(PLACE_ORDER, { input })).placeOrder;
}

/** Rows that ordering writes, counted, to show that a refusal stored nothing. */
export async function orderRowCounts(
  dataSource: DataSource,
): Promise<{ orders: number; lines: number; reserved: number }> {
  const [row] = (await dataSource.query(
    `SELECT (SELECT count(*)::int FROM orders) AS orders,
            (SELECT count(*)::int FROM order_lines) AS lines,
            (SELECT coalesce(sum(quantity_reserved), 0)::int FROM offers) AS reserved`,
  )) as [{ orders: number; lines: number; reserved: number }];
  return row;
}

/** Units reserved of one offer, read straight from the table. */
export async function reservedOf(dataSource: DataSource, offerId: string): Promise<number> {
  const [row] = (await dataSource.query("SELECT quantity_reserved FROM offers WHERE id = $1", [
    offerId,
  ])) as [{ quantity_reserved: number }];
  return row.quantity_reserved;
}

/** Removes every order and gives all stock back, so each scenario starts from the same market. */
export async function clearOrders(dataSource: DataSource): Promise<void> {
  await dataSource.query("DELETE FROM allocations");
  await dataSource.query("DELETE FROM adjustments");
  await dataSource.query("DELETE FROM payments");
  await dataSource.query("DELETE FROM order_lines");
  await dataSource.query("DELETE FROM orders");
  await dataSource.query("UPDATE offers SET quantity_reserved = 0");
}
