import type { OrderCycleState, PaymentState } from "@nested/domain";
import type { DataSource } from "typeorm";
import { Variant } from "../modules/catalog/variant.entity";
import { ConsumerHousehold } from "../modules/consumer/consumer-household.entity";
import { Offer } from "../modules/cycle/offer.entity";
import { OrderCycle } from "../modules/cycle/order-cycle.entity";
import { User } from "../modules/identity/user.entity";
import { OrderLine } from "../modules/order/order-line.entity";
import { Order } from "../modules/order/order.entity";
import type { Fixture } from "./fixtures";

/** The fixture's four variants by name: eggs by the jin, a box of 30 eggs, walnuts, millet. */
export interface FixtureVariants {
  eggsJin: Variant;
  eggsBox: Variant;
  walnuts: Variant;
  millet: Variant;
}

/** Reads the variants {@link loadFixture} wrote. */
export async function fixtureVariants(dataSource: DataSource): Promise<FixtureVariants> {
  const all = await dataSource.getRepository(Variant).find();
  const named = (nameEn: string) => all.find((v) => v.nameEn === nameEn)!;
  return {
    eggsJin: named("1 jin"),
    eggsBox: named("30 eggs"),
    walnuts: named("2 jin bag"),
    millet: named("5 jin bag"),
  };
}

/** Writes a cycle of `producerGroupId` in `state`: Sanggang's April 2011 calendar, own code. */
export async function createCycleRow(
  dataSource: DataSource,
  producerGroupId: string,
  code: string,
  state: OrderCycleState,
): Promise<OrderCycle> {
  return dataSource.getRepository(OrderCycle).save({
    producerGroupId,
    code,
    state,
    declarationOpensOn: "2011-03-25",
    opensAt: new Date("2011-03-31T16:00:00Z"),
    closesAt: new Date("2011-04-10T16:00:00Z"),
    deliveryOn: "2011-04-16",
  });
}

let consumers = 0;

/**
 * Writes an order of a new consumer household of the fixture's Sanggang market: one line per
 * `[offer, quantity]` at the offer's price, the units reserved on the offer as placing would.
 */
export async function createOrderRow(
  dataSource: DataSource,
  fixture: Fixture,
  cycle: OrderCycle,
  lines: [Offer, number][],
  paymentState: PaymentState = "UNPAID",
): Promise<Order> {
  const m = dataSource.manager;
  consumers += 1;
  const user = await m.save(User, {
    email: `cycle-consumer${consumers}@fixture.test`,
    passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$placeholder",
    role: "CONSUMER",
    displayName: `家庭 ${consumers}`,
  });
  const household = await m.save(ConsumerHousehold, {
    producerGroupId: cycle.producerGroupId,
    consumerGroupId: fixture.consumerGroup.id,
    userId: user.id,
    displayName: `家庭 ${consumers}`,
    defaultPickupPointId: fixture.pickupPoint.id,
  });
  const order = await m.save(Order, {
    producerGroupId: cycle.producerGroupId,
    orderCycleId: cycle.id,
    consumerHouseholdId: household.id,
    pickupPointId: fixture.pickupPoint.id,
    paymentState,
    totalFen: lines.reduce((sum, [offer, q]) => sum + offer.priceFen * q, 0),
    idempotencyKey: `cycle-order-${consumers}`,
  });
  for (const [offer, quantity] of lines) {
    await m.save(OrderLine, {
      producerGroupId: cycle.producerGroupId,
      orderId: order.id,
      offerId: offer.id,
      variantId: offer.variantId,
      productNameZh: "商品",
      productNameEn: "Product",
      variantNameZh: "规格",
      variantNameEn: "Variant",
      unitPriceFen: offer.priceFen,
      quantity,
      lineTotalFen: offer.priceFen * quantity,
    });
    await m.query("UPDATE offers SET quantity_reserved = quantity_reserved + $2 WHERE id = $1", [
      offer.id,
      quantity,
    ]);
  }
  return order;
}

/** Writes an offer row directly (for states later than publishing allows). */
export async function createOfferRow(
  dataSource: DataSource,
  cycle: OrderCycle,
  variant: Variant,
  priceFen: number,
  producerPriceFen: number,
  quantityTotal: number,
): Promise<Offer> {
  return dataSource.getRepository(Offer).save({
    producerGroupId: cycle.producerGroupId,
    orderCycleId: cycle.id,
    variantId: variant.id,
    priceFen,
    producerPriceFen,
    quantityTotal,
  });
}
