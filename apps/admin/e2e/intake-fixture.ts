import { shopGraphql } from "@nested/e2e-kit";
import { DEMO_PASSWORD, type AdminE2E } from "./support.js";

/** Staff's demo sign-in (manages both demo producer groups). */
export const STAFF_LOGIN = "staff@demo.nested.market";

/**
 * The Baoshi cycle {@link allocatedBaoshiCycle} sets up, ALLOCATED. Prices in fen.
 * - Lots: of three Baoshi households, by code, A declares 10 × eggs 1 jin (¥25.00, producer
 *   ¥21.00); B 4 × walnuts 2 jin (¥56.00, producer ¥48.00); C 2 × millet 5-jin bag (¥54.00,
 *   producer ¥47.00).
 * - Orders (placed in this order through the Shop API):
 *   O1 c0498 at Changping: eggs 3;  O2 c0499 at Changping: eggs 2 + walnuts 1;
 *   O3 c0500 at Tongzhou: eggs 4 + walnuts 2 + millet 2.
 * - Allocation: each variant has one lot, so eggs 3 + 2 + 4 = 9 of A's 10, walnuts 1 + 2 = 3 of
 *   B's 4, millet 2 of C's 2.
 */
export interface BaoshiCycle {
  producerGroupId: string;
  cycleId: string;
  /** Household codes: A has the eggs lot, B walnuts, C millet (A < B < C, the intake list's order). */
  householdA: string;
  householdB: string;
  householdC: string;
  /** Pickup point ids by English name. */
  changpingId: string;
  tongzhouId: string;
  /** Order ids O1, O2, O3. */
  orderIds: string[];
}

type Admin = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

const TRANSITION = `mutation($id: ID!, $to: OrderCycleState!) {
  transitionOrderCycle(id: $id, to: $to) {
    __typename ... on AdminOrderCycle { state } ... on ErrorResult { message } } }`;

async function transition(admin: Admin, id: string, to: string): Promise<void> {
  const answer = await admin<{ transitionOrderCycle: { __typename: string; message?: string } }>(
    TRANSITION,
    { id, to },
  );
  if (answer.transitionOrderCycle.__typename !== "AdminOrderCycle")
    throw new Error(`${to} refused: ${answer.transitionOrderCycle.message}`);
}

/** Asserts an answer's `__typename`, throwing with the whole answer otherwise. */
function expectType<T extends { __typename: string }>(answer: T, typename: string): T {
  if (answer.__typename !== typename)
    throw new Error(`expected ${typename}, got ${JSON.stringify(answer)}`);
  return answer;
}

/**
 * Brings a new Baoshi cycle to ALLOCATED through the Admin API (as staff) and the Shop API (as
 * three Baoshi consumers), as described on {@link BaoshiCycle}: cancels the demo's OPEN Baoshi
 * cycle (only one OPEN per group), creates "2027-01" (ordering window from an hour ago to two
 * hours ahead, delivery three days ahead, by the database clock), declares, publishes, opens,
 * orders, closes and allocates. Throws on any refusal.
 */
export async function allocatedBaoshiCycle(run: AdminE2E): Promise<BaoshiCycle> {
  const token = await run.adminToken(STAFF_LOGIN);
  const admin: Admin = (query, variables) => run.admin(token, query, variables);
  const { producerGroups } = await admin<{ producerGroups: { id: string; nameEn: string }[] }>(
    "{ producerGroups { id nameEn } }",
  );
  const producerGroupId = producerGroups.find((g) => g.nameEn.startsWith("Baoshi"))!.id;
  const open = await admin<{ orderCycles: { items: { id: string }[] } }>(
    `query($g: ID!) { orderCycles(state: OPEN, producerGroupId: $g) { items { id } } }`,
    { g: producerGroupId },
  );
  for (const cycle of open.orderCycles.items) await transition(admin, cycle.id, "CANCELLED");

  const { rows } = await run.server.db.query<{ now: Date }>("SELECT now() AS now");
  const now = rows[0]!.now.getTime();
  const shanghaiDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
  const created = await admin<{ createOrderCycle: { __typename: string; id: string } }>(
    `mutation($input: CreateOrderCycleInput!) { createOrderCycle(input: $input) {
      __typename ... on AdminOrderCycle { id } ... on InvalidInputError { problems { field message } } } }`,
    {
      input: {
        producerGroupId,
        code: "2027-01",
        declarationOpensOn: shanghaiDay(now - 24 * 3600_000),
        opensAt: new Date(now - 3600_000).toISOString(),
        closesAt: new Date(now + 2 * 3600_000).toISOString(),
        deliveryOn: shanghaiDay(now + 3 * 24 * 3600_000),
      },
    },
  );
  const cycleId = expectType(created.createOrderCycle, "AdminOrderCycle").id;
  await transition(admin, cycleId, "DECLARING");

  const households = await admin<{ households: { items: { id: string; code: string }[] } }>(
    `query($g: ID!) { households(filter: { producerGroupId: $g }, page: { skip: 0, take: 3 }) {
      items { id code } } }`,
    { g: producerGroupId },
  );
  const [a, b, h] = [...households.households.items].sort((x, y) => x.code.localeCompare(y.code));
  const variants = await run.server.db.query<{ id: string; name_en: string }>(
    `SELECT id, name_en FROM variants
      WHERE name_en IN ('Free-range eggs, 1 jin', 'Walnuts, 2 jin', 'Millet, 5-jin bag')`,
  );
  const variantId = (name: string) => variants.rows.find((v) => v.name_en === name)!.id;
  const eggs = variantId("Free-range eggs, 1 jin");
  const walnuts = variantId("Walnuts, 2 jin");
  const millet = variantId("Millet, 5-jin bag");
  const declared = await admin<{ recordSupplyDeclarations: { __typename: string } }>(
    `mutation($id: ID!, $entries: [SupplyDeclarationEntry!]!) {
      recordSupplyDeclarations(orderCycleId: $id, entries: $entries) {
        __typename ... on InvalidInputError { problems { field message } } } }`,
    {
      id: cycleId,
      entries: [
        { householdId: a!.id, variantId: eggs, quantity: 10 },
        { householdId: b!.id, variantId: walnuts, quantity: 4 },
        { householdId: h!.id, variantId: millet, quantity: 2 },
      ],
    },
  );
  expectType(declared.recordSupplyDeclarations, "SupplyDeclarationsRecorded");
  const published = await admin<{
    publishOffers: { __typename: string; offers: { id: string; variantId: string }[] };
  }>(
    `mutation($id: ID!, $offers: [OfferPlanInput!]!) { publishOffers(orderCycleId: $id, offers: $offers) {
      __typename ... on OffersPublished { offers { id variantId } }
      ... on InvalidInputError { problems { field message } } } }`,
    {
      id: cycleId,
      offers: [
        { variantId: eggs, priceFen: 2500, producerPriceFen: 2100, buffer: 0 },
        { variantId: walnuts, priceFen: 5600, producerPriceFen: 4800, buffer: 0 },
        { variantId: millet, priceFen: 5400, producerPriceFen: 4700, buffer: 0 },
      ],
    },
  );
  const offers = expectType(published.publishOffers, "OffersPublished").offers;
  const offerOf = (variant: string) => offers.find((o) => o.variantId === variant)!.id;
  await transition(admin, cycleId, "OPEN");

  const points = await run.server.db.query<{ id: string; name_en: string }>(
    "SELECT id, name_en FROM pickup_points WHERE producer_group_id = $1",
    [producerGroupId],
  );
  const pointId = (prefix: string) => points.rows.find((p) => p.name_en.startsWith(prefix))!.id;
  const changpingId = pointId("Changping");
  const tongzhouId = pointId("Tongzhou");
  const plan: [string, string, [string, number][]][] = [
    ["c0498", changpingId, [[eggs, 3]]],
    [
      "c0499",
      changpingId,
      [
        [eggs, 2],
        [walnuts, 1],
      ],
    ],
    [
      "c0500",
      tongzhouId,
      [
        [eggs, 4],
        [walnuts, 2],
        [millet, 2],
      ],
    ],
  ];
  const orderIds: string[] = [];
  for (const [consumer, pickupPointId, lines] of plan) {
    const signIn = await shopGraphql<{ signIn: { token?: string } }>(
      run.server.origin,
      `mutation($login: String!, $password: String!) { signIn(input: { login: $login,
        password: $password, tokenDelivery: BEARER }) { ... on SignedIn { token } } }`,
      { login: `${consumer}@demo.nested.market`, password: DEMO_PASSWORD },
    );
    const placed = await shopGraphql<{ placeOrder: { __typename: string; id: string } }>(
      run.server.origin,
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
        __typename ... on Order { id } ... on ErrorResult { message } } }`,
      {
        input: {
          orderCycleId: cycleId,
          pickupPointId,
          idempotencyKey: `intake-e2e-${consumer}`,
          lines: lines.map(([variant, quantity]) => ({ offerId: offerOf(variant), quantity })),
        },
      },
      signIn.signIn.token,
    );
    orderIds.push(expectType(placed.placeOrder, "Order").id);
  }
  await transition(admin, cycleId, "CLOSED");
  await transition(admin, cycleId, "ALLOCATED");
  return {
    producerGroupId,
    cycleId,
    householdA: a!.code,
    householdB: b!.code,
    householdC: h!.code,
    changpingId,
    tongzhouId,
    orderIds,
  };
}
