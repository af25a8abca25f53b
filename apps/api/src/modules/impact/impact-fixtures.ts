import type { DataSource } from "typeorm";
import type { Fixture } from "../../test/fixtures";
import { API_KEY_PREFIX, hashToken, newToken } from "../identity/token";

/** Inserts one row of `table` (snake_case columns) and returns its id. */
async function insert(
  ds: DataSource,
  table: string,
  row: Record<string, unknown>,
): Promise<string> {
  const columns = Object.keys(row);
  const rows: { id: string }[] = await ds.query(
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")}) RETURNING id`,
    Object.values(row),
  );
  return rows[0]!.id;
}

/** Ids of the hand-made impact world (see {@link createImpactWorld}). */
export interface ImpactWorld {
  groupId: string;
  villageA: string;
  villageB: string;
  households: string[];
}

/** Issues an API key for the fixture's partner organisation directly; returns its secret. */
export async function partnerKey(
  ds: DataSource,
  fixture: Fixture,
): Promise<{ id: string; secret: string }> {
  const secret = newToken(API_KEY_PREFIX);
  const id = await insert(ds, "api_keys", {
    partner_organisation_id: fixture.partnerOrganisation.id,
    prefix: secret.slice(0, 8),
    key_hash: hashToken(secret),
    scopes: ["impact:read"],
    created_by_user_id: fixture.users.ADMIN.id,
  });
  return { id, secret };
}

const BEIJING = (local: string) => new Date(`${local}+08:00`);

/**
 * A small world for the impact metrics, in its own producer group (in village A, which the
 * fixture's partner organisation may see) with eight households over 2019–2020. Every row is
 * listed in impact-metrics.spec.ts, where the expected values are worked out.
 */
export async function createImpactWorld(ds: DataSource, fixture: Fixture): Promise<ImpactWorld> {
  const place = { township: "坡仓乡", county: "易县", province: "河北省" };
  const villageA = await insert(ds, "villages", {
    name_zh: "甲村",
    name_en: "Jiacun",
    households_total: 40,
    ...place,
  });
  const villageB = await insert(ds, "villages", {
    name_zh: "乙村",
    name_en: "Yicun",
    households_total: 30,
    ...place,
  });
  const g = await insert(ds, "producer_groups", {
    village_id: villageA,
    name_zh: "甲村小组",
    name_en: "Jiacun group",
    founded_on: "2018-01-01",
  });
  await ds.query(
    `INSERT INTO partner_organisation_groups (partner_organisation_id, producer_group_id) VALUES ($1, $2)`,
    [fixture.partnerOrganisation.id, g],
  );
  // h, village, sex, age band, registered poor, joined, left
  const people: [string, string, string, string, boolean, string, string | null][] = [
    ["H1", villageA, "F", "50_59", true, "2019-01-01", null],
    ["H2", villageA, "F", "60_69", true, "2019-01-01", null],
    ["H3", villageA, "M", "50_59", true, "2019-01-01", null],
    ["H4", villageA, "M", "60_69", false, "2019-01-01", null],
    ["H5", villageA, "M", "40_49", false, "2019-06-01", null],
    ["H6", villageB, "F", "50_59", true, "2019-01-01", null],
    ["H7", villageB, "M", "60_69", true, "2019-01-01", "2020-03-01"],
    ["H8", villageB, "F", "40_49", false, "2020-02-01", null],
  ];
  const h: string[] = [];
  for (const [code, village, sex, band, poor, joined, left] of people) {
    h.push(
      await insert(ds, "households", {
        producer_group_id: g,
        village_id: village,
        code: `IMP-${code}`,
        head_name: `户主${code}`,
        head_sex: sex,
        head_age_band: band,
        size: 3,
        registered_poor: poor,
        membership_state: left ? "LEFT" : "ACTIVE",
        joined_on: joined,
        left_on: left,
      }),
    );
  }
  // Yearly records: [household index, year, status, per-capita net income (yuan)].
  const years: [number, number, string, number][] = [
    [0, 2019, "REGISTERED", 3000],
    [0, 2020, "EXITED", 4500],
    [1, 2019, "REGISTERED", 3100],
    [1, 2020, "REGISTERED", 3900],
    [2, 2019, "REGISTERED", 3300],
    [2, 2020, "EXITED", 5000],
    [3, 2019, "NOT_REGISTERED", 6000],
    [3, 2020, "NOT_REGISTERED", 7000],
    [4, 2019, "NOT_REGISTERED", 5000],
    [4, 2020, "NOT_REGISTERED", 5200],
    [5, 2019, "REGISTERED", 2900],
    [5, 2020, "EXITED", 4000],
    [6, 2019, "REGISTERED", 3500],
    [6, 2020, "EXITED", 4100],
    [7, 2020, "NOT_REGISTERED", 3900],
  ];
  for (const [i, year, status, income] of years) {
    await insert(ds, "household_years", {
      household_id: h[i],
      year,
      poverty_status: status,
      per_capita_net_income_yuan: income,
    });
  }

  const product = (nameZh: string, nameEn: string, category: string) =>
    insert(ds, "products", {
      name_zh: nameZh,
      name_en: nameEn,
      category,
      season_months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    });
  const variant = (productId: string) =>
    insert(ds, "variants", {
      product_id: productId,
      name_zh: "一斤",
      name_en: "1 jin",
      unit: "JIN",
      grams: 500,
      max_per_order: 50,
    });
  const eggs = await variant(await product("甲村鸡蛋", "Jiacun eggs", "EGGS"));
  const walnuts = await variant(await product("甲村核桃", "Jiacun walnuts", "NUTS"));
  await insert(ds, "reference_prices", {
    variant_id: eggs,
    market: "坡仓集",
    observed_on: "2019-01-01",
    price_fen: 1000,
    source: "test",
  });
  await insert(ds, "reference_prices", {
    variant_id: eggs,
    market: "坡仓集",
    observed_on: "2020-01-01",
    price_fen: 1200,
    source: "test",
  });
  await insert(ds, "reference_prices", {
    variant_id: walnuts,
    market: "坡仓集",
    observed_on: "2019-01-01",
    price_fen: 2000,
    source: "test",
  });

  const cycle = (code: string, opens: string) =>
    insert(ds, "order_cycles", {
      producer_group_id: g,
      code,
      state: "SETTLED",
      declaration_opens_on: opens.slice(0, 10),
      opens_at: BEIJING(`${opens}T09:00:00`),
      closes_at: BEIJING(`${opens}T20:00:00`),
      delivery_on: opens.slice(0, 10),
    });
  const may19 = await cycle("2019-05", "2019-05-01");
  const sep19 = await cycle("2019-09", "2019-09-01");
  const may20 = await cycle("2020-05", "2020-05-01");
  const offer = (cycleId: string, variantId: string, price: number, producerPrice: number) =>
    insert(ds, "offers", {
      producer_group_id: g,
      order_cycle_id: cycleId,
      variant_id: variantId,
      price_fen: price,
      producer_price_fen: producerPrice,
      quantity_total: 100,
    });
  const eggs19 = await offer(may19, eggs, 1600, 1200);
  const nuts19 = await offer(sep19, walnuts, 3200, 2500);
  const eggs20 = await offer(may20, eggs, 2000, 1500);

  const consumers: string[] = [];
  for (const n of [1, 2, 3]) {
    const user = await insert(ds, "users", {
      email: `c${n}@impact.test`,
      password_hash: "x",
      role: "CONSUMER",
      display_name: `C${n}`,
    });
    consumers.push(
      await insert(ds, "consumer_households", {
        producer_group_id: g,
        consumer_group_id: fixture.consumerGroup.id,
        user_id: user,
        display_name: `消费者${n}`,
        joined_at: BEIJING("2019-01-01T10:00:00"),
      }),
    );
  }
  const order = async (
    c: number,
    cycleId: string,
    offerId: string,
    variantId: string,
    qty: number,
    placed: string,
    state = "CLOSED",
  ) => {
    const id = await insert(ds, "orders", {
      producer_group_id: g,
      order_cycle_id: cycleId,
      consumer_household_id: consumers[c],
      pickup_point_id: fixture.pickupPoint.id,
      state,
      total_fen: qty * 1000,
      idempotency_key: `imp-${placed}-${c}`,
      placed_at: BEIJING(`${placed}T12:00:00`),
    });
    const line = await insert(ds, "order_lines", {
      producer_group_id: g,
      order_id: id,
      offer_id: offerId,
      variant_id: variantId,
      product_name_zh: "产品",
      product_name_en: "Product",
      variant_name_zh: "一斤",
      variant_name_en: "1 jin",
      unit_price_fen: 1000,
      quantity: qty,
      line_total_fen: qty * 1000,
    });
    return { id, line };
  };
  const o1 = await order(0, may19, eggs19, eggs, 10, "2019-05-01");
  const o2 = await order(1, may19, eggs19, eggs, 5, "2019-05-01");
  const o3 = await order(0, sep19, nuts19, walnuts, 4, "2019-09-01");
  await order(2, sep19, nuts19, walnuts, 1, "2019-09-01", "CANCELLED");
  const o5 = await order(0, may20, eggs20, eggs, 10, "2020-05-01");
  const o6 = await order(2, may20, eggs20, eggs, 2, "2020-05-01");

  const lot = async (
    hi: number,
    cycleId: string,
    variantId: string,
    qty: number,
    lineId: string,
    accepted: number,
    checked: string,
  ) => {
    const declaration = await insert(ds, "supply_declarations", {
      producer_group_id: g,
      order_cycle_id: cycleId,
      household_id: h[hi],
      variant_id: variantId,
      quantity: qty,
    });
    const lotId = await insert(ds, "lots", {
      producer_group_id: g,
      order_cycle_id: cycleId,
      household_id: h[hi],
      variant_id: variantId,
      supply_declaration_id: declaration,
      state: "SOLD",
      quantity_declared: qty,
      quantity_allocated: qty,
      quantity_received: qty,
      quantity_accepted: accepted,
    });
    await insert(ds, "allocations", {
      producer_group_id: g,
      order_line_id: lineId,
      lot_id: lotId,
      quantity: qty,
      rank: 1,
      reason: "test",
    });
    await insert(ds, "quality_checks", {
      producer_group_id: g,
      lot_id: lotId,
      checked_on: checked,
      checked_by_user_id: fixture.users.STAFF.id,
      quantity_received: qty,
      quantity_accepted: accepted,
      result: accepted === qty ? "ACCEPTED" : "PARTIAL",
      reason: accepted === qty ? null : "CRACKED",
    });
  };
  await lot(0, may19, eggs, 6, o1.line, 6, "2019-05-03");
  await lot(1, may19, eggs, 4, o1.line, 3, "2019-05-03");
  await lot(2, may19, eggs, 5, o2.line, 5, "2019-05-03");
  await lot(5, sep19, walnuts, 4, o3.line, 2, "2019-09-03");
  await lot(0, may20, eggs, 10, o5.line, 10, "2020-05-03");
  await lot(7, may20, eggs, 2, o6.line, 2, "2020-05-03");

  const settle = (hi: number, cycleId: string, net: number, state: string, paidOn: string | null) =>
    insert(ds, "settlements", {
      producer_group_id: g,
      order_cycle_id: cycleId,
      household_id: h[hi],
      state,
      gross_fen: net,
      net_fen: net,
      paid_on: paidOn,
      paid_method: paidOn ? "CASH" : null,
    });
  await settle(0, may19, 10_000, "PAID", "2019-05-10");
  await settle(0, sep19, 6_000, "ACKNOWLEDGED", "2019-09-10");
  await settle(1, may19, 8_000, "PAID", "2019-05-10");
  await settle(2, sep19, 4_000, "PAID", "2019-09-10");
  await settle(5, sep19, 2_000, "PAID", "2019-09-10");
  await settle(3, sep19, 12_000, "APPROVED", null);
  await settle(0, may20, 9_000, "PAID", "2020-05-10");
  await settle(1, may20, 7_000, "PAID", "2020-05-10");
  await settle(2, may20, 5_000, "PAID", "2020-05-10");
  await settle(3, may20, 3_000, "ACKNOWLEDGED", "2020-05-10");
  await settle(7, may20, 1_000, "PAID", "2020-05-10");

  const pay = (orderId: string, amount: number, at: string) =>
    insert(ds, "payments", {
      producer_group_id: g,
      order_id: orderId,
      amount_fen: amount,
      method: "WECHAT_PAY",
      paid_at: BEIJING(at),
      recorded_by_user_id: fixture.users.FINANCE.id,
    });
  await pay(o1.id, 25_000, "2019-05-01T13:00:00");
  await pay(o3.id, 25_000, "2019-09-01T13:00:00");
  await pay(o5.id, 40_000, "2020-05-01T13:00:00");
  await insert(ds, "adjustments", {
    producer_group_id: g,
    order_id: o3.id,
    kind: "REFUND",
    amount_fen: 10_000,
    reason: "test",
    created_at: BEIJING("2019-09-05T10:00:00"),
  });

  await insert(ds, "feedback", {
    producer_group_id: g,
    order_line_id: o1.line,
    consumer_household_id: consumers[0],
    rating: 5,
    category: "TASTE",
    is_complaint: false,
  });
  await insert(ds, "feedback", {
    producer_group_id: g,
    order_line_id: o2.line,
    consumer_household_id: consumers[1],
    rating: 1,
    category: "FRESHNESS",
    is_complaint: true,
  });

  const event = (starts: string, cancelled: boolean) =>
    insert(ds, "trust_events", {
      producer_group_id: g,
      kind: "VILLAGE_VISIT",
      title_zh: "参观",
      title_en: "Visit",
      village_id: villageA,
      starts_at: BEIJING(`${starts}T09:00:00`),
      ends_at: BEIJING(`${starts}T17:00:00`),
      open_to_consumers: true,
      cancelled_at: cancelled ? BEIJING(`${starts}T08:00:00`) : null,
    });
  const attend = (eventId: string, c: number, people: number, state: string) =>
    insert(ds, "trust_event_attendances", {
      producer_group_id: g,
      trust_event_id: eventId,
      consumer_household_id: consumers[c],
      people,
      state,
    });
  const visit19 = await event("2019-10-12", false);
  await attend(visit19, 0, 3, "ATTENDED");
  await attend(visit19, 1, 2, "ATTENDED");
  await attend(visit19, 2, 1, "CANCELLED");
  const cancelled19 = await event("2019-11-09", true);
  await attend(cancelled19, 0, 2, "SIGNED_UP");
  const visit20 = await event("2020-10-10", false);
  await attend(visit20, 0, 1, "ATTENDED");
  return { groupId: g, villageA, villageB, households: h };
}
