import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, loadFixture } from "../../test/fixtures";
import { FIXTURE_PASSWORD } from "../../test/fixtures";
import { type GraphqlClient, startTestApi, type TestApi } from "../../test/test-api";
import { createImpactWorld, type ImpactWorld, partnerKey } from "./impact-fixtures";
import { refreshImpactViews } from "./impact-refresh";

// The hand-made world (impact-fixtures.ts), group G in village A (甲村), households H1…H8:
//   H1 A F 50_59 poor, H2 A F 60_69 poor, H3 A M 50_59 poor, H4 A M 60_69, all joined 2019-01-01;
//   H5 A M 40_49 joined 2019-06-01; H6 B F 50_59 poor; H7 B M 60_69 poor, left 2020-03-01;
//   H8 B F 40_49 joined 2020-02-01.
// Members at the end of 2019: H1–H7 (7); at the end of 2020: H1–H6, H8 (7).
// Poverty lines: 2019 3218, 2020 4000 yuan.
//   2019 incomes: H1 3000 H2 3100 H3 3300 H4 6000 H5 5000 H6 2900 H7 3500 (all REGISTERED but
//   H4, H5); 2020: H1 4500 EXITED, H2 3900, H3 5000 EXITED, H4 7000, H5 5200, H6 4000 EXITED,
//   H7 4100 EXITED (but left), H8 3900.
// Paid settlements: 2019 H1 10 000 (May) + 6 000 (Sep), H2 8 000 (May), H3 4 000 (Sep), H6 2 000
//   (Sep); H4 12 000 only APPROVED. 2020 (May): H1 9 000, H2 7 000, H3 5 000, H4 3 000, H8 1 000.
// Consumers C1–C3: 2019 orders C1 (May, eggs ×10; Sep, walnuts ×4), C2 (May, eggs ×5), C3 (Sep,
//   CANCELLED); 2020 C1 (eggs ×10), C3 (eggs ×2). Payments 2019: 25 000 + 25 000, refund 10 000;
//   2020: 40 000. One complaint (C2's May line), one plain feedback.
// Lots allocated (producer price − reference) : 2019 May eggs 1200 vs 1000: H1 6, H2 4, H3 5;
//   Sep walnuts 2500 vs 2000: H6 4; 2020 May eggs 1500 vs 1200: H1 10, H8 2.
//   Quality: received/accepted H1 6/6, H2 4/3, H3 5/5, H6 4/2 (2019); H1 10/10, H8 2/2 (2020).
// Trust events: 2019-10 visit (C1 3 people, C2 2, C3 cancelled), 2019-11 visit cancelled,
//   2020-10 visit (C1 1 person).

let t: TestApi;
let fixture: Fixture;
let world: ImpactWorld;
let admin: GraphqlClient;
let partner: GraphqlClient;

beforeAll(async () => {
  t = await startTestApi("impact_metrics", {
    prepare: async (ds) => {
      fixture = await loadFixture(ds);
      world = await createImpactWorld(ds, fixture);
      // The partner sees group G only: the fixture's own groups (villages of 1 and 2 households)
      // would make every filter by village A and B leave a small group out, withheld.
      await ds.query(`DELETE FROM partner_organisation_groups WHERE producer_group_id <> $1`, [
        world.groupId,
      ]);
      await refreshImpactViews(ds.manager, { concurrently: false }); // the metrics read views as of their refresh
    },
  });
  admin = await t.admin().signIn(fixture.logins.ADMIN, FIXTURE_PASSWORD);
  partner = t.partner();
  partner.bearer = (await partnerKey(t.dataSource, fixture)).secret;
}, 60_000);
afterAll(() => t?.close());

interface Cell {
  metric: string;
  year: number | null;
  month: number | null;
  villageId: string | null;
  villageName: string | null;
  headSex: string | null;
  registeredPoor: boolean | null;
  productCategory: string | null;
  value: number | null;
  suppressed: boolean;
  householdCount: number | null;
}
const CELLS = `suppressionK cells { metric year month villageId villageName headSex registeredPoor productCategory value suppressed householdCount }`;
const ADMIN_QUERY = `query($q: ImpactMetricsInput!, $u: Boolean!) { impactMetrics(query: $q, unsuppressed: $u) { ${CELLS} } }`;
const PARTNER_QUERY = `query($q: ImpactMetricsInput!) { impactMetrics(query: $q) { ${CELLS} } }`;

type Table = { suppressionK: number | null; cells: Cell[] };

function filter(extra: Record<string, unknown> = {}) {
  return { villageIds: [world.villageA, world.villageB], years: [2019, 2020], ...extra };
}

async function unsuppressed(metrics: string[], groupBy: string[], extra = {}): Promise<Table> {
  const q = { metrics, groupBy, filter: filter(extra) };
  return (await admin.data<{ impactMetrics: Table }>(ADMIN_QUERY, { q, u: true })).impactMetrics;
}

async function partnerTable(metrics: string[], groupBy: string[], extra = {}): Promise<Table> {
  const q = { metrics, groupBy, filter: filter(extra) };
  return (await partner.data<{ impactMetrics: Table }>(PARTNER_QUERY, { q })).impactMetrics;
}

/** [year, value, households] of each cell of a by-year table. */
const byYear = (table: Table) => table.cells.map((c) => [c.year, c.value, c.householdCount]);

describe("impact metrics on the hand-made world (ADMIN, unsuppressed)", () => {
  it("counts participating, exited and above/below-line households", async () => {
    const t1 = await unsuppressed(["HOUSEHOLDS_PARTICIPATING"], ["YEAR"]);
    expect(t1.suppressionK).toBeNull();
    expect(byYear(t1)).toEqual([
      [2019, 7, 7], // H1–H7
      [2020, 7, 7], // H1–H6, H8 (H7 left in March)
    ]);
    // Only 2020 has exits: H1, H3, H6 (REGISTERED in 2019 → EXITED); H7 left before the end.
    expect(byYear(await unsuppressed(["HOUSEHOLDS_EXITED_POVERTY"], ["YEAR"]))).toEqual([
      [2020, 3, 3],
    ]);
    // 2019 at or above 3218: H3 3300, H4, H5, H7 3500 → 4 of 7; 2020 at or above 4000: H1, H3,
    // H4, H5, H6 (exactly 4000) → 5 of 7.
    expect(byYear(await unsuppressed(["HOUSEHOLDS_ABOVE_POVERTY_LINE"], ["YEAR"]))).toEqual([
      [2019, 4, 7],
      [2020, 5, 7],
    ]);
    expect(byYear(await unsuppressed(["HOUSEHOLDS_BELOW_POVERTY_LINE"], ["YEAR"]))).toEqual([
      [2019, 3, 7], // H1, H2, H6
      [2020, 2, 7], // H2 3900, H8 3900
    ]);
    // Registered poor members: 2019 H1, H2, H3, H6, H7 → above: H3, H7 = 2/5 = 4000 bp;
    // 2020 H1, H2, H3, H6 → above: H1, H3, H6 = 3/4 = 7500 bp.
    expect(byYear(await unsuppressed(["POOR_HOUSEHOLDS_ABOVE_LINE_SHARE"], ["YEAR"]))).toEqual([
      [2019, 4000, 5],
      [2020, 7500, 4],
    ]);
  });

  it("sums payments to households, the farmer share, mean and median payouts", async () => {
    // 2019: 10 000 + 6 000 + 8 000 + 4 000 + 2 000 = 30 000 to H1, H2, H3, H6;
    // 2020: 9 000 + 7 000 + 5 000 + 3 000 + 1 000 = 25 000 to five households.
    expect(byYear(await unsuppressed(["PAYMENTS_TO_HOUSEHOLDS"], ["YEAR"]))).toEqual([
      [2019, 30_000, 4],
      [2020, 25_000, 5],
    ]);
    // 2019: 30 000 / (25 000 + 25 000 − 10 000 refunded) = 0.75; 2020: 25 000 / 40 000 = 0.625.
    expect(byYear(await unsuppressed(["FARMER_SHARE"], ["YEAR"]))).toEqual([
      [2019, 7500, 4],
      [2020, 6250, 5],
    ]);
    // 2019 per household: 16 000, 8 000, 4 000, 2 000 → mean 7 500, median (4 000 + 8 000) / 2.
    expect(byYear(await unsuppressed(["MEAN_PAYOUT"], ["YEAR"]))).toEqual([
      [2019, 7_500, 4],
      [2020, 5_000, 5], // 25 000 / 5
    ]);
    expect(byYear(await unsuppressed(["MEDIAN_PAYOUT"], ["YEAR"]))).toEqual([
      [2019, 6_000, 4],
      [2020, 5_000, 5], // 1 000, 3 000, 5 000, 7 000, 9 000
    ]);
  });

  it("computes the price premium, lot acceptance and consumer metrics", async () => {
    // 2019: ((1200 − 1000) × 15 + (2500 − 2000) × 4) / (1000 × 15 + 2000 × 4) = 5 000 / 23 000
    // = 0.21739 → 2174 bp; 2020: (300 × 12) / (1200 × 12) = 0.25.
    expect(byYear(await unsuppressed(["PRICE_PREMIUM"], ["YEAR"]))).toEqual([
      [2019, 2174, 4],
      [2020, 2500, 2],
    ]);
    // 2019: (6 + 3 + 5 + 2) / (6 + 4 + 5 + 4) = 16 / 19 = 0.84210 → 8421; 2020: 12 / 12.
    expect(byYear(await unsuppressed(["LOT_ACCEPTANCE_RATE"], ["YEAR"]))).toEqual([
      [2019, 8421, 4],
      [2020, 10_000, 2],
    ]);
    expect(byYear(await unsuppressed(["CONSUMER_HOUSEHOLDS_ACTIVE"], ["YEAR"]))).toEqual([
      [2019, 2, 2], // C1, C2 (C3's only order was cancelled)
      [2020, 2, 2], // C1, C3
    ]);
    // 2019's active C1, C2: only C1 ordered again in 2020 → 1/2.
    expect(byYear(await unsuppressed(["CONSUMER_RETENTION"], ["YEAR"]))).toEqual([[2020, 5000, 2]]);
    expect(byYear(await unsuppressed(["REPEAT_ORDER_RATE"], ["YEAR"]))).toEqual([
      [2019, 5000, 2], // C1 ordered twice, C2 once
      [2020, 0, 2],
    ]);
    // 2019: 1 complaint over 3 lines (the cancelled order's line left out) = 3333 per 10 000.
    expect(byYear(await unsuppressed(["COMPLAINTS_PER_100_ORDER_LINES"], ["YEAR"]))).toEqual([
      [2019, 3333, 2],
      [2020, 0, 2],
    ]);
    expect(byYear(await unsuppressed(["TRUST_EVENTS_HELD"], ["YEAR"]))).toEqual([
      [2019, 1, 2], // the cancelled November visit does not count; C1, C2 came
      [2020, 1, 1],
    ]);
    expect(byYear(await unsuppressed(["TRUST_EVENT_ATTENDANCE"], ["YEAR"]))).toEqual([
      [2019, 5, 2], // 3 + 2 people; C3 cancelled
      [2020, 1, 1],
    ]);
  });

  it("groups and filters by month, village, sex, registered-poor status and category", async () => {
    const months = await unsuppressed(["PAYMENTS_TO_HOUSEHOLDS"], ["YEAR", "MONTH"], {
      years: [2019],
    });
    // May: 10 000 + 8 000; September: 6 000 + 4 000 + 2 000; 18 000 + 12 000 = 30 000, the year.
    expect(months.cells.map((c) => [c.month, c.value, c.householdCount])).toEqual([
      [5, 18_000, 2],
      [9, 12_000, 3],
    ]);
    const villages = await unsuppressed(["PAYMENTS_TO_HOUSEHOLDS"], ["VILLAGE"], {
      years: [2019],
    });
    // A: H1 16 000 + H2 8 000 + H3 4 000; B: H6 2 000. 28 000 + 2 000 = 30 000.
    expect(villages.cells.map((c) => [c.villageName, c.value, c.householdCount])).toEqual(
      expect.arrayContaining([
        ["甲村", 28_000, 3],
        ["乙村", 2_000, 1],
      ]),
    );
    const women = await unsuppressed(["PAYMENTS_TO_HOUSEHOLDS"], [], {
      years: [2019],
      headSexes: ["F"],
    });
    // H1 16 000 + H2 8 000 + H6 2 000.
    expect(women.cells.map((c) => [c.value, c.householdCount])).toEqual([[26_000, 3]]);
    const poor = await unsuppressed(["HOUSEHOLDS_PARTICIPATING"], ["YEAR", "REGISTERED_POOR"]);
    expect(poor.cells.map((c) => [c.year, c.registeredPoor, c.value])).toEqual([
      [2019, false, 2], // H4, H5
      [2019, true, 5], // H1, H2, H3, H6, H7
      [2020, false, 3], // H4, H5, H8
      [2020, true, 4], // H1, H2, H3, H6
    ]);
    const joined = await unsuppressed(["HOUSEHOLDS_PARTICIPATING"], ["MONTH"], {
      years: [2019],
      months: [5, 6],
    });
    // H5 joined on 1 June: 6 members at the end of May, 7 at the end of June.
    expect(joined.cells.map((c) => [c.month, c.value])).toEqual([
      [5, 6],
      [6, 7],
    ]);
    const categories = await unsuppressed(["PRICE_PREMIUM"], ["PRODUCT_CATEGORY"], {
      years: [2019],
    });
    // Eggs 200 × 15 / (1000 × 15) = 2000 bp; walnuts 500 × 4 / (2000 × 4) = 2500 bp.
    expect(categories.cells.map((c) => [c.productCategory, c.value, c.householdCount])).toEqual([
      ["EGGS", 2000, 3],
      ["NUTS", 2500, 1],
    ]);
  });
});

describe("suppression for partners (k = 5)", () => {
  it("withholds cells under 5 households and the cell that would give them away", async () => {
    const total = await partnerTable(["PAYMENTS_TO_HOUSEHOLDS"], []);
    // 30 000 + 25 000 to H1, H2, H3, H4, H6, H8: six households, shown.
    expect(total.suppressionK).toBe(5);
    expect(total.cells.map((c) => [c.value, c.suppressed, c.householdCount])).toEqual([
      [55_000, false, 6],
    ]);
    const years = await partnerTable(["PAYMENTS_TO_HOUSEHOLDS"], ["YEAR"]);
    // 2019 counts 4 households (< 5); 2020 counts 5 but 55 000 − 25 000 would reveal 2019.
    expect(years.cells.map((c) => [c.year, c.value, c.suppressed, c.householdCount])).toEqual([
      [2019, null, true, null],
      [2020, null, true, null],
    ]);
  });

  it("leaves no suppressed value to a differencing attack on totals and visible cells", async () => {
    for (const metric of ["HOUSEHOLDS_PARTICIPATING", "PAYMENTS_TO_HOUSEHOLDS"]) {
      const total = await partnerTable([metric], ["YEAR"]);
      const split = await partnerTable([metric], ["YEAR", "VILLAGE"]);
      const raw = await unsuppressed([metric], ["YEAR", "VILLAGE"]);
      for (const yearCell of total.cells) {
        if (yearCell.suppressed) continue;
        const line = split.cells.filter((c) => c.year === yearCell.year);
        const hidden = line.filter((c) => c.suppressed);
        const visible = line.filter((c) => !c.suppressed).reduce((s, c) => s + c.value!, 0);
        // What the attacker can work out is the sum of the hidden cells; it names one household
        // group's value only if exactly one cell is hidden.
        expect(hidden.length).not.toBe(1);
        for (const cell of hidden) {
          const truth = raw.cells.find(
            (c) => c.year === cell.year && c.villageId === cell.villageId,
          )!;
          expect(truth.householdCount! < 5 || hidden.length >= 2).toBe(true);
          if (hidden.length >= 2) expect(yearCell.value! - visible).not.toBe(truth.value);
        }
      }
    }
    // Participating by year and village: 2019 A 5 (H1–H5) and B 2 (H6, H7): B is under 5, and A
    // goes with it, since 7 − 5 would give B away.
    const split = await partnerTable(["HOUSEHOLDS_PARTICIPATING"], ["YEAR", "VILLAGE"]);
    expect(split.cells.every((c) => c.suppressed && c.value === null)).toBe(true);
    const total = await partnerTable(["HOUSEHOLDS_PARTICIPATING"], ["YEAR"]);
    expect(total.cells.map((c) => [c.year, c.value, c.suppressed])).toEqual([
      [2019, 7, false],
      [2020, 7, false],
    ]);
  });

  it("refuses a filter that leaves out fewer than 5 households (differencing across filters)", async () => {
    // Paid households over 2019–2020: H1 50_59, H2 60_69, H3 50_59, H4 60_69, H6 50_59 and
    // H8 40_49 — six, 55 000 fen, shown. Leaving the 40_49 band out keeps five (H1, H2, H3, H4,
    // H6), whose total would be shown too, and 55 000 − 54 000 = 1 000 is H8's own payment (May
    // 2020): a filter that leaves out 1–4 households withholds the metric.
    const total = await partnerTable(["PAYMENTS_TO_HOUSEHOLDS"], []);
    expect(total.cells.map((c) => [c.value, c.suppressed])).toEqual([[55_000, false]]);
    const without = await partnerTable(["PAYMENTS_TO_HOUSEHOLDS"], [], {
      ageBands: ["50_59", "60_69"],
    });
    expect(without.cells.map((c) => [c.value, c.suppressed, c.householdCount])).toEqual([
      [null, true, null],
    ]);
    // Unsuppressed (admin): 55 000 − 1 000 = 54 000 over the five households.
    const raw = await unsuppressed(["PAYMENTS_TO_HOUSEHOLDS"], [], {
      ageBands: ["50_59", "60_69"],
    });
    expect(raw.cells.map((c) => [c.value, c.householdCount])).toEqual([[54_000, 5]]);
  });

  it("applies k = 5 to staff too, and only the caller's groups", async () => {
    const staff = await t.admin().signIn(fixture.logins.STAFF, FIXTURE_PASSWORD);
    const q = { metrics: ["PAYMENTS_TO_HOUSEHOLDS"], groupBy: [], filter: filter() };
    // Staff work for Sanggang only: group G's payments are not theirs; `unsuppressed` is ignored.
    const res = await staff.data<{ impactMetrics: Table }>(ADMIN_QUERY, { q, u: true });
    expect(res.impactMetrics.suppressionK).toBe(5);
    expect(res.impactMetrics.cells.map((c) => [c.value, c.suppressed])).toEqual([[null, true]]);
  });
});

describe("the materialized views behind the heavy metrics", () => {
  it("give the figures as of their last refresh, and refresh CONCURRENTLY", async () => {
    const acceptance2019 = async () =>
      byYear(await unsuppressed(["LOT_ACCEPTANCE_RATE"], ["YEAR"], { years: [2019] }));
    const setH2Accepted = (units: number) =>
      t.dataSource.query(
        `UPDATE quality_checks SET quantity_accepted = $1
         WHERE quantity_received = 4 AND quantity_accepted IN (3, 4)`,
        [units],
      );
    // H2's 2019 check (4 received, 3 accepted) now accepts 4: not seen before the refresh.
    await setH2Accepted(4);
    expect(await acceptance2019()).toEqual([[2019, 8421, 4]]);
    // A CONCURRENTLY refresh needs the view's unique index; then (6 + 4 + 5 + 2) / 19 = 17 / 19
    // = 0.894736… → 8947 bp.
    const views: { name: string }[] = await t.dataSource.query(
      `SELECT matviewname AS name FROM pg_matviews WHERE matviewname LIKE 'impact\\_%' ORDER BY 1`,
    );
    expect(views.map((v) => v.name)).toEqual([
      "impact_consumer_retention",
      "impact_consumer_spending",
      "impact_consumer_years",
      "impact_order_lines",
      "impact_premium",
      "impact_quality",
    ]);
    for (const { name } of views)
      await t.dataSource.query(`REFRESH MATERIALIZED VIEW CONCURRENTLY "${name}"`);
    expect(await acceptance2019()).toEqual([[2019, 8947, 4]]);
    await setH2Accepted(3);
    await refreshImpactViews(t.dataSource.manager, { concurrently: false });
    expect(await acceptance2019()).toEqual([[2019, 8421, 4]]);
  });
});

describe("registered-poor status and age band of the period's year", () => {
  it("take the year's poverty status and the head's age that year", async () => {
    const ds = t.dataSource;
    const [h1, , , h4, h5] = world.households;
    // H4 (flag: not registered) is registered poor in 2020; H5 (recorded 40_49) has a head born
    // in 1970 and H1 (recorded 50_59) one born in 1960.
    await ds.query(
      `UPDATE household_years SET poverty_status = 'REGISTERED' WHERE household_id = $1 AND year = 2020`,
      [h4],
    );
    await ds.query(
      `INSERT INTO household_members (household_id, relation, sex, birth_year)
       VALUES ($1, 'HEAD', 'M', 1970), ($2, 'HEAD', 'F', 1960)`,
      [h5, h1],
    );
    await refreshImpactViews(ds.manager, { concurrently: false });
    try {
      const q = (metric: string, groupBy: string[]) =>
        admin.data<{ impactMetrics: { cells: (Cell & { ageBand: string | null })[] } }>(
          `query($q: ImpactMetricsInput!) { impactMetrics(query: $q, unsuppressed: true) {
             cells { year ageBand registeredPoor value householdCount } } }`,
          { q: { metrics: [metric], groupBy, filter: filter() } },
        );
      const poor = await q("HOUSEHOLDS_PARTICIPATING", ["YEAR", "REGISTERED_POOR"]);
      // 2019 members H1–H7: REGISTERED H1, H2, H3, H6, H7 (5); NOT_REGISTERED H4, H5 (2).
      // 2020 members H1–H6, H8: H1, H3, H6 EXITED, H2 and now H4 REGISTERED (5); H5, H8 (2).
      expect(poor.impactMetrics.cells.map((c) => [c.year, c.registeredPoor, c.value])).toEqual([
        [2019, false, 2],
        [2019, true, 5],
        [2020, false, 2],
        [2020, true, 5],
      ]);
      // 2020 payouts: H1 9 000 + H2 7 000 + H3 5 000 + H4 3 000 = 24 000 poor; H8 1 000 not.
      const paid = await q("PAYMENTS_TO_HOUSEHOLDS", ["YEAR", "REGISTERED_POOR"]);
      expect(
        paid.impactMetrics.cells
          .filter((c) => c.year === 2020)
          .map((c) => [c.registeredPoor, c.value, c.householdCount]),
      ).toEqual([
        [false, 1_000, 1],
        [true, 24_000, 4],
      ]);
      // Ages: H5 49 in 2019 (40_49), 50 in 2020 (50_59); H1 59 (50_59), then 60 (60_69).
      // 2019: 40_49 H5; 50_59 H1, H3, H6; 60_69 H2, H4, H7.
      // 2020: 40_49 H8; 50_59 H3, H5, H6; 60_69 H1, H2, H4.
      const bands = await q("HOUSEHOLDS_PARTICIPATING", ["YEAR", "AGE_BAND"]);
      expect(bands.impactMetrics.cells.map((c) => [c.year, c.ageBand, c.value])).toEqual([
        [2019, "40_49", 1],
        [2019, "50_59", 3],
        [2019, "60_69", 3],
        [2020, "40_49", 1],
        [2020, "50_59", 3],
        [2020, "60_69", 3],
      ]);
      // From the view: 2019 50_59 accepted/received H1 6/6, H3 5/5, H6 2/4 = 13/15 = 0.8667 →
      // 8667; 60_69 H2 3/4 → 7500. 2020 40_49 H8 2/2; 60_69 H1 10/10.
      const quality = await q("LOT_ACCEPTANCE_RATE", ["YEAR", "AGE_BAND"]);
      expect(
        quality.impactMetrics.cells.map((c) => [c.year, c.ageBand, c.value, c.householdCount]),
      ).toEqual([
        [2019, "50_59", 8667, 3],
        [2019, "60_69", 7500, 1],
        [2020, "40_49", 10_000, 1],
        [2020, "60_69", 10_000, 1],
      ]);
    } finally {
      await ds.query(
        `UPDATE household_years SET poverty_status = 'NOT_REGISTERED' WHERE household_id = $1 AND year = 2020`,
        [h4],
      );
      await ds.query(`DELETE FROM household_members WHERE household_id IN ($1, $2)`, [h5, h1]);
      await refreshImpactViews(ds.manager, { concurrently: false });
    }
  });
});
