import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_PASSWORD, type Fixture, loadFixture } from "../../test/fixtures";
import {
  type ClosedCycle,
  createClosedCycle,
  createIntakeScene,
  type IntakeScene,
} from "../../test/intake-fixtures";
import { type GraphqlClient, startTestApi, type TestApi } from "../../test/test-api";

/*
 * Adversarial tests of intake: the same button pressed by several staff at once (allocation,
 * quality check), and quantities that make no sense.
 */

let t: TestApi;
let fixture: Fixture;
let scene: IntakeScene;
let staff: GraphqlClient;

beforeAll(async () => {
  t = await startTestApi("intake_abuse", {
    prepare: async (ds) => void (fixture = await loadFixture(ds)),
  });
  scene = await createIntakeScene(t.dataSource, fixture);
  staff = await t.admin().signIn(fixture.logins.STAFF, FIXTURE_PASSWORD);
});
afterAll(() => t?.close());

const TRANSITION = `mutation($id: ID!, $to: OrderCycleState!) {
  transitionOrderCycle(id: $id, to: $to) { __typename }
}`;
const CHECK = `mutation($input: QualityCheckInput!) {
  recordQualityCheck(input: $input) {
    __typename ... on InvalidInputError { problems { field message } }
  }
}`;

async function count(sql: string, params: unknown[]): Promise<number> {
  return ((await t.dataSource.query(sql, params)) as [{ n: number }])[0].n;
}

let cycles = 0;
/** A closed cycle: SG-001 declares 10 jin of eggs, three orders of 4, 3 and 2 jin (¥16.00). */
function closedCycle(): Promise<ClosedCycle> {
  cycles += 1;
  return createClosedCycle(t.dataSource, fixture, scene, {
    code: `2012-${String(cycles).padStart(2, "0")}`,
    opensAt: `2012-${String(cycles).padStart(2, "0")}-01T00:00:00Z`,
    deliveryOn: `2012-${String(cycles).padStart(2, "0")}-20`,
    declarations: [["SG-001", scene.eggs, 10]],
    orders: [
      [0, 0, scene.eggs, 4],
      [1, 0, scene.eggs, 3],
      [2, 0, scene.eggs, 2],
    ],
  });
}

describe("pressing the same button at once", () => {
  it("allocates a cycle once when two staff move it to ALLOCATED at the same time", async () => {
    const closed = await closedCycle();
    const answers = await Promise.all(
      [0, 1].map(() =>
        staff.data<{ transitionOrderCycle: { __typename: string } }>(TRANSITION, {
          id: closed.cycle.id,
          to: "ALLOCATED",
        }),
      ),
    );
    expect(answers.map((a) => a.transitionOrderCycle.__typename).sort()).toEqual([
      "AdminOrderCycle",
      "InvalidTransitionError",
    ]);
    // one allocation per order line (all three served from SG-001's one lot): 3 rows, 4+3+2 = 9
    expect(
      await count(
        `SELECT count(*)::int AS n FROM allocations a JOIN lots l ON l.id = a.lot_id
          WHERE l.order_cycle_id = $1`,
        [closed.cycle.id],
      ),
    ).toBe(3);
    expect(
      await count(
        `SELECT sum(a.quantity)::int AS n FROM allocations a JOIN lots l ON l.id = a.lot_id
          WHERE l.order_cycle_id = $1`,
        [closed.cycle.id],
      ),
    ).toBe(9);
  });

  it("records one quality check and one set of refunds when five staff check the same lot at once", async () => {
    const closed = await closedCycle();
    await staff.data(TRANSITION, { id: closed.cycle.id, to: "ALLOCATED" });
    await staff.data(TRANSITION, { id: closed.cycle.id, to: "COLLECTING" });
    const lot = closed.lots.get("SG-001/一斤装")!;
    const input = {
      lotId: lot.id,
      quantityReceived: 9,
      quantityAccepted: 6,
      reason: "CRACKED",
    };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        staff.data<{ recordQualityCheck: { __typename: string } }>(CHECK, { input }),
      ),
    );
    expect(answers.map((a) => a.recordQualityCheck.__typename).sort()).toEqual([
      "InvalidTransitionError",
      "InvalidTransitionError",
      "InvalidTransitionError",
      "InvalidTransitionError",
      "QualityCheckRecorded",
    ]);
    expect(
      await count("SELECT count(*)::int AS n FROM quality_checks WHERE lot_id = $1", [lot.id]),
    ).toBe(1);
    // 9 allocated − 6 accepted = 3 units short, × 1600 fen = 4800 fen refunded once
    expect(
      await count(
        `SELECT sum(a.amount_fen)::int AS n FROM adjustments a JOIN orders o ON o.id = a.order_id
          WHERE o.order_cycle_id = $1 AND a.kind = 'REFUND'`,
        [closed.cycle.id],
      ),
    ).toBe(4800);
  });
});

describe("quantities that make no sense", () => {
  it("refuses received below 0 and a rejection without a reason, and a quantity beyond Int as bad input; writes nothing", async () => {
    const closed = await closedCycle();
    await staff.data(TRANSITION, { id: closed.cycle.id, to: "ALLOCATED" });
    await staff.data(TRANSITION, { id: closed.cycle.id, to: "COLLECTING" });
    const lot = closed.lots.get("SG-001/一斤装")!;
    const checks = () =>
      count("SELECT count(*)::int AS n FROM quality_checks WHERE lot_id = $1", [lot.id]);

    const negative = await staff.data<{
      recordQualityCheck: { __typename: string; problems?: { field: string }[] };
    }>(CHECK, { input: { lotId: lot.id, quantityReceived: -1, quantityAccepted: 0 } });
    expect(negative.recordQualityCheck.__typename).toBe("InvalidInputError");
    expect(negative.recordQualityCheck.problems?.map((p) => p.field)).toEqual(["quantityReceived"]);

    const noReason = await staff.data<{
      recordQualityCheck: { __typename: string; problems?: { field: string }[] };
    }>(CHECK, { input: { lotId: lot.id, quantityReceived: 9, quantityAccepted: 0 } });
    expect(noReason.recordQualityCheck.problems?.map((p) => p.field)).toEqual(["reason"]);

    const huge = await staff.request(CHECK, {
      input: { lotId: lot.id, quantityReceived: 3_000_000_000, quantityAccepted: 0 },
    });
    expect(huge.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");

    expect(await checks()).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM adjustments a JOIN orders o ON o.id = a.order_id
          WHERE o.order_cycle_id = $1`,
        [closed.cycle.id],
      ),
    ).toBe(0);
  });
});
