import type { OrderState } from "@nested/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, loadFixture } from "../../test/fixtures";
import {
  createConsumer,
  createCycle,
  createOffer,
  createOrderWithLine,
  daysFromNow,
  signInAs,
} from "../../test/shop-fixtures";
import { startTestApi, type TestApi } from "../../test/test-api";
import { Variant } from "../catalog/variant.entity";
import type { OrderLine } from "../order/order-line.entity";
import { Feedback } from "./feedback.entity";

let t: TestApi;
let fixture: Fixture;
const lines = {} as Record<
  "pickedUp" | "closed" | "placed" | "noShow" | "others" | "race",
  OrderLine
>;

beforeAll(async () => {
  t = await startTestApi("feedback", {
    prepare: async (ds) => {
      fixture = await loadFixture(ds);
      const me = await createConsumer(ds, fixture, {
        email: fixture.logins.CONSUMER,
        displayName: "王老师家",
        user: fixture.users.CONSUMER,
      });
      const other = await createConsumer(ds, fixture, {
        email: "li@fixture.test",
        displayName: "李家",
      });
      const cycle = await createCycle(ds, fixture.groups.sanggang.id, {
        code: "2011-04",
        state: "DELIVERED",
        opensAt: daysFromNow(-30),
        closesAt: daysFromNow(-20),
      });
      const variant = await ds.manager.findOneByOrFail(Variant, { nameZh: "一斤装" });
      const offer = await createOffer(ds, cycle, variant.id, {
        priceFen: 1600,
        producerPriceFen: 1200,
        quantityTotal: 50,
      });
      const make = async (state: OrderState, household: string, key: string) =>
        (
          await createOrderWithLine(ds, {
            offer,
            consumerHouseholdId: household,
            pickupPointId: fixture.pickupPoint.id,
            state,
            quantity: 2,
            key,
          })
        ).line;
      lines.pickedUp = await make("PICKED_UP", me.household.id, "a");
      lines.closed = await make("CLOSED", me.household.id, "b");
      lines.placed = await make("PLACED", me.household.id, "c");
      lines.noShow = await make("NO_SHOW", me.household.id, "d");
      lines.race = await make("PICKED_UP", me.household.id, "e");
      lines.others = await make("PICKED_UP", other.household.id, "f");
    },
  });
});
afterAll(() => t?.close());

const GIVE = `mutation($input: GiveFeedbackInput!) {
  giveFeedback(input: $input) {
    __typename
    ... on Feedback { orderLineId productNameZh variantNameZh rating category comment isComplaint }
    ... on InvalidInputError { problems { field message } }
    ... on ErrorResult { errorCode message }
  }
}`;

type Given = { giveFeedback: Record<string, unknown> & { __typename: string } };

describe("feedback on an order line", () => {
  it("is stored after pickup, marked as a complaint at rating 2 or less", async () => {
    const client = await signInAs(t.shop(), fixture.logins.CONSUMER);
    const res = await client.data<Given>(GIVE, {
      input: {
        orderLineId: lines.pickedUp.id,
        rating: 5,
        category: "FRESHNESS",
        comment: "  很新鲜！ ",
      },
    });
    expect(res.giveFeedback).toEqual({
      __typename: "Feedback",
      orderLineId: lines.pickedUp.id,
      productNameZh: "柴鸡蛋",
      variantNameZh: "一斤装",
      rating: 5,
      category: "FRESHNESS",
      comment: "很新鲜！",
      isComplaint: false,
    });
    const closed = await client.data<Given>(GIVE, {
      input: { orderLineId: lines.closed.id, rating: 2, category: "SIZE" },
    });
    expect(closed.giveFeedback).toMatchObject({ rating: 2, comment: null, isComplaint: true });
    // Stored with the line, so staff can follow it to the allocations, lots and households.
    const stored = await t.dataSource.manager.findOneByOrFail(Feedback, {
      orderLineId: lines.closed.id,
    });
    expect(stored).toMatchObject({ producerGroupId: fixture.groups.sanggang.id, rating: 2 });
  });

  it("is taken once per line", async () => {
    const client = await signInAs(t.shop(), fixture.logins.CONSUMER);
    const again = await client.data<Given>(GIVE, {
      input: { orderLineId: lines.pickedUp.id, rating: 1, category: "TASTE" },
    });
    expect(again.giveFeedback).toEqual({
      __typename: "FeedbackAlreadyGivenError",
      errorCode: "FEEDBACK_ALREADY_GIVEN",
      message: "这个订单行已经评价过了。",
    });
    // Five at once on a fresh line: one is stored.
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        client.data<Given>(GIVE, {
          input: { orderLineId: lines.race.id, rating: 4, category: "CUT" },
        }),
      ),
    );
    const kinds = results.map((r) => r.giveFeedback.__typename).sort();
    expect(kinds).toEqual([
      "Feedback",
      "FeedbackAlreadyGivenError",
      "FeedbackAlreadyGivenError",
      "FeedbackAlreadyGivenError",
      "FeedbackAlreadyGivenError",
    ]);
    expect(await t.dataSource.manager.countBy(Feedback, { orderLineId: lines.race.id })).toBe(1);
  });

  it("is refused before pickup and for a no-show", async () => {
    const client = await signInAs(t.shop(), fixture.logins.CONSUMER);
    client.locale = "en";
    for (const line of [lines.placed, lines.noShow]) {
      const res = await client.data<Given>(GIVE, {
        input: { orderLineId: line.id, rating: 4, category: "OTHER" },
      });
      expect(res.giveFeedback).toEqual({
        __typename: "FeedbackNotAllowedError",
        errorCode: "FEEDBACK_NOT_ALLOWED",
        message: "Feedback can be given only after pickup.",
      });
    }
  });

  it("answers another household's line exactly like an unknown one", async () => {
    const client = await signInAs(t.shop(), fixture.logins.CONSUMER);
    const answers = [];
    for (const id of [lines.others.id, "00000000-0000-4000-8000-000000000000", "x'; --"]) {
      answers.push(
        (
          await client.data<Given>(GIVE, {
            input: { orderLineId: id, rating: 3, category: "OTHER" },
          })
        ).giveFeedback,
      );
    }
    for (const answer of answers)
      expect(answer).toEqual({
        __typename: "NotFoundError",
        errorCode: "NOT_FOUND",
        message: "找不到这个订单行。",
      });
  });

  it("refuses ratings 0 and 6, an overlong comment and fractional ratings, storing nothing", async () => {
    const client = await signInAs(t.shop(), fixture.logins.CONSUMER);
    const before = await t.dataSource.manager.count(Feedback);
    for (const rating of [0, 6, -1]) {
      const res = await client.data<Given>(GIVE, {
        input: { orderLineId: lines.noShow.id, rating, category: "TASTE" },
      });
      expect(res.giveFeedback).toMatchObject({
        __typename: "InvalidInputError",
        problems: [{ field: "rating", message: "评分必须是 1 到 5 的整数。" }],
      });
    }
    const long = await client.data<Given>(GIVE, {
      input: {
        orderLineId: lines.noShow.id,
        rating: 3,
        category: "TASTE",
        comment: "好".repeat(2001),
      },
    });
    expect(long.giveFeedback).toMatchObject({ problems: [{ field: "comment" }] });
    const fractional = await client.request(GIVE, {
      input: { orderLineId: lines.noShow.id, rating: 4.5, category: "TASTE" },
    });
    expect(fractional.body.errors?.[0]?.message).toMatch(/Int cannot represent/);
    const badCategory = await client.request(GIVE, {
      input: { orderLineId: lines.noShow.id, rating: 4, category: "PRICE" },
    });
    expect(badCategory.body.errors?.[0]?.message).toMatch(/FeedbackCategory/);
    expect(await t.dataSource.manager.count(Feedback)).toBe(before);
  });

  it("is refused to anonymous callers", async () => {
    const res = await t.shop().request(GIVE, {
      input: { orderLineId: lines.closed.id, rating: 5, category: "TASTE" },
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const list = await t.shop().request("{ myFeedback { totalItems } }");
    expect(list.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("lists only the caller's own feedback, newest first", async () => {
    const other = await signInAs(t.shop(), "li@fixture.test");
    await other.data<Given>(GIVE, {
      input: { orderLineId: lines.others.id, rating: 3, category: "PACKAGING" },
    });
    const mine = await signInAs(t.shop(), fixture.logins.CONSUMER);
    const res = await mine.data<{
      myFeedback: { totalItems: number; items: { orderLineId: string; rating: number }[] };
    }>("{ myFeedback(page: { skip: 0, take: 10 }) { totalItems items { orderLineId rating } } }");
    expect(res.myFeedback.totalItems).toBe(3);
    expect(res.myFeedback.items.map((f) => f.orderLineId)).toEqual([
      lines.race.id,
      lines.closed.id,
      lines.pickedUp.id,
    ]);
    const theirs = await other.data<{ myFeedback: { totalItems: number } }>(
      "{ myFeedback { totalItems } }",
    );
    expect(theirs.myFeedback.totalItems).toBe(1);
  });
});
