import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createCycleRow,
  createOfferRow,
  createOrderRow,
  fixtureVariants,
  type FixtureVariants,
} from "../../test/cycle-fixtures";
import { FIXTURE_PASSWORD, type Fixture, loadFixture } from "../../test/fixtures";
import { type GraphqlClient, startTestApi, type TestApi } from "../../test/test-api";
import { Order } from "../order/order.entity";
import { Offer } from "./offer.entity";
import { OrderCycle } from "./order-cycle.entity";

/*
 * Adversarial tests of the cycle admin API: money left behind by a cancelled cycle, offers left
 * larger than the declarations they were made from.
 */

let t: TestApi;
let fixture: Fixture;
let variants: FixtureVariants;
let staff: GraphqlClient;
let finance: GraphqlClient;

beforeAll(async () => {
  t = await startTestApi("cycle_abuse", {
    prepare: async (ds) => void (fixture = await loadFixture(ds)),
  });
  variants = await fixtureVariants(t.dataSource);
  staff = await t.admin().signIn(fixture.logins.STAFF, FIXTURE_PASSWORD);
  finance = await t.admin().signIn(fixture.logins.FINANCE, FIXTURE_PASSWORD);
});
afterAll(() => t?.close());

const TRANSITION = `mutation($id: ID!, $to: OrderCycleState!) {
  transitionOrderCycle(id: $id, to: $to) {
    __typename
    ... on AdminOrderCycle { state }
    ... on InvalidInputError { problems { field message } }
    ... on ErrorResult { errorCode message }
  }
}`;

interface TransitionAnswer {
  transitionOrderCycle: {
    __typename: string;
    state?: string;
    problems?: { field: string; message: string }[];
    message?: string;
  };
}

function move(client: GraphqlClient, id: string, to: string) {
  return client.data<TransitionAnswer>(TRANSITION, { id, to });
}

let codes = 0;
function cycleIn(state: OrderCycle["state"]): Promise<OrderCycle> {
  codes += 1;
  return createCycleRow(
    t.dataSource,
    fixture.groups.sanggang.id,
    `2019-${String(codes).padStart(2, "0")}`,
    state,
  );
}

async function pay(order: Order, amountFen: number): Promise<void> {
  await t.dataSource.query(
    `INSERT INTO payments (producer_group_id, order_id, amount_fen, method, paid_at, recorded_by_user_id)
     VALUES ($1, $2, $3, 'CASH', now(), $4)`,
    [order.producerGroupId, order.id, amountFen, fixture.users.FINANCE.id],
  );
}

async function paymentState(order: Order): Promise<string> {
  return (await t.dataSource.getRepository(Order).findOneByOrFail({ id: order.id })).paymentState;
}

describe("cancelling a cycle owes back every fen already paid", () => {
  it("moves a part-paid order and one the consumer cancelled after paying to CREDIT_OWED, so finance can refund them", async () => {
    const cycle = await cycleIn("OPEN");
    const offer = await createOfferRow(t.dataSource, cycle, variants.eggsJin, 1000, 700, 100);
    // A: 2 × 1000 = 2000 fen owed, 500 paid so far (a part payment: still UNPAID).
    const partPaid = await createOrderRow(t.dataSource, fixture, cycle, [[offer, 2]]);
    await pay(partPaid, 500);
    // B: 1 × 1000 paid in full, then cancelled by the consumer while OPEN (units given back).
    const cancelledPaid = await createOrderRow(t.dataSource, fixture, cycle, [[offer, 1]], "PAID");
    await pay(cancelledPaid, 1000);
    await t.dataSource
      .getRepository(Order)
      .update({ id: cancelledPaid.id }, { state: "CANCELLED" });
    await t.dataSource.query(
      "UPDATE offers SET quantity_reserved = quantity_reserved - 1 WHERE id = $1",
      [offer.id],
    );
    // C: nothing paid: nothing is owed to it.
    const unpaid = await createOrderRow(t.dataSource, fixture, cycle, [[offer, 1]]);

    expect((await move(staff, cycle.id, "CANCELLED")).transitionOrderCycle.state).toBe("CANCELLED");
    expect(await paymentState(partPaid)).toBe("CREDIT_OWED");
    expect(await paymentState(cancelledPaid)).toBe("CREDIT_OWED");
    expect(await paymentState(unpaid)).toBe("UNPAID");
    // every reserved unit is back: 3 reserved − 1 released by B's cancel − 2 (A) − 1 (C) = 0
    expect(
      (await t.dataSource.getRepository(Offer).findOneByOrFail({ id: offer.id })).quantityReserved,
    ).toBe(0);

    const REFUND = `mutation($id: ID!) {
      recordRefund(orderId: $id, method: CASH) {
        __typename ... on AdminOrder { paymentState paidFen dueFen }
      }
    }`;
    const refunded = await finance.data<{
      recordRefund: {
        __typename: string;
        paymentState?: string;
        paidFen?: number;
        dueFen?: number;
      };
    }>(REFUND, { id: partPaid.id });
    // a cancelled order owes 0; the 500 fen paid go back
    expect(refunded.recordRefund).toEqual({
      __typename: "AdminOrder",
      paymentState: "REFUNDED",
      paidFen: 500,
      dueFen: 0,
    });
  });
});

describe("offers cannot promise more than the households still declare", () => {
  const DECLARE = `mutation($cycle: ID!, $entries: [SupplyDeclarationEntry!]!) {
    recordSupplyDeclarations(orderCycleId: $cycle, entries: $entries) { __typename }
  }`;
  const PUBLISH = `mutation($cycle: ID!, $offers: [OfferPlanInput!]!) {
    publishOffers(orderCycleId: $cycle, offers: $offers) {
      __typename ... on OffersPublished { offers { quantityTotal } }
    }
  }`;

  it("refuses to open ordering while an offer is larger than the declarations left after a household lowered its own", async () => {
    const cycle = await cycleIn("DECLARING");
    const household = fixture.households[0]!.id;
    const declare = (quantity: number) =>
      staff.data<{ recordSupplyDeclarations: { __typename: string } }>(DECLARE, {
        cycle: cycle.id,
        entries: [{ householdId: household, variantId: variants.eggsJin.id, quantity }],
      });
    expect((await declare(50)).recordSupplyDeclarations.__typename).toBe(
      "SupplyDeclarationsRecorded",
    );
    const published = await staff.data<{
      publishOffers: { __typename: string; offers?: { quantityTotal: number }[] };
    }>(PUBLISH, {
      cycle: cycle.id,
      offers: [
        { variantId: variants.eggsJin.id, priceFen: 1000, producerPriceFen: 700, buffer: 5 },
      ],
    });
    // 50 declared − 5 buffer = 45 on offer
    expect(published.publishOffers.offers).toEqual([{ quantityTotal: 45 }]);
    // the household now can only bring 10: the 45 on offer are no longer there
    expect((await declare(10)).recordSupplyDeclarations.__typename).toBe(
      "SupplyDeclarationsRecorded",
    );

    const refused = await move(staff, cycle.id, "OPEN");
    expect(refused.transitionOrderCycle.__typename).toBe("InvalidInputError");
    expect(refused.transitionOrderCycle.problems).toEqual([
      {
        field: "to",
        message:
          "有报价的可售数量超过了农户现在的报货总数，请重新发布报价：柴鸡蛋 一斤装（可售 45，报货 10）。",
      },
    ]);
    expect(
      (await t.dataSource.getRepository(OrderCycle).findOneByOrFail({ id: cycle.id })).state,
    ).toBe("DECLARING");

    // republished from what is declared now (10 − 5 = 5), ordering opens
    await staff.data(PUBLISH, {
      cycle: cycle.id,
      offers: [
        { variantId: variants.eggsJin.id, priceFen: 1000, producerPriceFen: 700, buffer: 5 },
      ],
    });
    expect((await move(staff, cycle.id, "OPEN")).transitionOrderCycle.state).toBe("OPEN");
  });
});
