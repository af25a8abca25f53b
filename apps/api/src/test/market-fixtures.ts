import type { DataSource } from "typeorm";
import { Product } from "../modules/catalog/product.entity";
import { Variant } from "../modules/catalog/variant.entity";
import { ConsumerGroup } from "../modules/consumer/consumer-group.entity";
import { ConsumerHousehold } from "../modules/consumer/consumer-household.entity";
import { PickupPoint } from "../modules/consumer/pickup-point.entity";
import { Offer } from "../modules/cycle/offer.entity";
import { OrderCycle } from "../modules/cycle/order-cycle.entity";
import { Household } from "../modules/household/household.entity";
import { ProducerGroup } from "../modules/household/producer-group.entity";
import { Village } from "../modules/household/village.entity";
import { User } from "../modules/identity/user.entity";
import { Order } from "../modules/order/order.entity";

/** The rows most scenarios start from: one small market with one open cycle and one order. */
export interface SmallMarket {
  village: Village;
  producerGroup: ProducerGroup;
  household: Household;
  staff: User;
  product: Product;
  variant: Variant;
  orderCycle: OrderCycle;
  offer: Offer;
  pickupPoint: PickupPoint;
  consumerHousehold: ConsumerHousehold;
  order: Order;
}

/**
 * Sanggang's market in April 2011, reduced to what constraint scenarios need: free-range eggs at
 * ¥16.00 a jin (the published 2011 price; household paid ¥12.00), 10 jin on offer, one consumer
 * order of 2 jin.
 */
export async function createSmallMarket(
  dataSource: DataSource,
  suffix = "1",
): Promise<SmallMarket> {
  const m = dataSource.manager;
  const village = await m.save(Village, {
    nameZh: "桑岗村",
    nameEn: "Sanggang",
    township: "坡仓乡",
    county: "易县",
    province: "河北省",
    householdsTotal: 183,
  });
  const producerGroup = await m.save(ProducerGroup, {
    villageId: village.id,
    nameZh: "桑岗生产小组",
    nameEn: "Sanggang producer group",
    foundedOn: "2009-11-01",
  });
  const household = await m.save(Household, {
    producerGroupId: producerGroup.id,
    villageId: village.id,
    code: `SG-${suffix.padStart(3, "0")}`,
    headName: "王秀英",
    headSex: "F",
    headAgeBand: "60_69",
    size: 3,
    registeredPoor: true,
    membershipState: "ACTIVE",
    joinedOn: "2009-11-01",
    livelihoodResources: { hens: 40, walnutTrees: 6, landMu: 2.5 },
    causesOfPoverty: [],
  });
  const staff = await m.save(User, {
    email: `staff${suffix}@example.org`,
    passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$placeholder",
    role: "STAFF",
    displayName: "小李",
  });
  const product = await m.save(Product, {
    nameZh: "柴鸡蛋",
    nameEn: "Free-range eggs",
    category: "EGGS",
    seasonMonths: [3, 4, 5, 6, 7, 8, 9, 10],
  });
  const variant = await m.save(Variant, {
    productId: product.id,
    nameZh: "散装1斤",
    nameEn: "Loose, per jin",
    unit: "JIN",
    grams: 500,
    maxPerOrder: 10,
  });
  const orderCycle = await m.save(OrderCycle, {
    producerGroupId: producerGroup.id,
    code: "2011-04",
    state: "OPEN",
    declarationOpensOn: "2011-03-25",
    opensAt: new Date("2011-03-31T16:00:00Z"),
    closesAt: new Date("2011-04-10T16:00:00Z"),
    deliveryOn: "2011-04-16",
  });
  const offer = await m.save(Offer, {
    producerGroupId: producerGroup.id,
    orderCycleId: orderCycle.id,
    variantId: variant.id,
    priceFen: 1600,
    producerPriceFen: 1200,
    quantityTotal: 10,
    buffer: 2,
  });
  const pickupPoint = await m.save(PickupPoint, {
    producerGroupId: producerGroup.id,
    nameZh: "海淀配送点",
    nameEn: "Haidian pickup point",
    city: "北京",
    address: "海淀区",
    pickupHours: "周六 9:00–12:00",
  });
  const consumerGroup = await m.save(ConsumerGroup, {
    producerGroupId: producerGroup.id,
    name: "海淀消费者小组",
    defaultPickupPointId: pickupPoint.id,
  });
  const consumerUser = await m.save(User, {
    phone: `+861380013800${suffix.slice(-1)}`,
    passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$placeholder",
    role: "CONSUMER",
    displayName: "张家",
  });
  const consumerHousehold = await m.save(ConsumerHousehold, {
    producerGroupId: producerGroup.id,
    consumerGroupId: consumerGroup.id,
    userId: consumerUser.id,
    displayName: "张家",
    defaultPickupPointId: pickupPoint.id,
  });
  const order = await m.save(Order, {
    producerGroupId: producerGroup.id,
    orderCycleId: orderCycle.id,
    consumerHouseholdId: consumerHousehold.id,
    pickupPointId: pickupPoint.id,
    totalFen: 3200,
    idempotencyKey: `order-${suffix}`,
  });
  return {
    village,
    producerGroup,
    household,
    staff,
    product,
    variant,
    orderCycle,
    offer,
    pickupPoint,
    consumerHousehold,
    order,
  };
}
