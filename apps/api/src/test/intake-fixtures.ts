import type { Role } from "@nested/domain";
import pino from "pino";
import type { DataSource } from "typeorm";
import { LoaderRegistry } from "../graphql/loader-registry";
import type { RequestContext } from "../graphql/request-context";
import { Variant } from "../modules/catalog/variant.entity";
import { ConsumerHousehold } from "../modules/consumer/consumer-household.entity";
import { PickupPoint } from "../modules/consumer/pickup-point.entity";
import { Offer } from "../modules/cycle/offer.entity";
import { OrderCycle } from "../modules/cycle/order-cycle.entity";
import { SupplyDeclaration } from "../modules/cycle/supply-declaration.entity";
import { Household } from "../modules/household/household.entity";
import { HouseholdYear } from "../modules/household/household-year.entity";
import { SignInLimiter } from "../modules/identity/sign-in-limiter";
import { User } from "../modules/identity/user.entity";
import { Lot } from "../modules/intake/lot.entity";
import { OrderLine } from "../modules/order/order-line.entity";
import { Order } from "../modules/order/order.entity";
import type { Fixture } from "./fixtures";

/**
 * Sanggang's intake scene on top of {@link Fixture}: four member households with 2011 incomes
 * (poverty line 2011: 2536 yuan), two pickup points and five consumer households.
 * - SG-001 registered poor, 1200 yuan (band ⌊4×1200/2536⌋ = 1)
 * - SG-003 registered poor, 2000 yuan (band ⌊8000/2536⌋ = 3)
 * - SG-002 not poor, 3000 yuan (band ⌊12000/2536⌋ = 4)
 * - SG-004 not poor, 3100 yuan (band ⌊12400/2536⌋ = 4)
 * The first consumer is called "=1+1" (a formula, to test CSV neutralising) with a phone.
 */
export interface IntakeScene {
  eggs: Variant;
  millet: Variant;
  households: Record<"SG-001" | "SG-002" | "SG-003" | "SG-004", Household>;
  pickupPoints: [PickupPoint, PickupPoint];
  consumers: ConsumerHousehold[];
}

/** Writes {@link IntakeScene}. */
export async function createIntakeScene(ds: DataSource, fixture: Fixture): Promise<IntakeScene> {
  const m = ds.manager;
  const sg = fixture.groups.sanggang;
  const [sg001, sg002] = fixture.households;
  const extra = await m.save(
    Household,
    [
      { code: "SG-003", headName: "刘凤英", registeredPoor: true, size: 2 },
      { code: "SG-004", headName: "陈志强", registeredPoor: false, size: 4 },
    ].map((h) => ({
      ...h,
      producerGroupId: sg.id,
      villageId: fixture.villages.sanggang.id,
      headSex: "F" as const,
      headAgeBand: "50_59" as const,
      membershipState: "ACTIVE" as const,
      joinedOn: "2011-04-01",
    })),
  );
  const households = {
    "SG-001": sg001!,
    "SG-002": sg002!,
    "SG-003": extra[0]!,
    "SG-004": extra[1]!,
  };
  await m.save(HouseholdYear, [
    {
      householdId: sg001!.id,
      year: 2011,
      povertyStatus: "REGISTERED",
      perCapitaNetIncomeYuan: 1200,
    },
    {
      householdId: extra[0]!.id,
      year: 2011,
      povertyStatus: "REGISTERED",
      perCapitaNetIncomeYuan: 2000,
    },
    {
      householdId: sg002!.id,
      year: 2011,
      povertyStatus: "NOT_REGISTERED",
      perCapitaNetIncomeYuan: 3000,
    },
    {
      householdId: extra[1]!.id,
      year: 2011,
      povertyStatus: "NOT_REGISTERED",
      perCapitaNetIncomeYuan: 3100,
    },
    // a later year must not be used for a 2011 cycle
    {
      householdId: extra[1]!.id,
      year: 2012,
      povertyStatus: "NOT_REGISTERED",
      perCapitaNetIncomeYuan: 100,
    },
  ] as Partial<HouseholdYear>[]);
  const variants = await m.find(Variant, { relations: { product: true } });
  const eggs = variants.find((v) => v.nameZh === "一斤装")!;
  const millet = variants.find((v) => v.nameZh === "五斤装")!;
  const second = await m.save(PickupPoint, {
    producerGroupId: sg.id,
    nameZh: "朝阳·望京",
    nameEn: "Chaoyang, Wangjing",
    city: "北京",
    address: "北京市朝阳区望京街 9 号",
    pickupHours: "周六 14:00–17:00",
  });
  const consumers: ConsumerHousehold[] = [];
  const names = ["=1+1", "王家", "赵家", "孙家", "周家"];
  for (const [i, name] of names.entries()) {
    const user = await m.save(User, {
      email: `intake-consumer${i}@fixture.test`,
      phone: `+86138001380${String(i).padStart(2, "0")}`,
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$placeholder",
      role: "CONSUMER",
      displayName: name,
    });
    consumers.push(
      await m.save(ConsumerHousehold, {
        producerGroupId: sg.id,
        consumerGroupId: fixture.consumerGroup.id,
        userId: user.id,
        displayName: name,
        defaultPickupPointId: fixture.pickupPoint.id,
      }),
    );
  }
  return { eggs, millet, households, pickupPoints: [fixture.pickupPoint, second], consumers };
}

/** A cycle closed for ordering: DECLARED lots and LOCKED orders, ready for allocation. */
export interface ClosedCycle {
  cycle: OrderCycle;
  /** `${householdCode}/${variantNameZh}` → lot. */
  lots: Map<string, Lot>;
  orders: Order[];
  /** One line per order, in the order given. */
  lines: OrderLine[];
}

const PRICE_FEN: Record<string, number> = { 一斤装: 1600, 五斤装: 4200 };

/**
 * Writes a CLOSED cycle of Sanggang with offers, declarations and their DECLARED lots, and LOCKED
 * one-line orders placed one minute apart in the order given (eggs ¥16.00, millet ¥42.00).
 */
export async function createClosedCycle(
  ds: DataSource,
  fixture: Fixture,
  scene: IntakeScene,
  spec: {
    code: string;
    opensAt: string;
    deliveryOn: string;
    declarations: [code: keyof IntakeScene["households"], variant: Variant, quantity: number][];
    orders: [consumer: number, point: number, variant: Variant, quantity: number][];
  },
): Promise<ClosedCycle> {
  const m = ds.manager;
  const sg = fixture.groups.sanggang;
  const opensAt = new Date(spec.opensAt);
  const cycle = await m.save(OrderCycle, {
    producerGroupId: sg.id,
    code: spec.code,
    state: "CLOSED",
    declarationOpensOn: spec.opensAt.slice(0, 10),
    opensAt,
    closesAt: new Date(opensAt.getTime() + 10 * 24 * 3600_000),
    deliveryOn: spec.deliveryOn,
  });
  const variants = [
    ...new Set([...spec.declarations.map((d) => d[1]), ...spec.orders.map((o) => o[2])]),
  ];
  const offers = new Map<string, Offer>();
  for (const variant of variants) {
    offers.set(
      variant.id,
      await m.save(Offer, {
        producerGroupId: sg.id,
        orderCycleId: cycle.id,
        variantId: variant.id,
        priceFen: PRICE_FEN[variant.nameZh]!,
        producerPriceFen: Math.round(PRICE_FEN[variant.nameZh]! * 0.75),
        quantityTotal: 100,
      }),
    );
  }
  const lots = new Map<string, Lot>();
  for (const [code, variant, quantity] of spec.declarations) {
    const household = scene.households[code];
    const declaration = await m.save(SupplyDeclaration, {
      producerGroupId: sg.id,
      orderCycleId: cycle.id,
      householdId: household.id,
      variantId: variant.id,
      quantity,
    });
    lots.set(
      `${code}/${variant.nameZh}`,
      await m.save(Lot, {
        producerGroupId: sg.id,
        orderCycleId: cycle.id,
        householdId: household.id,
        variantId: variant.id,
        supplyDeclarationId: declaration.id,
        quantityDeclared: quantity,
      }),
    );
  }
  const orders: Order[] = [];
  const lines: OrderLine[] = [];
  for (const [i, [consumer, point, variant, quantity]] of spec.orders.entries()) {
    const offer = offers.get(variant.id)!;
    const order = await m.save(Order, {
      producerGroupId: sg.id,
      orderCycleId: cycle.id,
      consumerHouseholdId: scene.consumers[consumer]!.id,
      pickupPointId: scene.pickupPoints[point]!.id,
      state: "LOCKED",
      totalFen: offer.priceFen * quantity,
      idempotencyKey: `${spec.code}-${i}`,
      placedAt: new Date(opensAt.getTime() + (i + 1) * 60_000),
    });
    orders.push(order);
    lines.push(
      await m.save(OrderLine, {
        producerGroupId: sg.id,
        orderId: order.id,
        offerId: offer.id,
        variantId: variant.id,
        productNameZh: variant.product!.nameZh,
        productNameEn: variant.product!.nameEn,
        variantNameZh: variant.nameZh,
        variantNameEn: variant.nameEn,
        unitPriceFen: offer.priceFen,
        quantity,
        lineTotalFen: offer.priceFen * quantity,
      }),
    );
  }
  return { cycle, lots, orders, lines };
}

/** A request context for calling services directly, as a signed-in user of `role`. */
export function contextAs(
  ds: DataSource,
  user: User,
  role: Role,
  producerGroupIds: string[],
  locale: "zh-CN" | "en" = "zh-CN",
): RequestContext {
  return {
    requestId: "test",
    principal: { kind: "user", userId: user.id, role, sessionId: "test", producerGroupIds },
    locale,
    dataSource: ds,
    manager: ds.manager,
    loaders: new LoaderRegistry(),
    cookies: { set() {}, clear() {} },
    clientAddress: "127.0.0.1",
    signInLimiter: new SignInLimiter(),
    log: pino({ level: "silent" }),
  };
}
