import type { DataSource } from "typeorm";
import { Product } from "../modules/catalog/product.entity";
import { Variant } from "../modules/catalog/variant.entity";
import { ConsumerGroup } from "../modules/consumer/consumer-group.entity";
import { ConsumerHousehold } from "../modules/consumer/consumer-household.entity";
import { PickupPoint } from "../modules/consumer/pickup-point.entity";
import { Offer } from "../modules/cycle/offer.entity";
import { OrderCycle } from "../modules/cycle/order-cycle.entity";
import { ProducerGroup } from "../modules/household/producer-group.entity";
import { Session } from "../modules/identity/session.entity";
import { hashToken, newToken, SESSION_TOKEN_PREFIX } from "../modules/identity/token";
import { User } from "../modules/identity/user.entity";
import { createTaihangVillages } from "./taihang-villages";

/** A signed-in consumer household: its id and a bearer token for the shop. */
export interface SignedInConsumer {
  consumerHouseholdId: string;
  userId: string;
  token: string;
}

/** An ordering market: one OPEN cycle with three offers, pickup points and consumers. */
export interface OrderingMarket {
  producerGroup: ProducerGroup;
  otherGroup: ProducerGroup;
  cycle: OrderCycle;
  /** Eggs, 1 jin: ¥16.00 (1600 fen), 10 units, at most 10 per order. */
  eggs: Offer;
  /** Walnuts, 2 jin bag: ¥35.50 (3550 fen), 20 units, at most 3 per order. */
  walnuts: Offer;
  /** Millet, 5 jin bag: ¥42.00 (4200 fen), 30 units, at most 5 per order. */
  millet: Offer;
  pickupPoint: PickupPoint;
  /** A pickup point of another producer group. */
  foreignPickupPoint: PickupPoint;
  /** A pickup point of this group, no longer in service (soft-deleted). */
  closedPickupPoint: PickupPoint;
  consumers: SignedInConsumer[];
  /** A signed-in staff member (not a consumer household). */
  staffToken: string;
}

/**
 * Writes {@link OrderingMarket} into a migrated database. The cycle's window is set from the
 * DATABASE clock: it opened an hour ago and closes in a day. `consumers` households each get a
 * user and a live session (no password work, so 50 of them cost milliseconds).
 */
export async function createOrderingMarket(
  dataSource: DataSource,
  consumers = 2,
): Promise<OrderingMarket> {
  const m = dataSource.manager;
  const { groups } = await createTaihangVillages(m);
  const producerGroup = groups.sanggang;
  const otherGroup = groups.baoshi;
  const [eggs, walnuts, millet] = await m.save(Product, [
    { nameZh: "柴鸡蛋", nameEn: "Free-range eggs", category: "EGGS", seasonMonths: [4] },
    { nameZh: "核桃", nameEn: "Walnuts", category: "NUTS", seasonMonths: [10] },
    { nameZh: "小米", nameEn: "Millet", category: "GRAIN", seasonMonths: [11] },
  ] as Partial<Product>[]);
  const [eggJin, walnutBag, milletBag] = await m.save(Variant, [
    {
      productId: eggs!.id,
      nameZh: "一斤装",
      nameEn: "1 jin",
      unit: "JIN",
      grams: 500,
      maxPerOrder: 10,
    },
    {
      productId: walnuts!.id,
      nameZh: "两斤袋",
      nameEn: "2 jin bag",
      unit: "BAG",
      grams: 1000,
      maxPerOrder: 3,
    },
    {
      productId: millet!.id,
      nameZh: "五斤袋",
      nameEn: "5 jin bag",
      unit: "BAG",
      grams: 2500,
      maxPerOrder: 5,
    },
  ] as Partial<Variant>[]);
  const [{ now }] = (await m.query("SELECT now() AS now")) as [{ now: Date }];
  const cycle = await m.save(OrderCycle, {
    producerGroupId: producerGroup.id,
    code: "2011-04",
    state: "OPEN",
    declarationOpensOn: "2011-03-25",
    opensAt: new Date(now.getTime() - 3600_000),
    closesAt: new Date(now.getTime() + 24 * 3600_000),
    deliveryOn: "2011-04-16",
  });
  const offer = (variant: Variant, priceFen: number, quantityTotal: number) => ({
    producerGroupId: producerGroup.id,
    orderCycleId: cycle.id,
    variantId: variant.id,
    priceFen,
    producerPriceFen: Math.round(priceFen * 0.75),
    quantityTotal,
  });
  const [eggOffer, walnutOffer, milletOffer] = await m.save(Offer, [
    offer(eggJin!, 1600, 10),
    offer(walnutBag!, 3550, 20),
    offer(milletBag!, 4200, 30),
  ]);
  const point = (groupId: string, nameZh: string, deletedAt: Date | null = null) => ({
    producerGroupId: groupId,
    nameZh,
    nameEn: nameZh,
    city: "北京",
    address: "北京市海淀区学院路 1 号",
    pickupHours: "周六 9:00–12:00",
    deletedAt,
  });
  const [pickupPoint, foreignPickupPoint, closedPickupPoint] = await m.save(PickupPoint, [
    point(producerGroup.id, "海淀·学院路"),
    point(otherGroup.id, "朝阳·望京"),
    point(producerGroup.id, "西城·旧点", new Date("2011-01-01T00:00:00Z")),
  ]);
  const consumerGroup = await m.save(ConsumerGroup, {
    producerGroupId: producerGroup.id,
    name: "学院路消费者小组",
    defaultPickupPointId: pickupPoint!.id,
  });

  const signedIn: SignedInConsumer[] = [];
  for (let i = 0; i < consumers; i += 1) {
    const user = await m.save(User, {
      email: `consumer${i}@orders.test`,
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$placeholder",
      role: "CONSUMER",
      displayName: `家庭 ${i}`,
    });
    const household = await m.save(ConsumerHousehold, {
      producerGroupId: producerGroup.id,
      consumerGroupId: consumerGroup.id,
      userId: user.id,
      displayName: `家庭 ${i}`,
      defaultPickupPointId: pickupPoint!.id,
    });
    signedIn.push({
      consumerHouseholdId: household.id,
      userId: user.id,
      token: await sessionFor(dataSource, user.id),
    });
  }
  const staff = await m.save(User, {
    email: "staff@orders.test",
    passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$placeholder",
    role: "STAFF",
    displayName: "小李",
  });

  return {
    producerGroup,
    otherGroup,
    cycle,
    eggs: eggOffer!,
    walnuts: walnutOffer!,
    millet: milletOffer!,
    pickupPoint: pickupPoint!,
    foreignPickupPoint: foreignPickupPoint!,
    closedPickupPoint: closedPickupPoint!,
    consumers: signedIn,
    staffToken: await sessionFor(dataSource, staff.id),
  };
}

/** A live session for `userId`, as sign-in would make it; returns the bearer token. */
export async function sessionFor(dataSource: DataSource, userId: string): Promise<string> {
  const token = newToken(SESSION_TOKEN_PREFIX);
  await dataSource.manager.getRepository(Session).insert({
    userId,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + 24 * 3600_000),
  });
  return token;
}
