import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../graphql/request-context";
import { type Fixture, loadFixture } from "../../test/fixtures";
import {
  type ClosedCycle,
  contextAs,
  createClosedCycle,
  createIntakeScene,
  type IntakeScene,
} from "../../test/intake-fixtures";
import { sessionFor } from "../../test/order-fixtures";
import { startTestApi, type TestApi } from "../../test/test-api";
import { allocateOrderCycle } from "../intake/allocation.service";
import { recordQualityCheck } from "../intake/quality-check.service";

let t: TestApi;
let fixture: Fixture;
let scene: IntakeScene;
let april: ClosedCycle;

const MY_ORDER = `query($id: ID!) { myOrder(id: $id) { __typename
  ... on Order { adjustments { orderLineId kind amountFen qualityReason units } } } }`;

interface Answer {
  myOrder: {
    adjustments: {
      orderLineId: string;
      kind: string;
      amountFen: number;
      qualityReason: string | null;
      units: number | null;
    }[];
  };
}

beforeAll(async () => {
  t = await startTestApi("adjustment_cause", {
    prepare: async (ds) => {
      fixture = await loadFixture(ds);
    },
  });
  scene = await createIntakeScene(t.dataSource, fixture);
  // Eggs ¥16.00 (1600 fen): SG-001 declares 10; consumers 0 and 1 order 4 and 6.
  april = await createClosedCycle(t.dataSource, fixture, scene, {
    code: "2011-04",
    opensAt: "2011-03-31T16:00:00Z",
    deliveryOn: "2011-04-16",
    declarations: [["SG-001", scene.eggs, 10]],
    orders: [
      [0, 0, scene.eggs, 4],
      [1, 0, scene.eggs, 6],
    ],
  });
  const admin = contextAs(t.dataSource, fixture.users.ADMIN, "ADMIN", []);
  await inTransaction(admin, (tx) => allocateOrderCycle(tx, april.cycle));
  await t.dataSource.query("UPDATE order_cycles SET state = 'COLLECTING' WHERE id = $1", [
    april.cycle.id,
  ]);
  await inTransaction(admin, (tx) =>
    recordQualityCheck(tx, {
      lotId: april.lots.get("SG-001/一斤装")!.id,
      quantityReceived: 10,
      quantityAccepted: 5,
      reason: "UNDERWEIGHT",
    }),
  );
});
afterAll(() => t?.close());

describe("a quality-check adjustment on the shop", () => {
  it("says its rejection reason and units, so the shop need not show the staff's text", async () => {
    // Shortfall 10 − 5 = 5 over lines of 4 and 6 (Q = 10): exact 2 and 3 → 2 and 3 units,
    // refunds 2 × 1600 = 3200 and 3 × 1600 = 4800 fen; units = amountFen ÷ 1600.
    const expected = [
      [0, 2, 3200],
      [1, 3, 4800],
    ] as const;
    for (const [i, units, amountFen] of expected) {
      const shop = t.shop();
      shop.bearer = await sessionFor(t.dataSource, scene.consumers[i]!.userId);
      const answer = await shop.data<Answer>(MY_ORDER, { id: april.orders[i]!.id });
      expect(answer.myOrder.adjustments).toEqual([
        {
          orderLineId: april.lines[i]!.id,
          kind: "REFUND",
          amountFen,
          qualityReason: "UNDERWEIGHT",
          units,
        },
      ]);
    }
  });
});
