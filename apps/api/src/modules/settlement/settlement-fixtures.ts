import { type DataSource, In } from "typeorm";
import { LoaderRegistry } from "../../graphql/loader-registry";
import { inRefusableTransaction } from "../../graphql/refusal";
import type { RequestContext } from "../../graphql/request-context";
import { Variant } from "../catalog/variant.entity";
import { ConsumerHousehold } from "../consumer/consumer-household.entity";
import { Offer } from "../cycle/offer.entity";
import { OrderCycle } from "../cycle/order-cycle.entity";
import { SupplyDeclaration } from "../cycle/supply-declaration.entity";
import type { CycleEnterEffect } from "../cycle/transition-effects";
import { Household } from "../household/household.entity";
import { User } from "../identity/user.entity";
import { Allocation } from "../intake/allocation.entity";
import { Lot } from "../intake/lot.entity";
import { Adjustment } from "../order/adjustment.entity";
import { OrderLine } from "../order/order-line.entity";
import { Order } from "../order/order.entity";
import type { Fixture } from "../../test/fixtures";

/** An ADMIN's request context over `dataSource`, for running cycle effects without HTTP. */
export function adminContext(dataSource: DataSource, fixture: Fixture): RequestContext {
  return {
    requestId: "settlement-test",
    principal: {
      kind: "user",
      userId: fixture.users.ADMIN.id,
      role: "ADMIN",
      sessionId: "settlement-test",
      producerGroupIds: [],
    },
    locale: "en",
    dataSource,
    manager: dataSource.manager,
    loaders: new LoaderRegistry(),
    cookies: { set() {}, clear() {} },
    clientAddress: "127.0.0.1",
    signInLimiter: undefined as never,
    log: undefined as never,
  };
}

/**
 * Runs `effect` as transitionOrderCycle would: in one transaction with the cycle row locked,
 * then moves the cycle to `to`. Answers the refusal, if the effect refused (nothing kept).
 */
export function enterCycleState(
  ctx: RequestContext,
  cycleId: string,
  to: OrderCycle["state"],
  effect: CycleEnterEffect,
) {
  return inRefusableTransaction(ctx, async (tx) => {
    const cycle = (await tx.manager
      .getRepository(OrderCycle)
      .findOne({ where: { id: cycleId }, lock: { mode: "pessimistic_write" } }))!;
    await effect(tx, cycle);
    await tx.manager.getRepository(OrderCycle).update({ id: cycleId }, { state: to });
    return "entered" as const;
  });
}

/** A line of an order in {@link deliveredOrder}: offer, units ordered. */
export type LineSpec = { offer: Offer; quantity: number };

/**
 * A DELIVERED order of a new consumer household (user `buyer<key>@settlement.test`) in `cycle`,
 * with one line per spec (names from the offer's variant), every unit accepted so far.
 */
export async function deliveredOrder(
  dataSource: DataSource,
  fixture: Fixture,
  cycle: OrderCycle,
  key: string | number,
  specs: LineSpec[],
): Promise<{ order: Order; lines: OrderLine[] }> {
  const m = dataSource.manager;
  const group = fixture.groups.sanggang;
  const user = await m.save(User, {
    email: `buyer${key}@settlement.test`,
    passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$placeholder",
    role: "CONSUMER",
    displayName: `家庭 ${key}`,
  });
  const household = await m.save(ConsumerHousehold, {
    producerGroupId: group.id,
    consumerGroupId: fixture.consumerGroup.id,
    userId: user.id,
    displayName: `家庭 ${key}`,
    defaultPickupPointId: fixture.pickupPoint.id,
  });
  const order = await m.save(Order, {
    producerGroupId: group.id,
    orderCycleId: cycle.id,
    consumerHouseholdId: household.id,
    pickupPointId: fixture.pickupPoint.id,
    state: "DELIVERED" as const,
    totalFen: specs.reduce((s, l) => s + l.offer.priceFen * l.quantity, 0),
    idempotencyKey: `settlement-test-${key}`,
  });
  const variants = await m.findBy(Variant, { id: In(specs.map((l) => l.offer.variantId)) });
  const variantOf = (id: string) => variants.find((v) => v.id === id)!;
  const lines = await m.save(
    OrderLine,
    specs.map((l) => ({
      producerGroupId: group.id,
      orderId: order.id,
      offerId: l.offer.id,
      variantId: l.offer.variantId,
      productNameZh: "产品",
      productNameEn: "Product",
      variantNameZh: variantOf(l.offer.variantId).nameZh,
      variantNameEn: variantOf(l.offer.variantId).nameEn,
      unitPriceFen: l.offer.priceFen,
      quantity: l.quantity,
      lineTotalFen: l.offer.priceFen * l.quantity,
      quantityAccepted: l.quantity,
    })),
  );
  return { order, lines };
}

/** Sanggang's April 2011 cycle after delivery (see {@link createDeliveredCycle}). */
export interface DeliveredCycle {
  cycle: OrderCycle;
  eggs: Offer;
  walnuts: Offer;
  households: { h1: Household; h2: Household; h3: Household };
  orders: { o1: Order; o2: Order; o3: Order; o4: Order };
  lines: { o1Eggs: OrderLine; o1Walnuts: OrderLine; o2Eggs: OrderLine; o3Walnuts: OrderLine };
}

/**
 * Sanggang's cycle 2011-04 (delivery 2011-04-16), DELIVERED, with orders but no intake yet:
 * eggs 1 jin at ¥16.00 (producer ¥12.00), walnuts 2 jin bag at ¥35.50 (producer ¥27.00).
 * Orders (4 consumer households): O1 5 eggs + 2 walnuts = 15100; O2 5 eggs = 8000;
 * O3 3 walnuts = 10650; O4 2 eggs = 3200. Households H1 = SG-001, H2 = SG-002, H3 = SG-003 (new).
 */
export async function createDeliveredCycle(
  dataSource: DataSource,
  fixture: Fixture,
): Promise<DeliveredCycle> {
  const m = dataSource.manager;
  const group = fixture.groups.sanggang;
  const [h1, h2] = fixture.households as [Household, Household];
  const h3 = await m.save(Household, {
    producerGroupId: group.id,
    villageId: fixture.villages.sanggang.id,
    code: "SG-003",
    headName: "刘德福",
    headSex: "M",
    headAgeBand: "60_69",
    size: 2,
    registeredPoor: true,
    membershipState: "ACTIVE",
    joinedOn: "2011-04-01",
  } as Partial<Household>);
  const eggJin = await m.findOneByOrFail(Variant, { nameEn: "1 jin" });
  const walnutBag = await m.findOneByOrFail(Variant, { nameEn: "2 jin bag" });
  const cycle = await m.save(OrderCycle, {
    producerGroupId: group.id,
    code: "2011-04",
    state: "DELIVERED",
    declarationOpensOn: "2011-03-25",
    opensAt: new Date("2011-04-01T00:00:00+08:00"),
    closesAt: new Date("2011-04-10T00:00:00+08:00"),
    deliveryOn: "2011-04-16",
  });
  const offer = (variantId: string, priceFen: number, producerPriceFen: number) => ({
    producerGroupId: group.id,
    orderCycleId: cycle.id,
    variantId,
    priceFen,
    producerPriceFen,
    quantityTotal: 30,
  });
  const [eggs, walnuts] = (await m.save(Offer, [
    offer(eggJin.id, 1600, 1200),
    offer(walnutBag.id, 3550, 2700),
  ])) as [Offer, Offer];
  const o1 = await deliveredOrder(dataSource, fixture, cycle, 1, [
    { offer: eggs, quantity: 5 },
    { offer: walnuts, quantity: 2 },
  ]);
  const o2 = await deliveredOrder(dataSource, fixture, cycle, 2, [{ offer: eggs, quantity: 5 }]);
  const o3 = await deliveredOrder(dataSource, fixture, cycle, 3, [{ offer: walnuts, quantity: 3 }]);
  const o4 = await deliveredOrder(dataSource, fixture, cycle, 4, [{ offer: eggs, quantity: 2 }]);
  return {
    cycle,
    eggs,
    walnuts,
    households: { h1, h2, h3 },
    orders: { o1: o1.order, o2: o2.order, o3: o3.order, o4: o4.order },
    lines: {
      o1Eggs: o1.lines[0]!,
      o1Walnuts: o1.lines[1]!,
      o2Eggs: o2.lines[0]!,
      o3Walnuts: o3.lines[0]!,
    },
  };
}

/**
 * What allocation and intake leave behind, written directly (the helpers that write them work
 * in parallel). `lots`: household, offer, units allocated per order line, units accepted; each
 * shortfall is taken off the given lines with a REFUND of units × unit price.
 */
export async function recordIntake(
  dataSource: DataSource,
  cycle: OrderCycle,
  lots: {
    household: Household;
    offer: Offer;
    allocations: { line: OrderLine; quantity: number }[];
    accepted: number;
    shortfalls: { line: OrderLine; units: number }[];
  }[],
): Promise<Lot[]> {
  const m = dataSource.manager;
  const saved: Lot[] = [];
  for (const spec of lots) {
    const allocated = spec.allocations.reduce((s, a) => s + a.quantity, 0);
    const declaration = await m.save(SupplyDeclaration, {
      producerGroupId: cycle.producerGroupId,
      orderCycleId: cycle.id,
      householdId: spec.household.id,
      variantId: spec.offer.variantId,
      quantity: allocated,
    });
    const lot = await m.save(Lot, {
      producerGroupId: cycle.producerGroupId,
      orderCycleId: cycle.id,
      householdId: spec.household.id,
      variantId: spec.offer.variantId,
      supplyDeclarationId: declaration.id,
      state:
        spec.accepted === allocated ? "ACCEPTED" : spec.accepted === 0 ? "REJECTED" : "PARTIAL",
      quantityDeclared: allocated,
      quantityAllocated: allocated,
      quantityReceived: allocated,
      quantityAccepted: spec.accepted,
    } as Partial<Lot>);
    await m.save(
      Allocation,
      spec.allocations.map((a) => ({
        producerGroupId: cycle.producerGroupId,
        orderLineId: a.line.id,
        lotId: lot.id,
        quantity: a.quantity,
        rank: 1,
        reason: "registered poor first",
      })),
    );
    for (const short of spec.shortfalls) {
      await m.decrement(OrderLine, { id: short.line.id }, "quantityAccepted", short.units);
      await m.save(Adjustment, {
        producerGroupId: cycle.producerGroupId,
        orderId: short.line.orderId,
        orderLineId: short.line.id,
        kind: "REFUND" as const,
        amountFen: short.units * short.line.unitPriceFen,
        reason: "quality check shortfall",
      });
    }
    saved.push(lot);
  }
  return saved;
}

/**
 * The intake of the settlement scenarios on {@link createDeliveredCycle}: L1 H1 eggs 6 of 6
 * accepted, L2 H2 eggs 3 of 4 (PARTIAL), L3 H3 walnuts 0 of 3 (REJECTED), L4 H1 walnuts 2 of 2;
 * with the REFUND adjustments of the shortfalls.
 */
export function recordSettlementIntake(
  dataSource: DataSource,
  market: DeliveredCycle,
): Promise<Lot[]> {
  const { h1, h2, h3 } = market.households;
  const { o1Eggs, o1Walnuts, o2Eggs, o3Walnuts } = market.lines;
  return recordIntake(dataSource, market.cycle, [
    // L1: H1 eggs, 5 to O1 + 1 to O2, all 6 accepted
    {
      household: h1,
      offer: market.eggs,
      allocations: [
        { line: o1Eggs, quantity: 5 },
        { line: o2Eggs, quantity: 1 },
      ],
      accepted: 6,
      shortfalls: [],
    },
    // L2: H2 eggs, 4 to O2, 3 accepted (PARTIAL): O2 eggs 5 → 4 accepted, REFUND 1 × 1600
    {
      household: h2,
      offer: market.eggs,
      allocations: [{ line: o2Eggs, quantity: 4 }],
      accepted: 3,
      shortfalls: [{ line: o2Eggs, units: 1 }],
    },
    // L3: H3 walnuts, 1 to O1 + 2 to O3, REJECTED: REFUND 1 × 3550 on O1, 2 × 3550 = 7100 on O3
    {
      household: h3,
      offer: market.walnuts,
      allocations: [
        { line: o1Walnuts, quantity: 1 },
        { line: o3Walnuts, quantity: 2 },
      ],
      accepted: 0,
      shortfalls: [
        { line: o1Walnuts, units: 1 },
        { line: o3Walnuts, units: 2 },
      ],
    },
    // L4: H1 walnuts, 1 to O1 + 1 to O3, both accepted
    {
      household: h1,
      offer: market.walnuts,
      allocations: [
        { line: o1Walnuts, quantity: 1 },
        { line: o3Walnuts, quantity: 1 },
      ],
      accepted: 2,
      shortfalls: [],
    },
  ]);
}
