import type { OrderCycleState, OrderState } from "@nested/domain";
import type { DataSource } from "typeorm";
import { Product } from "../modules/catalog/product.entity";
import { Variant } from "../modules/catalog/variant.entity";
import { ConsumerHousehold } from "../modules/consumer/consumer-household.entity";
import { Offer } from "../modules/cycle/offer.entity";
import { OrderCycle } from "../modules/cycle/order-cycle.entity";
import { SupplyDeclaration } from "../modules/cycle/supply-declaration.entity";
import { hashPassword } from "../modules/identity/password";
import { User } from "../modules/identity/user.entity";
import { OrderLine } from "../modules/order/order-line.entity";
import { Order } from "../modules/order/order.entity";
import { FIXTURE_PASSWORD, type Fixture } from "./fixtures";
import type { GraphqlClient } from "./test-api";

/** Milliseconds in a day. */
export const DAY_MS = 24 * 3600 * 1000;

/** An instant `days` days from the test's start (negative: in the past). */
export function daysFromNow(days: number): Date {
  return new Date(Date.now() + days * DAY_MS);
}

/** Writes an order cycle of a producer group; dates default to a window around now. */
export function createCycle(
  ds: DataSource,
  producerGroupId: string,
  cycle: {
    code: string;
    state: OrderCycleState;
    opensAt: Date;
    closesAt: Date;
    deliveryOn?: string;
  },
): Promise<OrderCycle> {
  return ds.manager.save(OrderCycle, {
    producerGroupId,
    code: cycle.code,
    state: cycle.state,
    declarationOpensOn: "2000-01-01",
    opensAt: cycle.opensAt,
    closesAt: cycle.closesAt,
    deliveryOn: cycle.deliveryOn ?? "2099-12-31",
  });
}

/** Writes an offer; prices in fen, quantities in units. */
export function createOffer(
  ds: DataSource,
  cycle: OrderCycle,
  variantId: string,
  offer: { priceFen: number; producerPriceFen: number; quantityTotal: number; reserved?: number },
): Promise<Offer> {
  return ds.manager.save(Offer, {
    producerGroupId: cycle.producerGroupId,
    orderCycleId: cycle.id,
    variantId,
    priceFen: offer.priceFen,
    producerPriceFen: offer.producerPriceFen,
    quantityTotal: offer.quantityTotal,
    quantityReserved: offer.reserved ?? 0,
  });
}

/** Writes a household's supply declaration of a variant in a cycle. */
export function declareSupply(
  ds: DataSource,
  cycle: OrderCycle,
  householdId: string,
  variantId: string,
  quantity: number,
): Promise<SupplyDeclaration> {
  return ds.manager.save(SupplyDeclaration, {
    producerGroupId: cycle.producerGroupId,
    orderCycleId: cycle.id,
    householdId,
    variantId,
    quantity,
  });
}

/** Writes a product with one variant (1 jin, at most 10 an order). */
export async function createProductWithVariant(
  ds: DataSource,
  names: { productZh: string; productEn: string; variantZh: string; variantEn: string },
): Promise<{ product: Product; variant: Variant }> {
  const product = await ds.manager.save(Product, {
    nameZh: names.productZh,
    nameEn: names.productEn,
    category: "VEGETABLES",
    seasonMonths: [5, 6, 7],
  } as Partial<Product>);
  const variant = await ds.manager.save(Variant, {
    productId: product.id,
    nameZh: names.variantZh,
    nameEn: names.variantEn,
    unit: "JIN",
    grams: 500,
    maxPerOrder: 10,
  } as Partial<Variant>);
  return { product, variant };
}

/** A consumer who can sign in with {@link FIXTURE_PASSWORD}, with their consumer household. */
export async function createConsumer(
  ds: DataSource,
  fixture: Fixture,
  consumer: { email: string; displayName: string; user?: User },
): Promise<{ user: User; household: ConsumerHousehold }> {
  const user =
    consumer.user ??
    (await ds.manager.save(User, {
      email: consumer.email,
      passwordHash: await hashPassword(FIXTURE_PASSWORD),
      role: "CONSUMER",
      displayName: consumer.displayName,
      locale: "zh-CN",
    } as Partial<User>));
  const household = await ds.manager.save(ConsumerHousehold, {
    producerGroupId: fixture.groups.sanggang.id,
    consumerGroupId: fixture.consumerGroup.id,
    userId: user.id,
    displayName: consumer.displayName,
    defaultPickupPointId: fixture.pickupPoint.id,
    joinedAt: new Date("2011-04-01T02:00:00Z"),
  });
  return { user, household };
}

/** Signs a shop client in (session cookie) as the user with `email`; fails the test otherwise. */
export async function signInAs(client: GraphqlClient, email: string): Promise<GraphqlClient> {
  const res = await client.data<{ signIn: { __typename: string } }>(
    `mutation($login: String!, $password: String!) {
       signIn(input: { login: $login, password: $password }) { __typename }
     }`,
    { login: email, password: FIXTURE_PASSWORD },
  );
  if (res.signIn.__typename !== "SignedIn") throw new Error(`Could not sign in as ${email}`);
  return client;
}

/** Writes an order of one line (`quantity` units of `offer` at its price) in the given state. */
export async function createOrderWithLine(
  ds: DataSource,
  order: {
    offer: Offer;
    consumerHouseholdId: string;
    pickupPointId: string;
    state: OrderState;
    quantity: number;
    key: string;
  },
): Promise<{ order: Order; line: OrderLine }> {
  const total = order.offer.priceFen * order.quantity;
  const saved = await ds.manager.save(Order, {
    producerGroupId: order.offer.producerGroupId,
    orderCycleId: order.offer.orderCycleId,
    consumerHouseholdId: order.consumerHouseholdId,
    pickupPointId: order.pickupPointId,
    state: order.state,
    totalFen: total,
    idempotencyKey: order.key,
  });
  const line = await ds.manager.save(OrderLine, {
    producerGroupId: order.offer.producerGroupId,
    orderId: saved.id,
    offerId: order.offer.id,
    variantId: order.offer.variantId,
    productNameZh: "柴鸡蛋",
    productNameEn: "Free-range eggs",
    variantNameZh: "一斤装",
    variantNameEn: "1 jin",
    unitPriceFen: order.offer.priceFen,
    quantity: order.quantity,
    lineTotalFen: total,
  });
  return { order: saved, line };
}
