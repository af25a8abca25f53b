import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { type Fixture, loadFixture } from "../../test/fixtures";
import { createConsumer, daysFromNow, signInAs } from "../../test/shop-fixtures";
import { startTestApi, type TestApi } from "../../test/test-api";
import { TrustEventAttendance } from "./trust-event-attendance.entity";
import { TrustEvent } from "./trust-event.entity";

let t: TestApi;
let fixture: Fixture;
let visits: Record<"spring" | "race" | "unlimited" | "past" | "closed" | "meeting", TrustEvent>;
const RACERS = 20;

function visit(ds: DataSource, title: string, days: number, extra: Partial<TrustEvent> = {}) {
  return ds.manager.save(TrustEvent, {
    producerGroupId: fixture.groups.sanggang.id,
    kind: "VILLAGE_VISIT",
    titleZh: title,
    titleEn: title,
    villageId: fixture.villages.sanggang.id,
    startsAt: daysFromNow(days),
    endsAt: daysFromNow(days + 0.5),
    capacity: 12,
    openToConsumers: true,
    ...extra,
  } as Partial<TrustEvent>);
}

beforeAll(async () => {
  t = await startTestApi("visits", {
    prepare: async (ds) => {
      fixture = await loadFixture(ds);
      await createConsumer(ds, fixture, {
        email: fixture.logins.CONSUMER,
        displayName: "王老师家",
        user: fixture.users.CONSUMER,
      });
      await createConsumer(ds, fixture, { email: "li@fixture.test", displayName: "李家" });
      for (let i = 0; i < RACERS; i++)
        await createConsumer(ds, fixture, {
          email: `racer${i}@fixture.test`,
          displayName: `家${i}`,
        });
      visits = {
        spring: await visit(ds, "春季探访", 10),
        race: await visit(ds, "抢名额", 20, { capacity: 5 }),
        unlimited: await visit(ds, "开放日", 30, { capacity: null }),
        past: await visit(ds, "去年的探访", -100),
        closed: await visit(ds, "内部探访", 15, { openToConsumers: false }),
        meeting: await visit(ds, "村民会议", 12, { kind: "MEETING" }),
      };
    },
  });
}, 60_000);
afterAll(() => t?.close());

const UPCOMING = `{ upcomingVisits { titleZh capacity placesLeft village { nameZh } } }`;
const SIGN_UP = `mutation($id: ID!, $people: Int!) {
  signUpForVisit(trustEventId: $id, people: $people) {
    __typename
    ... on VisitSignUp { people state visit { titleZh placesLeft } }
    ... on VisitFullError { placesLeft }
    ... on InvalidInputError { problems { field message } }
    ... on ErrorResult { errorCode message }
  }
}`;
const CANCEL = `mutation($id: ID!) {
  cancelVisitSignUp(trustEventId: $id) {
    __typename
    ... on VisitSignUp { people state }
    ... on ErrorResult { errorCode }
  }
}`;
type SignUpAnswer = { signUpForVisit: Record<string, unknown> & { __typename: string } };

describe("village visits", () => {
  it("lists upcoming visits open to consumers, soonest first, to anyone", async () => {
    const res = await t.shop().data(UPCOMING);
    expect(res.upcomingVisits).toEqual([
      { titleZh: "春季探访", capacity: 12, placesLeft: 12, village: { nameZh: "桑岗村" } },
      { titleZh: "抢名额", capacity: 5, placesLeft: 5, village: { nameZh: "桑岗村" } },
      { titleZh: "开放日", capacity: null, placesLeft: null, village: { nameZh: "桑岗村" } },
    ]);
  });

  it("signs a household up, refuses a second live sign-up, and lets it cancel and sign up again", async () => {
    const client = await signInAs(t.shop(), fixture.logins.CONSUMER);
    const first = await client.data<SignUpAnswer>(SIGN_UP, { id: visits.spring.id, people: 3 });
    // 12 places − 3 people = 9 left.
    expect(first.signUpForVisit).toEqual({
      __typename: "VisitSignUp",
      people: 3,
      state: "SIGNED_UP",
      visit: { titleZh: "春季探访", placesLeft: 9 },
    });
    const second = await client.data<SignUpAnswer>(SIGN_UP, { id: visits.spring.id, people: 1 });
    expect(second.signUpForVisit).toEqual({
      __typename: "AlreadySignedUpError",
      errorCode: "ALREADY_SIGNED_UP",
      message: "您已经报名了这个探访。",
    });
    const cancelled = await client.data(CANCEL, { id: visits.spring.id });
    expect(cancelled.cancelVisitSignUp).toEqual({
      __typename: "VisitSignUp",
      people: 3,
      state: "CANCELLED",
    });
    const again = await client.data<SignUpAnswer>(SIGN_UP, { id: visits.spring.id, people: 2 });
    // The cancelled 3 no longer count: 12 − 2 = 10.
    expect(again.signUpForVisit).toMatchObject({ people: 2, visit: { placesLeft: 10 } });
    const mine = await client.data<{ myVisitSignUps: { people: number; state: string }[] }>(
      "{ myVisitSignUps { people state visit { titleZh } } }",
    );
    expect(mine.myVisitSignUps).toEqual([
      { people: 2, state: "SIGNED_UP", visit: { titleZh: "春季探访" } },
      { people: 3, state: "CANCELLED", visit: { titleZh: "春季探访" } },
    ]);
  });

  it("refuses more people than places left", async () => {
    const client = await signInAs(t.shop(), "li@fixture.test");
    // 10 places left on the spring visit; 10 people is the most per household.
    const res = await client.data<SignUpAnswer>(SIGN_UP, { id: visits.spring.id, people: 10 });
    expect(res.signUpForVisit.__typename).toBe("VisitSignUp");
    const mine = await signInAs(t.shop(), "racer0@fixture.test");
    const full = await mine.data<SignUpAnswer>(SIGN_UP, { id: visits.spring.id, people: 1 });
    expect(full.signUpForVisit).toEqual({
      __typename: "VisitFullError",
      errorCode: "VISIT_FULL",
      placesLeft: 0,
      message: "名额不够：还剩 0 个。",
    });
  });

  it("holds the capacity under 20 parallel sign-ups for 5 places", async () => {
    const clients = await Promise.all(
      Array.from({ length: RACERS }, (_, i) => signInAs(t.shop(), `racer${i}@fixture.test`)),
    );
    const results = await Promise.all(
      clients.map((c) => c.data<SignUpAnswer>(SIGN_UP, { id: visits.race.id, people: 1 })),
    );
    const kinds = results.map((r) => r.signUpForVisit.__typename);
    expect(kinds.filter((k) => k === "VisitSignUp")).toHaveLength(5);
    expect(kinds.filter((k) => k === "VisitFullError")).toHaveLength(15);
    const rows = await t.dataSource.manager.findBy(TrustEventAttendance, {
      trustEventId: visits.race.id,
    });
    expect(rows.reduce((sum, r) => sum + r.people, 0)).toBe(5);
  });

  it("refuses 0, negative and 11 people, and unknown, past, closed or malformed visits, storing nothing", async () => {
    const client = await signInAs(t.shop(), "racer1@fixture.test");
    const before = await t.dataSource.manager.count(TrustEventAttendance);
    for (const people of [0, -2, 11]) {
      const res = await client.data<SignUpAnswer>(SIGN_UP, { id: visits.unlimited.id, people });
      expect(res.signUpForVisit).toMatchObject({
        __typename: "InvalidInputError",
        problems: [{ field: "people", message: "人数必须是 1 到 10 的整数。" }],
      });
    }
    for (const id of [
      visits.past.id,
      visits.closed.id,
      visits.meeting.id,
      "00000000-0000-4000-8000-000000000000",
      "%_'",
    ]) {
      const res = await client.data<SignUpAnswer>(SIGN_UP, { id, people: 1 });
      expect(res.signUpForVisit).toMatchObject({
        __typename: "NotFoundError",
        errorCode: "NOT_FOUND",
      });
    }
    const cancel = await client.data(CANCEL, { id: visits.unlimited.id });
    expect(cancel.cancelVisitSignUp).toEqual({
      __typename: "NotFoundError",
      errorCode: "NOT_FOUND",
    });
    expect(await t.dataSource.manager.count(TrustEventAttendance)).toBe(before);
  });

  it("refuses anonymous sign-ups and shows each household only its own sign-ups", async () => {
    const anonymous = await t.shop().request(SIGN_UP, { id: visits.unlimited.id, people: 1 });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const mine = await t.shop().request("{ myVisitSignUps { people } }");
    expect(mine.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const li = await signInAs(t.shop(), "li@fixture.test");
    expect(await li.data("{ myVisitSignUps { people } }")).toEqual({
      myVisitSignUps: [{ people: 10 }],
    });
  });
});
