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
import { startTestApi, type TestApi } from "../../test/test-api";
import { allocateOrderCycle } from "./allocation.service";

let t: TestApi;
let fixture: Fixture;
let scene: IntakeScene;
let april: ClosedCycle;
let may: ClosedCycle;

/** Eggs declared 10 + 5 + 5 + 5 = 25; ordered 4 + 3 + 6 + 5 = 18 (placed in that order). */
function eggCycle(code: string, opensAt: string, deliveryOn: string) {
  return createClosedCycle(t.dataSource, fixture, scene, {
    code,
    opensAt,
    deliveryOn,
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
}

beforeAll(async () => {
  t = await startTestApi("intake_allocation", {
    prepare: async (ds) => {
      fixture = await loadFixture(ds);
    },
  });
  scene = await createIntakeScene(t.dataSource, fixture);
  april = await eggCycle("2011-04", "2011-03-31T16:00:00Z", "2011-04-16");
  may = await eggCycle("2011-05", "2011-04-30T16:00:00Z", "2011-05-14");
});
afterAll(() => t?.close());

interface AllocationRow {
  code: string;
  line: string;
  quantity: number;
  rank: number;
  reason: string;
}

async function allocationsOf(cycle: ClosedCycle): Promise<[string, number, number, number][]> {
  const rows = (await t.dataSource.query(
    `SELECT h.code, a.order_line_id AS line, a.quantity, a.rank, a.reason
       FROM allocations a JOIN lots l ON l.id = a.lot_id JOIN households h ON h.id = l.household_id
       JOIN order_lines ol ON ol.id = a.order_line_id JOIN orders o ON o.id = ol.order_id
      WHERE l.order_cycle_id = $1 ORDER BY a.rank, o.placed_at`,
    [cycle.cycle.id],
  )) as AllocationRow[];
  const lineNo = (id: string) => cycle.lines.findIndex((l) => l.id === id) + 1;
  return rows.map((r) => [r.code, lineNo(r.line), r.quantity, r.rank]);
}

function allocate(cycle: ClosedCycle) {
  const ctx = contextAs(t.dataSource, fixture.users.ADMIN, "ADMIN", []);
  return inTransaction(ctx, (tx) => allocateOrderCycle(tx, cycle.cycle));
}

describe("allocation at close (ALLOCATED effect)", () => {
  it("serves the registered poor first, then by income; a rerun of the same rows gives the same", async () => {
    // A first run, rolled back, to compare with the real one.
    const ctx = contextAs(t.dataSource, fixture.users.ADMIN, "ADMIN", []);
    let firstRun: [string, number, number, number][] = [];
    await expect(
      inTransaction(ctx, async (tx) => {
        await allocateOrderCycle(tx, april.cycle);
        const rows = (await tx.manager.query(
          `SELECT h.code, a.order_line_id AS line, a.quantity, a.rank FROM allocations a
             JOIN lots l ON l.id = a.lot_id JOIN households h ON h.id = l.household_id
             JOIN order_lines ol ON ol.id = a.order_line_id JOIN orders o ON o.id = ol.order_id
            ORDER BY a.rank, o.placed_at`,
        )) as AllocationRow[];
        firstRun = rows.map((r) => [
          r.code,
          april.lines.findIndex((l) => l.id === r.line) + 1,
          r.quantity,
          r.rank,
        ]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");

    await allocate(april);
    // Serving order (cycle sequence 0): SG-001 (poor, band 1), SG-003 (poor, band 3), then band 4
    // SG-002 (ratio 1.183) before SG-004 (1.222). Lines served 1, 2, 3, 4 (placed in that order):
    // SG-001's 10 → line 1: 4, line 2: 3, line 3: 3; SG-003's 5 → line 3: 3, line 4: 2;
    // SG-002 → line 4: the last 3; SG-004 gets nothing (18 = 10 + 5 + 3).
    const expected = [
      ["SG-001", 1, 4, 1],
      ["SG-001", 2, 3, 1],
      ["SG-001", 3, 3, 1],
      ["SG-003", 3, 3, 2],
      ["SG-003", 4, 2, 2],
      ["SG-002", 4, 3, 3],
    ];
    expect(await allocationsOf(april)).toEqual(expected);
    expect(firstRun).toEqual(expected);

    const reasons = (await t.dataSource.query(
      `SELECT DISTINCT a.reason FROM allocations a JOIN lots l ON l.id = a.lot_id
        WHERE l.order_cycle_id = $1 ORDER BY a.reason`,
      [april.cycle.id],
    )) as { reason: string }[];
    // 1200/2536 → 4732 bp; 2000/2536 → 7886 bp; 3000/2536 → 11830 bp
    expect(reasons.map((r) => r.reason)).toEqual([
      "rank=1;tier=REGISTERED_POOR;ratio=4732;band=1;rotation=1/1;cycle=0",
      "rank=2;tier=REGISTERED_POOR;ratio=7886;band=3;rotation=1/1;cycle=0",
      "rank=3;tier=BY_INCOME;ratio=11830;band=4;rotation=1/2;cycle=0",
    ]);

    const lots = (await t.dataSource.query(
      `SELECT h.code, l.state, l.quantity_allocated AS q FROM lots l
         JOIN households h ON h.id = l.household_id WHERE l.order_cycle_id = $1 ORDER BY h.code`,
      [april.cycle.id],
    )) as { code: string; state: string; q: number }[];
    expect(lots).toEqual([
      { code: "SG-001", state: "ALLOCATED", q: 10 },
      { code: "SG-002", state: "ALLOCATED", q: 3 },
      { code: "SG-003", state: "ALLOCATED", q: 5 },
      { code: "SG-004", state: "DECLARED", q: 0 },
    ]);
    const lines = (await t.dataSource.query(
      `SELECT l.quantity_accepted AS q, o.state FROM order_lines l JOIN orders o ON o.id = l.order_id
        WHERE o.order_cycle_id = $1 ORDER BY o.placed_at`,
      [april.cycle.id],
    )) as { q: number; state: string }[];
    expect(lines).toEqual([4, 3, 6, 5].map((q) => ({ q, state: "ALLOCATED" })));
  });

  it("in the next cycle the band-4 pair takes turns: SG-004 gets the 3 units SG-002 got", async () => {
    await allocate(may);
    // cycle sequence 1: band-4 group [SG-002, SG-004] rotated by 1 mod 2 → SG-004 first.
    expect(await allocationsOf(may)).toEqual([
      ["SG-001", 1, 4, 1],
      ["SG-001", 2, 3, 1],
      ["SG-001", 3, 3, 1],
      ["SG-003", 3, 3, 2],
      ["SG-003", 4, 2, 2],
      ["SG-004", 4, 3, 3],
    ]);
    const [sg004] = (await t.dataSource.query(
      `SELECT a.reason FROM allocations a JOIN lots l ON l.id = a.lot_id
        WHERE l.order_cycle_id = $1 AND a.rank = 3`,
      [may.cycle.id],
    )) as { reason: string }[];
    // 3100/2536 = 1.22240… → 12224 bp; the 2012 income (100 yuan) is not used for a 2011 cycle.
    expect(sg004!.reason).toBe("rank=3;tier=BY_INCOME;ratio=12224;band=4;rotation=1/2;cycle=1");
  });

  it("a second run finds no LOCKED orders or DECLARED lots to allocate and changes nothing", async () => {
    const before = await allocationsOf(april);
    await allocate(april);
    expect(await allocationsOf(april)).toEqual(before);
  });
});
