import { ORDER_CYCLE_STATES, orderCycleMachine, type OrderCycleState } from "@nested/domain";
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
import { Lot } from "../intake/lot.entity";
import { Order } from "../order/order.entity";
import { Offer } from "./offer.entity";
import { OrderCycle } from "./order-cycle.entity";
import { SupplyDeclaration } from "./supply-declaration.entity";

let t: TestApi;
let fixture: Fixture;
let variants: FixtureVariants;
let staff: GraphqlClient;

beforeAll(async () => {
  t = await startTestApi("cycle_transition", {
    prepare: async (ds) => void (fixture = await loadFixture(ds)),
  });
  variants = await fixtureVariants(t.dataSource);
  staff = await t.admin().signIn(fixture.logins.STAFF, FIXTURE_PASSWORD);
});
afterAll(() => t?.close());

const TRANSITION = `mutation($id: ID!, $to: OrderCycleState!) {
  transitionOrderCycle(id: $id, to: $to) {
    __typename
    ... on AdminOrderCycle { state nextStates }
    ... on InvalidTransitionError { from to allowed }
    ... on InvalidInputError { problems { field message } }
    ... on ErrorResult { errorCode message }
  }
}`;

interface TransitionAnswer {
  transitionOrderCycle: {
    __typename: string;
    state?: string;
    nextStates?: string[];
    from?: string;
    to?: string;
    allowed?: string[];
    problems?: { field: string; message: string }[];
    message?: string;
  };
}

let codes = 0;
/** A fresh Sanggang cycle in `state` with a code of its own. */
function cycleIn(state: OrderCycleState): Promise<OrderCycle> {
  codes += 1;
  return createCycleRow(
    t.dataSource,
    fixture.groups.sanggang.id,
    `2020-${String(codes).padStart(2, "0")}`,
    state,
  );
}

function move(client: GraphqlClient, id: string, to: OrderCycleState) {
  return client.data<TransitionAnswer>(TRANSITION, { id, to });
}

/** Writes declarations of the fixture's two Sanggang members. */
async function declare(cycle: OrderCycle, rows: [number, string, number][]) {
  await t.dataSource.getRepository(SupplyDeclaration).save(
    rows.map(([household, variantId, quantity]) => ({
      producerGroupId: cycle.producerGroupId,
      orderCycleId: cycle.id,
      householdId: fixture.households[household]!.id,
      variantId,
      quantity,
    })),
  );
}

describe("moving a cycle through its states", () => {
  it("refuses every move the state machine does not allow, answering the allowed states and changing nothing", async () => {
    for (const from of ORDER_CYCLE_STATES) {
      const cycle = await cycleIn(from);
      for (const to of ORDER_CYCLE_STATES) {
        if (orderCycleMachine.canTransition(from, to)) continue;
        const res = await move(staff, cycle.id, to);
        expect(res.transitionOrderCycle).toMatchObject({
          __typename: "InvalidTransitionError",
          from,
          to,
          allowed: [...orderCycleMachine.nextStates(from)],
        });
      }
      expect(
        (await t.dataSource.getRepository(OrderCycle).findOneBy({ id: cycle.id }))!.state,
      ).toBe(from);
    }
    // Written as the UI shows it: ARCHIVED is final, OPEN may close or be cancelled.
    const archived = await cycleIn("ARCHIVED");
    const res = await move(staff, archived.id, "OPEN");
    expect(res.transitionOrderCycle.allowed).toEqual([]);
    expect(res.transitionOrderCycle.message).toBe(
      "订货周期不能从 ARCHIVED 改为 OPEN，只能改为：—。",
    );
    // a group has one OPEN cycle at a time: retire the OPEN one made above for the next tests
    await t.dataSource
      .getRepository(OrderCycle)
      .update(
        { producerGroupId: fixture.groups.sanggang.id, state: "OPEN" },
        { state: "CANCELLED" },
      );
  });

  it("moves DRAFT to DECLARING and says what comes next", async () => {
    const cycle = await cycleIn("DRAFT");
    const res = await move(staff, cycle.id, "DECLARING");
    expect(res.transitionOrderCycle).toEqual({
      __typename: "AdminOrderCycle",
      state: "DECLARING",
      nextStates: ["OPEN", "CANCELLED"],
    });
  });

  it("does not open a cycle without offers", async () => {
    const cycle = await cycleIn("DECLARING");
    const res = await move(staff, cycle.id, "OPEN");
    expect(res.transitionOrderCycle.problems).toEqual([
      { field: "to", message: "这个周期还没有任何报价，不能开放订货。" },
    ]);
    expect((await t.dataSource.getRepository(OrderCycle).findOneBy({ id: cycle.id }))!.state).toBe(
      "DECLARING",
    );
    await declare(cycle, [[0, variants.eggsJin.id, 10]]);
    await createOfferRow(t.dataSource, cycle, variants.eggsJin, 1600, 1200, 10);
    expect((await move(staff, cycle.id, "OPEN")).transitionOrderCycle.state).toBe("OPEN");
    // a group has one OPEN cycle at a time: make room for the next test's
    expect((await move(staff, cycle.id, "CANCELLED")).transitionOrderCycle.state).toBe("CANCELLED");
  });

  it("answers NotFoundError for another group's cycle and leaves it alone", async () => {
    const baoshi = await createCycleRow(t.dataSource, fixture.groups.baoshi.id, "2020-99", "DRAFT");
    const res = await move(staff, baoshi.id, "DECLARING");
    expect(res.transitionOrderCycle.__typename).toBe("NotFoundError");
    expect((await t.dataSource.getRepository(OrderCycle).findOneBy({ id: baoshi.id }))!.state).toBe(
      "DRAFT",
    );
  });

  it("closing locks the placed orders and creates one lot per declaration", async () => {
    const cycle = await cycleIn("OPEN");
    // SG-001 declared 6 jin of eggs and 2 bags of walnuts, SG-002 4 jin of eggs.
    await declare(cycle, [
      [0, variants.eggsJin.id, 6],
      [0, variants.walnuts.id, 2],
      [1, variants.eggsJin.id, 4],
    ]);
    const eggs = await createOfferRow(t.dataSource, cycle, variants.eggsJin, 1600, 1200, 10);
    const placed = await createOrderRow(t.dataSource, fixture, cycle, [[eggs, 3]]);
    const cancelled = await createOrderRow(t.dataSource, fixture, cycle, [[eggs, 1]]);
    await t.dataSource.getRepository(Order).update({ id: cancelled.id }, { state: "CANCELLED" });
    const res = await move(staff, cycle.id, "CLOSED");
    expect(res.transitionOrderCycle).toMatchObject({ state: "CLOSED", nextStates: ["ALLOCATED"] });
    const orders = await t.dataSource.getRepository(Order).findBy({ orderCycleId: cycle.id });
    expect(Object.fromEntries(orders.map((o) => [o.id, o.state]))).toEqual({
      [placed.id]: "LOCKED",
      [cancelled.id]: "CANCELLED",
    });
    const lots = await t.dataSource
      .getRepository(Lot)
      .find({ where: { orderCycleId: cycle.id }, order: { quantityDeclared: "DESC" } });
    expect(
      lots.map((l) => [
        l.householdId,
        l.variantId,
        l.quantityDeclared,
        l.state,
        l.quantityAllocated,
      ]),
    ).toEqual([
      [fixture.households[0]!.id, variants.eggsJin.id, 6, "DECLARED", 0],
      [fixture.households[1]!.id, variants.eggsJin.id, 4, "DECLARED", 0],
      [fixture.households[0]!.id, variants.walnuts.id, 2, "DECLARED", 0],
    ]);
    // The 3 units of the locked order stay reserved.
    expect(
      (await t.dataSource.getRepository(Offer).findOneBy({ id: eggs.id }))!.quantityReserved,
    ).toBe(4);
  });

  it("cancelling cancels every order, gives the stock back and owes paid orders their money", async () => {
    const cycle = await cycleIn("OPEN");
    const eggs = await createOfferRow(t.dataSource, cycle, variants.eggsJin, 1600, 1200, 10);
    const walnuts = await createOfferRow(t.dataSource, cycle, variants.walnuts, 3550, 2600, 20);
    const unpaid = await createOrderRow(t.dataSource, fixture, cycle, [
      [eggs, 2],
      [walnuts, 1],
    ]);
    const paid = await createOrderRow(t.dataSource, fixture, cycle, [[eggs, 5]], "PAID");
    // Reserved before: eggs 2 + 5 = 7, walnuts 1.
    expect(
      (await t.dataSource.getRepository(Offer).findOneBy({ id: eggs.id }))!.quantityReserved,
    ).toBe(7);
    const res = await move(staff, cycle.id, "CANCELLED");
    expect(res.transitionOrderCycle).toMatchObject({ state: "CANCELLED", nextStates: [] });
    const orders = await t.dataSource.getRepository(Order).findBy({ orderCycleId: cycle.id });
    const byId = Object.fromEntries(orders.map((o) => [o.id, [o.state, o.paymentState]]));
    expect(byId).toEqual({
      [unpaid.id]: ["CANCELLED", "UNPAID"],
      [paid.id]: ["CANCELLED", "CREDIT_OWED"],
    });
    const offers = await t.dataSource.getRepository(Offer).findBy({ orderCycleId: cycle.id });
    expect(offers.map((o) => o.quantityReserved)).toEqual([0, 0]);
  });

  it("closes a cycle once when two staff press the button at the same time", async () => {
    const cycle = await cycleIn("OPEN");
    await declare(cycle, [
      [0, variants.millet.id, 3],
      [1, variants.millet.id, 5],
    ]);
    const millet = await createOfferRow(t.dataSource, cycle, variants.millet, 4200, 3200, 8);
    await createOrderRow(t.dataSource, fixture, cycle, [[millet, 2]]);
    const other = await t.admin().signIn(fixture.logins.ADMIN, FIXTURE_PASSWORD);
    const answers = await Promise.all([
      move(staff, cycle.id, "CLOSED"),
      move(other, cycle.id, "CLOSED"),
    ]);
    const kinds = answers.map((a) => a.transitionOrderCycle.__typename).sort();
    expect(kinds).toEqual(["AdminOrderCycle", "InvalidTransitionError"]);
    const refused = answers.find(
      (a) => a.transitionOrderCycle.__typename === "InvalidTransitionError",
    )!;
    expect(refused.transitionOrderCycle).toMatchObject({ from: "CLOSED", allowed: ["ALLOCATED"] });
    expect(await t.dataSource.getRepository(Lot).countBy({ orderCycleId: cycle.id })).toBe(2);
  });
});

describe("one OPEN cycle per producer group", () => {
  it("opens exactly one of two cycles of a group opened at the same time, naming the other", async () => {
    const first = await cycleIn("DECLARING");
    const second = await cycleIn("DECLARING");
    // each offer of 10 is backed by 10 declared units, so only the other OPEN cycle refuses
    for (const cycle of [first, second]) {
      await declare(cycle, [[0, variants.eggsJin.id, 10]]);
      await createOfferRow(t.dataSource, cycle, variants.eggsJin, 1600, 1200, 10);
    }
    const other = await t.admin().signIn(fixture.logins.ADMIN, FIXTURE_PASSWORD);
    const answers = await Promise.all([
      move(staff, first.id, "OPEN"),
      move(other, second.id, "OPEN"),
    ]);
    const kinds = answers.map((a) => a.transitionOrderCycle.__typename).sort();
    expect(kinds).toEqual(["AdminOrderCycle", "InvalidTransitionError"]);
    const winner =
      answers[0]!.transitionOrderCycle.__typename === "AdminOrderCycle" ? first : second;
    const loser = winner === first ? second : first;
    const refused = answers.find(
      (a) => a.transitionOrderCycle.__typename === "InvalidTransitionError",
    )!.transitionOrderCycle;
    // DECLARING may go to OPEN or CANCELLED; OPEN is what was refused, so CANCELLED is left
    expect(refused).toMatchObject({
      from: "DECLARING",
      to: "OPEN",
      allowed: ["CANCELLED"],
      message: `这个生产小组的周期 ${winner.code} 正在开放订货；一个小组同时只能开放一个周期，请先截止它。`,
    });
    const open = await t.dataSource
      .getRepository(OrderCycle)
      .findBy({ producerGroupId: fixture.groups.sanggang.id, state: "OPEN" });
    expect(open.map((c) => c.id)).toEqual([winner.id]);

    staff.locale = "en";
    const again = await move(staff, loser.id, "OPEN");
    staff.locale = "zh-CN";
    expect(again.transitionOrderCycle.message).toBe(
      `Cycle ${winner.code} of this producer group is open for orders; a group opens one cycle at a time, so close it first.`,
    );
    // once the open one is cancelled, the other may open
    await move(staff, winner.id, "CANCELLED");
    expect((await move(staff, loser.id, "OPEN")).transitionOrderCycle.state).toBe("OPEN");
    await move(staff, loser.id, "CANCELLED");
  });

  it("is guarded by the database too: a second OPEN row of a group is refused", async () => {
    const open = await cycleIn("OPEN");
    await expect(cycleIn("OPEN")).rejects.toThrow(/uq_order_cycles_one_open_per_group/);
    await move(staff, open.id, "CANCELLED");
  });
});
