import { shopGraphql } from "@nested/e2e-kit";
import type { AdminE2E } from "./support.js";

/**
 * The small Baoshi month the settlements spec starts from, brought to DELIVERED through the Admin
 * and Shop APIs (no UI): household A declares 4 units and B 2 units of one variant; the offer
 * sells at ¥15.00 to consumers and pays producers ¥12.00; three Baoshi consumers (c0498 … c0500)
 * each order 2 units, finance records every payment in full; A's lot is received whole but only 3
 * of its 4 units accepted (STALE), so one unit (¥15.00) is owed back to one consumer; B's lot is
 * accepted whole, and all three orders are picked up.
 */
export interface DeliveredBaoshiCycle {
  producerGroupId: string;
  cycleId: string;
  /** Codes of household A (4 units) and B (2 units), e.g. "BS-001". */
  codeA: string;
  codeB: string;
}

/** Consumer price and producer price of the one offer, in fen. */
export const PRICE_FEN = 1500;
export const PRODUCER_PRICE_FEN = 1200;

type Answer = Record<string, unknown> & { __typename: string };

/** Throws with the answer when an operation did not answer `typename`. */
function expectType(answer: Answer, typename: string, what: string): Answer {
  if (answer.__typename !== typename) throw new Error(`${what}: ${JSON.stringify(answer)}`);
  return answer;
}

const TRANSITION = `mutation($id: ID!, $to: OrderCycleState!) { transitionOrderCycle(id: $id, to: $to) {
  __typename ... on AdminOrderCycle { state } ... on ErrorResult { message } } }`;

/**
 * Moves a cycle to `to` with a staff token (the cycle board's transition), throwing when refused.
 */
export async function transitionCycle(
  run: AdminE2E,
  staffToken: string,
  cycleId: string,
  to: string,
): Promise<void> {
  const res = await run.admin<{ transitionOrderCycle: Answer }>(staffToken, TRANSITION, {
    id: cycleId,
    to,
  });
  expectType(res.transitionOrderCycle, "AdminOrderCycle", `transition to ${to}`);
}

/** Baoshi's producer group id (staff works for both groups). */
async function baoshiGroup(run: AdminE2E, staff: string): Promise<string> {
  const res = await run.admin<{ producerGroups: { id: string; nameEn: string }[] }>(
    staff,
    `{ producerGroups { id nameEn } }`,
  );
  const group = res.producerGroups.find((g) => /baoshi/i.test(g.nameEn));
  if (!group) throw new Error(`no Baoshi group in ${JSON.stringify(res.producerGroups)}`);
  return group.id;
}

/** Cancels Baoshi's demo OPEN cycle (only one OPEN cycle per group). */
async function cancelOpenCycle(run: AdminE2E, staff: string, groupId: string): Promise<void> {
  const res = await run.admin<{ orderCycles: { items: { id: string }[] } }>(
    staff,
    `query($g: ID!) { orderCycles(producerGroupId: $g, state: OPEN) { items { id } } }`,
    { g: groupId },
  );
  for (const c of res.orderCycles.items) await transitionCycle(run, staff, c.id, "CANCELLED");
}

/** A variant sold by the unit that may be ordered at least twice in one order. */
async function someVariant(run: AdminE2E, staff: string): Promise<string> {
  const res = await run.admin<{
    products: { items: { variants: { id: string; maxPerOrder: number }[] }[] };
  }>(staff, `{ products(page: { skip: 0, take: 20 }) { items { variants { id maxPerOrder } } } }`);
  const variant = res.products.items.flatMap((p) => p.variants).find((v) => v.maxPerOrder >= 2);
  if (!variant) throw new Error("no variant allows 2 per order");
  return variant.id;
}

/** A Shanghai business day `days` after the instant `ms`. */
function shanghaiDay(ms: number, days = 0): string {
  return new Date(ms + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Signs a demo consumer in on the Shop API and returns the bearer token. */
async function consumerToken(run: AdminE2E, login: string): Promise<string> {
  const res = await shopGraphql<{ signIn: { token?: string; message?: string } }>(
    run.server.origin,
    `mutation($login: String!) { signIn(input: { login: $login, password: "demo1234", tokenDelivery: BEARER }) {
      ... on SignedIn { token } ... on ErrorResult { message } } }`,
    { login },
  );
  if (!res.signIn.token) throw new Error(`${login}: ${res.signIn.message}`);
  return res.signIn.token;
}

/**
 * Plans, opens, takes the three orders, collects, packs and delivers the cycle; every order
 * paid (finance) and picked up. Resolves when the cycle is DELIVERED.
 */
export async function deliveredBaoshiCycle(run: AdminE2E): Promise<DeliveredBaoshiCycle> {
  const staff = await run.adminToken("staff@demo.nested.market");
  const finance = await run.adminToken("finance@demo.nested.market");
  const producerGroupId = await baoshiGroup(run, staff);
  await cancelOpenCycle(run, staff, producerGroupId);
  const now = Date.now();
  const created = await run.admin<{ createOrderCycle: Answer & { id: string } }>(
    staff,
    `mutation($input: CreateOrderCycleInput!) { createOrderCycle(input: $input) {
      __typename ... on AdminOrderCycle { id } ... on InvalidInputError { problems { field message } } } }`,
    {
      input: {
        producerGroupId,
        code: "2035-06",
        declarationOpensOn: shanghaiDay(now, -1),
        opensAt: new Date(now - 3_600_000).toISOString(),
        closesAt: new Date(now + 2 * 3_600_000).toISOString(),
        deliveryOn: shanghaiDay(now, 3),
      },
    },
  );
  const cycleId = expectType(created.createOrderCycle, "AdminOrderCycle", "create").id as string;
  await transitionCycle(run, staff, cycleId, "DECLARING");

  const households = await run.admin<{ households: { items: { id: string; code: string }[] } }>(
    staff,
    `query($g: ID!) { households(filter: { producerGroupId: $g, membershipState: ACTIVE },
      page: { skip: 0, take: 2 }) { items { id code } } }`,
    { g: producerGroupId },
  );
  const [a, b] = households.households.items;
  if (!a || !b) throw new Error("Baoshi has fewer than two active households");
  const variantId = await someVariant(run, staff);
  const declared = await run.admin<{ recordSupplyDeclarations: Answer }>(
    staff,
    `mutation($id: ID!, $entries: [SupplyDeclarationEntry!]!) { recordSupplyDeclarations(orderCycleId: $id, entries: $entries) {
      __typename ... on InvalidInputError { problems { field message } } ... on ErrorResult { message } } }`,
    {
      id: cycleId,
      entries: [
        { householdId: a.id, variantId, quantity: 4 },
        { householdId: b.id, variantId, quantity: 2 },
      ],
    },
  );
  expectType(declared.recordSupplyDeclarations, "SupplyDeclarationsRecorded", "declare");
  const published = await run.admin<{
    publishOffers: Answer & { offers?: { id: string }[] };
  }>(
    staff,
    `mutation($id: ID!, $offers: [OfferPlanInput!]!) { publishOffers(orderCycleId: $id, offers: $offers) {
      __typename ... on OffersPublished { offers { id } } ... on InvalidInputError { problems { field message } } ... on ErrorResult { message } } }`,
    {
      id: cycleId,
      offers: [{ variantId, priceFen: PRICE_FEN, producerPriceFen: PRODUCER_PRICE_FEN, buffer: 0 }],
    },
  );
  const offerId = expectType(published.publishOffers, "OffersPublished", "publish").offers as {
    id: string;
  }[];
  await transitionCycle(run, staff, cycleId, "OPEN");

  const points = await shopGraphql<{ pickupPoints: { id: string }[] }>(
    run.server.origin,
    `query($g: ID) { pickupPoints(producerGroupId: $g) { id } }`,
    { g: producerGroupId },
  );
  const orderIds: string[] = [];
  for (const login of ["c0498", "c0499", "c0500"]) {
    const token = await consumerToken(run, `${login}@demo.nested.market`);
    const placed = await shopGraphql<{ placeOrder: Answer & { id?: string } }>(
      run.server.origin,
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
        __typename ... on Order { id totalFen } ... on ErrorResult { message } } }`,
      {
        input: {
          orderCycleId: cycleId,
          pickupPointId: points.pickupPoints[0]!.id,
          lines: [{ offerId: offerId[0]!.id, quantity: 2 }],
          idempotencyKey: `settlements-e2e-${login}`,
        },
      },
      token,
    );
    orderIds.push(expectType(placed.placeOrder, "Order", `order of ${login}`).id as string);
  }
  for (const orderId of orderIds) {
    // 2 units × ¥15.00 = ¥30.00 each
    const paid = await run.admin<{ recordPayment: Answer }>(
      finance,
      `mutation($id: ID!) { recordPayment(orderId: $id, amountFen: 3000, method: WECHAT_PAY, reference: "E2E") {
        __typename ... on ErrorResult { message } } }`,
      { id: orderId },
    );
    expectType(paid.recordPayment, "RecordedPayment", "payment");
  }
  for (const to of ["CLOSED", "ALLOCATED", "COLLECTING"])
    await transitionCycle(run, staff, cycleId, to);
  const lots = await run.admin<{
    lots: { items: { id: string; householdCode: string; quantityAllocated: number }[] };
  }>(
    staff,
    `query($id: ID!) { lots(orderCycleId: $id) { items { id householdCode quantityAllocated } } }`,
    {
      id: cycleId,
    },
  );
  for (const lot of lots.lots.items) {
    const short = lot.householdCode === a.code ? 1 : 0;
    const checked = await run.admin<{ recordQualityCheck: Answer }>(
      staff,
      `mutation($input: QualityCheckInput!) { recordQualityCheck(input: $input) {
        __typename ... on ErrorResult { message } } }`,
      {
        input: {
          lotId: lot.id,
          quantityReceived: lot.quantityAllocated,
          quantityAccepted: lot.quantityAllocated - short,
          reason: short ? "STALE" : null,
        },
      },
    );
    expectType(checked.recordQualityCheck, "QualityCheckRecorded", "quality check");
  }
  for (const to of ["PACKED", "DISPATCHED", "DELIVERED"])
    await transitionCycle(run, staff, cycleId, to);
  const picked = await run.admin<{ markOrdersPickedUp: Answer }>(
    staff,
    `mutation($ids: [ID!]!) { markOrdersPickedUp(orderIds: $ids) { __typename ... on ErrorResult { message } } }`,
    { ids: orderIds },
  );
  expectType(picked.markOrdersPickedUp, "OrdersMarked", "pickups");
  return { producerGroupId, cycleId, codeA: a.code, codeB: b.code };
}
