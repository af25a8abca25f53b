import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrderingMarket, type OrderingMarket, sessionFor } from "../../test/order-fixtures";
import { CHANGE_ORDER, place, shopAs } from "../../test/order-operations";
import { type GraphqlClient, startTestApi, type TestApi } from "../../test/test-api";
import { User } from "../identity/user.entity";

let t: TestApi;
let market: OrderingMarket;
let admin: GraphqlClient;

beforeAll(async () => {
  t = await startTestApi("order_payment", {
    prepare: async (ds) => void (market = await createOrderingMarket(ds, 3)),
  });
  const user = await t.dataSource.manager.save(User, {
    email: "admin@payments.test",
    passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$placeholder",
    role: "ADMIN",
    displayName: "管理员",
  });
  admin = t.admin();
  admin.bearer = await sessionFor(t.dataSource, user.id);
  admin.locale = "en";
});
afterAll(() => t?.close());

const RECORD = `mutation($orderId: ID!, $amountFen: Money!) {
  recordPayment(orderId: $orderId, amountFen: $amountFen, method: ALIPAY) {
    __typename ... on RecordedPayment { amountFen }
    ... on InvalidInputError { problems { field message } }
  }
}`;

async function paymentState(orderId: string): Promise<string> {
  const [row] = (await t.dataSource.query("SELECT payment_state FROM orders WHERE id = $1", [
    orderId,
  ])) as [{ payment_state: string }];
  return row.payment_state;
}

describe("payments of an order the consumer changes after paying", () => {
  it("takes the difference of a paid order enlarged while open, then nothing more", async () => {
    const consumer = shopAs(t, market.consumers[0]!.token);
    // 2 jin of eggs: 2 × 1600 = 3200, paid in full → PAID
    const order = await place(consumer, {
      orderCycleId: market.cycle.id,
      pickupPointId: market.pickupPoint.id,
      lines: [{ offerId: market.eggs.id, quantity: 2 }],
      idempotencyKey: randomUUID(),
    });
    const first = await admin.data<{ recordPayment: object }>(RECORD, {
      orderId: order.id,
      amountFen: 3200,
    });
    expect(first.recordPayment).toEqual({ __typename: "RecordedPayment", amountFen: 3200 });
    expect(await paymentState(order.id!)).toBe("PAID");
    // the consumer makes it 3 jin: 3 × 1600 = 4800, so 4800 − 3200 = 1600 is owed
    const changed = await consumer.data<{ changeOrder: { totalFen: number } }>(CHANGE_ORDER, {
      orderId: order.id,
      lines: [{ offerId: market.eggs.id, quantity: 3 }],
    });
    expect(changed.changeOrder.totalFen).toBe(4800);
    const rest = await admin.data<{ recordPayment: object }>(RECORD, {
      orderId: order.id,
      amountFen: 1600,
    });
    expect(rest.recordPayment).toEqual({ __typename: "RecordedPayment", amountFen: 1600 });
    expect(await paymentState(order.id!)).toBe("PAID");
    // paid 4800 of 4800: one fen more is refused and nothing is written
    const over = await admin.data<{ recordPayment: object }>(RECORD, {
      orderId: order.id,
      amountFen: 1,
    });
    expect(over.recordPayment).toEqual({
      __typename: "InvalidInputError",
      problems: [
        { field: "amountFen", message: "This is more than the order still owes (0 fen)." },
      ],
    });
    const [{ n }] = (await t.dataSource.query(
      "SELECT count(*)::int AS n FROM payments WHERE order_id = $1",
      [order.id],
    )) as [{ n: number }];
    expect(n).toBe(2);
  });
});

describe("a payment form sent twice", () => {
  const RECORD_WITH = `mutation($orderId: ID!, $amountFen: Money!, $reference: String, $paidAt: DateTimeISO) {
    recordPayment(orderId: $orderId, amountFen: $amountFen, method: WECHAT_PAY,
                  reference: $reference, paidAt: $paidAt) {
      __typename ... on RecordedPayment { amountFen }
      ... on InvalidInputError { problems { field message } }
    }
  }`;

  async function paymentsOf(orderId: string): Promise<number> {
    const [{ n }] = (await t.dataSource.query(
      "SELECT count(*)::int AS n FROM payments WHERE order_id = $1",
      [orderId],
    )) as [{ n: number }];
    return n;
  }

  it("records a transfer number once, also when both copies arrive at the same time", async () => {
    const consumer = shopAs(t, market.consumers[1]!.token);
    // 3 jin of eggs: 3 × 1600 = 4800 owed; a part payment of 1000 sent twice at once
    const order = await place(consumer, {
      orderCycleId: market.cycle.id,
      pickupPointId: market.pickupPoint.id,
      lines: [{ offerId: market.eggs.id, quantity: 3 }],
      idempotencyKey: randomUUID(),
    });
    const vars = { orderId: order.id, amountFen: 1000, reference: "WX-4200001234" };
    const answers = await Promise.all([
      admin.data<{ recordPayment: { __typename: string } }>(RECORD_WITH, vars),
      admin.data<{ recordPayment: { __typename: string } }>(RECORD_WITH, vars),
    ]);
    expect(answers.map((a) => a.recordPayment.__typename).sort()).toEqual([
      "InvalidInputError",
      "RecordedPayment",
    ]);
    const refused = answers.find((a) => a.recordPayment.__typename === "InvalidInputError")!;
    expect(refused.recordPayment).toEqual({
      __typename: "InvalidInputError",
      problems: [
        {
          field: "reference",
          message:
            "This order already has a payment of this amount and method with reference WX-4200001234; it was not recorded again.",
        },
      ],
    });
    expect(await paymentsOf(order.id!)).toBe(1);
    // Retyped with other letter case and spaces, it is still the same transfer: refused.
    const retyped = await admin.data<{ recordPayment: { __typename: string } }>(RECORD_WITH, {
      ...vars,
      reference: "wx-4200 001234",
    });
    expect(retyped.recordPayment.__typename).toBe("InvalidInputError");
    expect(await paymentsOf(order.id!)).toBe(1);
    // 4800 − 1000 = 3800 still owed: the rest under another number is taken and pays the order
    const rest = await admin.data<{ recordPayment: object }>(RECORD_WITH, {
      orderId: order.id,
      amountFen: 3800,
      reference: "WX-4200001235",
    });
    expect(rest.recordPayment).toEqual({ __typename: "RecordedPayment", amountFen: 3800 });
    expect(await paymentState(order.id!)).toBe("PAID");
  });

  it("refuses a time of payment still to come or before the order, recording nothing", async () => {
    const consumer = shopAs(t, market.consumers[2]!.token);
    const order = await place(consumer, {
      orderCycleId: market.cycle.id,
      pickupPointId: market.pickupPoint.id,
      lines: [{ offerId: market.eggs.id, quantity: 1 }],
      idempotencyKey: randomUUID(),
    });
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    const answer = await admin.data<{ recordPayment: object }>(RECORD_WITH, {
      orderId: order.id,
      amountFen: 1600,
      paidAt: tomorrow,
    });
    expect(answer.recordPayment).toEqual({
      __typename: "InvalidInputError",
      problems: [
        {
          field: "paidAt",
          message: "The time of payment has not come yet; a later time cannot be entered.",
        },
      ],
    });
    expect(await paymentsOf(order.id!)).toBe(0);
    // A year mistyped the other way: paid in 1900, long before the order was placed.
    const early = await admin.data<{ recordPayment: object }>(RECORD_WITH, {
      orderId: order.id,
      amountFen: 1600,
      paidAt: "1900-06-01T02:00:00.000Z",
    });
    expect(early.recordPayment).toEqual({
      __typename: "InvalidInputError",
      problems: [
        {
          field: "paidAt",
          message: "The time of payment is before the order was placed; check the year.",
        },
      ],
    });
    expect(await paymentsOf(order.id!)).toBe(0);
    expect(await paymentState(order.id!)).toBe("UNPAID");
  });
});

describe("the cycle's orders for finance", () => {
  it("name the consumer household and the pickup point of each order", async () => {
    // Every order of this file's market was placed at 海淀·学院路 by 家庭 0, 1 or 2.
    const res = await admin.data<{
      orders: {
        items: {
          consumerHouseholdId: string;
          consumerHouseholdName: string;
          pickupPointName: string;
        }[];
      };
    }>(
      `query($c: ID!) { orders(orderCycleId: $c, page: { take: 50 }) {
         items { consumerHouseholdId consumerHouseholdName pickupPointName } } }`,
      { c: market.cycle.id },
    );
    expect(res.orders.items.length).toBeGreaterThan(0);
    const names = new Map(
      market.consumers.map((c, i) => [c.consumerHouseholdId, `家庭 ${i}`] as const),
    );
    for (const order of res.orders.items) {
      expect(order.consumerHouseholdName).toBe(names.get(order.consumerHouseholdId));
      expect(order.pickupPointName).toBe("海淀·学院路");
    }
  });
});
