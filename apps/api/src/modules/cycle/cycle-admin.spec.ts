import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_PASSWORD, type Fixture, loadFixture } from "../../test/fixtures";
import { createCycleRow } from "../../test/cycle-fixtures";
import { type GraphqlClient, startTestApi, type TestApi } from "../../test/test-api";
import { OrderCycle } from "./order-cycle.entity";

let t: TestApi;
let fixture: Fixture;
let staff: GraphqlClient;
let admin: GraphqlClient;
let finance: GraphqlClient;

beforeAll(async () => {
  t = await startTestApi("cycle_admin", {
    prepare: async (ds) => void (fixture = await loadFixture(ds)),
  });
  staff = await t.admin().signIn(fixture.logins.STAFF, FIXTURE_PASSWORD);
  admin = await t.admin().signIn(fixture.logins.ADMIN, FIXTURE_PASSWORD);
  finance = await t.admin().signIn(fixture.logins.FINANCE, FIXTURE_PASSWORD);
});
afterAll(() => t?.close());

const RESULT = `__typename
  ... on AdminOrderCycle { id code state declarationOpensOn opensAt closesAt deliveryOn nextStates }
  ... on InvalidInputError { problems { field message } }
  ... on InvalidTransitionError { from to allowed }
  ... on ErrorResult { errorCode message }`;

const CREATE = `mutation($input: CreateOrderCycleInput!) { createOrderCycle(input: $input) { ${RESULT} } }`;
const UPDATE = `mutation($id: ID!, $input: OrderCycleChangesInput!) { updateOrderCycle(id: $id, input: $input) { ${RESULT} } }`;

interface CycleAnswer {
  __typename: string;
  id?: string;
  code?: string;
  state?: string;
  opensAt?: string;
  nextStates?: string[];
  problems?: { field: string; message: string }[];
  allowed?: string[];
  errorCode?: string;
  message?: string;
}

// May 2011: declaring from 25 April, ordering 1 May 00:00 to 11 May 00:00 Beijing time
// (16:00 UTC the day before), delivery Saturday 14 May.
const may = {
  code: "2011-05",
  declarationOpensOn: "2011-04-25",
  opensAt: "2011-04-30T16:00:00.000Z",
  closesAt: "2011-05-10T16:00:00.000Z",
  deliveryOn: "2011-05-14",
};

describe("planning order cycles", () => {
  it("creates a DRAFT cycle whose next states are DECLARING and CANCELLED", async () => {
    const res = await staff.data<{ createOrderCycle: CycleAnswer }>(CREATE, {
      input: { ...may, producerGroupId: fixture.groups.sanggang.id },
    });
    expect(res.createOrderCycle).toMatchObject({
      __typename: "AdminOrderCycle",
      code: "2011-05",
      state: "DRAFT",
      opensAt: may.opensAt,
      nextStates: ["DECLARING", "CANCELLED"],
    });
  });

  it("refuses a second cycle with the same code in the group but not in another group", async () => {
    const again = await admin.data<{ createOrderCycle: CycleAnswer }>(CREATE, {
      input: { ...may, producerGroupId: fixture.groups.sanggang.id },
    });
    expect(again.createOrderCycle.problems).toEqual([
      { field: "code", message: "这个生产小组已经有编号为 2011-05 的周期。" },
    ]);
    const baoshi = await admin.data<{ createOrderCycle: CycleAnswer }>(CREATE, {
      input: { ...may, producerGroupId: fixture.groups.baoshi.id },
    });
    expect(baoshi.createOrderCycle.state).toBe("DRAFT");
  });

  it("refuses a wrong code and dates out of order, in English when asked, saving nothing", async () => {
    const before = await t.dataSource.getRepository(OrderCycle).count();
    staff.locale = "en";
    const res = await staff.data<{ createOrderCycle: CycleAnswer }>(CREATE, {
      input: {
        producerGroupId: fixture.groups.sanggang.id,
        code: "2011-5",
        declarationOpensOn: "2011-05-02", // after 1 May, the day ordering opens
        opensAt: may.opensAt,
        closesAt: "2011-04-30T15:00:00Z", // before opening
        deliveryOn: "2011-02-30", // no such day
      },
    });
    staff.locale = "zh-CN";
    expect(res.createOrderCycle.problems).toEqual([
      { field: "code", message: "A cycle code is year and month, e.g. 2011-04." },
      { field: "deliveryOn", message: "This is not a real day (YYYY-MM-DD)." },
      {
        field: "opensAt",
        message: "Ordering cannot open on a day before supply declaration opens.",
      },
      { field: "closesAt", message: "Ordering must close after it opens." },
    ]);
    const missing = await staff.data<{ createOrderCycle: CycleAnswer }>(CREATE, {
      input: { producerGroupId: fixture.groups.sanggang.id, code: "2011-06" },
    });
    expect(missing.createOrderCycle.problems?.map((p) => p.field)).toEqual([
      "declarationOpensOn",
      "opensAt",
      "closesAt",
      "deliveryOn",
    ]);
    expect(await t.dataSource.getRepository(OrderCycle).count()).toBe(before);
  });

  it("does not let staff plan cycles of a group they do not work for", async () => {
    const res = await staff.data<{ createOrderCycle: CycleAnswer }>(CREATE, {
      input: { ...may, code: "2011-07", producerGroupId: fixture.groups.baoshi.id },
    });
    expect(res.createOrderCycle).toMatchObject({
      __typename: "NotFoundError",
      message: "找不到这个生产小组，或您无权管理它。",
    });
  });

  it("changes dates while DRAFT or DECLARING and refuses once OPEN, leaving the row as it was", async () => {
    const draft = await createCycleRow(
      t.dataSource,
      fixture.groups.sanggang.id,
      "2012-01",
      "DECLARING",
    );
    const moved = await staff.data<{ updateOrderCycle: CycleAnswer }>(UPDATE, {
      id: draft.id,
      input: { deliveryOn: "2011-04-17" },
    });
    expect(moved.updateOrderCycle).toMatchObject({ code: "2012-01", state: "DECLARING" });
    const bad = await staff.data<{ updateOrderCycle: CycleAnswer }>(UPDATE, {
      id: draft.id,
      input: { deliveryOn: "2011-04-09" }, // ordering closes on 11 April (Beijing)
    });
    expect(bad.updateOrderCycle.problems).toEqual([
      { field: "deliveryOn", message: "配送日不能早于截止订货的那天。" },
    ]);
    const open = await createCycleRow(t.dataSource, fixture.groups.sanggang.id, "2012-02", "OPEN");
    const refused = await staff.data<{ updateOrderCycle: CycleAnswer }>(UPDATE, {
      id: open.id,
      input: { deliveryOn: "2011-04-20" },
    });
    expect(refused.updateOrderCycle.problems).toEqual([
      {
        field: "state",
        message: "这个周期已经是「OPEN」状态，只有草稿或报货中的周期可以修改。",
      },
    ]);
    const rows = await t.dataSource.getRepository(OrderCycle).findBy({ code: "2012-01" });
    expect(rows.map((r) => r.deliveryOn)).toEqual(["2011-04-17"]);
    expect(
      (await t.dataSource.getRepository(OrderCycle).findOneBy({ id: open.id }))!.deliveryOn,
    ).toBe("2011-04-16");
  });

  it("refuses a code already used when renaming", async () => {
    const other = await createCycleRow(
      t.dataSource,
      fixture.groups.sanggang.id,
      "2012-03",
      "DRAFT",
    );
    const res = await staff.data<{ updateOrderCycle: CycleAnswer }>(UPDATE, {
      id: other.id,
      input: { code: "2011-05" },
    });
    expect(res.updateOrderCycle.problems?.[0]?.field).toBe("code");
    expect((await t.dataSource.getRepository(OrderCycle).findOneBy({ id: other.id }))!.code).toBe(
      "2012-03",
    );
  });
});

describe("listing cycles", () => {
  const LIST = `query($group: ID, $state: OrderCycleState, $page: PageInput) {
    orderCycles(producerGroupId: $group, state: $state, page: $page) {
      totalItems items { code state producerGroupId }
    }
  }`;
  type ListAnswer = {
    orderCycles: { totalItems: number; items: { code: string; state: string }[] };
  };

  it("shows staff and finance their own groups' cycles, newest first, and admin every group's", async () => {
    const baoshiOnly = await createCycleRow(
      t.dataSource,
      fixture.groups.baoshi.id,
      "2013-01",
      "OPEN",
    );
    await t.dataSource
      .getRepository(OrderCycle)
      .update(
        { id: baoshiOnly.id },
        { opensAt: new Date("2013-01-01T00:00:00Z"), closesAt: new Date("2013-01-10T00:00:00Z") },
      );
    const mine = await staff.data<ListAnswer>(LIST, { page: { skip: 0, take: 100 } });
    // Sanggang: 2011-05 (opens 1 May 2011) and 2012-01, 2012-02, 2012-03 (written with April 2011's
    // dates, so older); ties by id, so only the first is fixed.
    expect(mine.orderCycles.totalItems).toBe(4);
    expect(mine.orderCycles.items[0]!.code).toBe("2011-05");
    expect(mine.orderCycles.items.map((c) => c.code).sort()).toEqual([
      "2011-05",
      "2012-01",
      "2012-02",
      "2012-03",
    ]);
    const fin = await finance.data<ListAnswer>(LIST, { state: "OPEN" });
    expect(fin.orderCycles.items.map((c) => c.code)).toEqual(["2012-02"]);
    const all = await admin.data<ListAnswer>(LIST, { group: fixture.groups.baoshi.id });
    // Baoshi: 2013-01 (2013) before 2011-05 (2011).
    expect(all.orderCycles.items.map((c) => c.code)).toEqual(["2013-01", "2011-05"]);
    const foreign = await staff.data<{ orderCycle: CycleAnswer }>(
      `query($id: ID!) { orderCycle(id: $id) { __typename ... on ErrorResult { message } } }`,
      { id: baoshiOnly.id },
    );
    expect(foreign.orderCycle.__typename).toBe("NotFoundError");
  });
});
