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
import { type GraphqlClient, startTestApi, type TestApi } from "../../test/test-api";
import { allocateOrderCycle } from "./allocation.service";

let t: TestApi;
let fixture: Fixture;
let scene: IntakeScene;
let april: ClosedCycle;
let staff: GraphqlClient;

const ALLOCATION = `query($id: ID!) {
  cycleAllocation(orderCycleId: $id) {
    householdCode variantNameZh quantityDeclared quantityAllocated orderLines rank
    reason { tier ratioBasisPoints band rotationPosition groupSize cycleSequence }
  }
}`;

interface Row {
  householdCode: string;
  variantNameZh: string;
  quantityDeclared: number;
  quantityAllocated: number;
  orderLines: number;
  rank: number | null;
  reason: Record<string, unknown> | null;
}

beforeAll(async () => {
  t = await startTestApi("intake_allocation_query", {
    prepare: async (ds) => {
      fixture = await loadFixture(ds);
    },
  });
  scene = await createIntakeScene(t.dataSource, fixture);
  // The eggs cycle of allocation.spec.ts: declared 10 + 5 + 5 + 5, ordered 4, 3, 6, 5.
  april = await createClosedCycle(t.dataSource, fixture, scene, {
    code: "2011-04",
    opensAt: "2011-03-31T16:00:00Z",
    deliveryOn: "2011-04-16",
    declarations: [
      ["SG-001", scene.eggs, 10],
      ["SG-003", scene.eggs, 5],
      ["SG-002", scene.eggs, 5],
      ["SG-004", scene.eggs, 5],
    ],
    orders: [
      [0, 0, scene.eggs, 4],
      [1, 0, scene.eggs, 3],
      [2, 0, scene.eggs, 6],
      [3, 1, scene.eggs, 5],
    ],
  });
  staff = t.admin();
  staff.bearer = await sessionFor(t.dataSource, fixture.users.STAFF.id);
});
afterAll(() => t?.close());

describe("cycleAllocation (the board's allocation table)", () => {
  it("lists the lots with nothing allocated before allocation", async () => {
    const rows = (await staff.data<{ cycleAllocation: Row[] }>(ALLOCATION, { id: april.cycle.id }))
      .cycleAllocation;
    // No rank yet: by household code.
    expect(rows.map((r) => [r.householdCode, r.quantityAllocated, r.rank, r.reason])).toEqual([
      ["SG-001", 0, null, null],
      ["SG-002", 0, null, null],
      ["SG-003", 0, null, null],
      ["SG-004", 0, null, null],
    ]);
  });

  it("gives each lot its units, lines, rank and structured reason after allocation", async () => {
    const ctx = contextAs(t.dataSource, fixture.users.ADMIN, "ADMIN", []);
    await inTransaction(ctx, (tx) => allocateOrderCycle(tx, april.cycle));
    const rows = (await staff.data<{ cycleAllocation: Row[] }>(ALLOCATION, { id: april.cycle.id }))
      .cycleAllocation;
    // allocation.spec.ts worked it out: SG-001 (poor, 1200/2536 = 4732 bp, band ⌊4×0.4732⌋ = 1)
    // serves lines 1: 4, 2: 3, 3: 3 = 10 over 3 lines; SG-003 (poor, 2000/2536 = 7886 bp, band 3)
    // lines 3: 3, 4: 2 = 5 over 2; SG-002 (not poor, 3000/2536 = 11830 bp, band 4, first of the
    // 2 in band 4 at cycle 0) line 4: 3; SG-004 nothing (18 ordered = 10 + 5 + 3) → last, no rank.
    expect(rows).toEqual([
      {
        householdCode: "SG-001",
        variantNameZh: "一斤装",
        quantityDeclared: 10,
        quantityAllocated: 10,
        orderLines: 3,
        rank: 1,
        reason: {
          tier: "REGISTERED_POOR",
          ratioBasisPoints: 4732,
          band: 1,
          rotationPosition: 1,
          groupSize: 1,
          cycleSequence: 0,
        },
      },
      {
        householdCode: "SG-003",
        variantNameZh: "一斤装",
        quantityDeclared: 5,
        quantityAllocated: 5,
        orderLines: 2,
        rank: 2,
        reason: {
          tier: "REGISTERED_POOR",
          ratioBasisPoints: 7886,
          band: 3,
          rotationPosition: 1,
          groupSize: 1,
          cycleSequence: 0,
        },
      },
      {
        householdCode: "SG-002",
        variantNameZh: "一斤装",
        quantityDeclared: 5,
        quantityAllocated: 3,
        orderLines: 1,
        rank: 3,
        reason: {
          tier: "BY_INCOME",
          ratioBasisPoints: 11830,
          band: 4,
          rotationPosition: 1,
          groupSize: 2,
          cycleSequence: 0,
        },
      },
      {
        householdCode: "SG-004",
        variantNameZh: "一斤装",
        quantityDeclared: 5,
        quantityAllocated: 0,
        orderLines: 0,
        rank: null,
        reason: null,
      },
    ]);
  });

  it("answers staff of other groups and unknown cycles with no rows", async () => {
    const none = "00000000-0000-4000-8000-000000000000";
    expect(
      (await staff.data<{ cycleAllocation: Row[] }>(ALLOCATION, { id: none })).cycleAllocation,
    ).toEqual([]);
    // The same staff member, no longer working for Sanggang's group, sees nothing of its cycle.
    await t.dataSource.query("DELETE FROM user_producer_groups WHERE user_id = $1", [
      fixture.users.STAFF.id,
    ]);
    const outsider = t.admin();
    outsider.bearer = await sessionFor(t.dataSource, fixture.users.STAFF.id);
    expect(
      (await outsider.data<{ cycleAllocation: Row[] }>(ALLOCATION, { id: april.cycle.id }))
        .cycleAllocation,
    ).toEqual([]);
  });
});
