import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_PASSWORD, type Fixture, loadFixture } from "../../test/fixtures";
import { createConsumer, daysFromNow, signInAs } from "../../test/shop-fixtures";
import { type GraphqlClient, startTestApi, type TestApi } from "../../test/test-api";
import { AuditLogEntry } from "../audit/audit-log-entry.entity";
import type { ConsumerHousehold } from "../consumer/consumer-household.entity";
import { TrustEventAttendance } from "./trust-event-attendance.entity";
import { TrustEvent } from "./trust-event.entity";

let t: TestApi;
let fixture: Fixture;
let admin: GraphqlClient;
let staff: GraphqlClient;
let wang: ConsumerHousehold;
let li: ConsumerHousehold;

beforeAll(async () => {
  t = await startTestApi("trust_events", {
    prepare: async (ds) => {
      fixture = await loadFixture(ds);
      wang = (
        await createConsumer(ds, fixture, {
          email: fixture.logins.CONSUMER,
          displayName: "王老师家",
          user: fixture.users.CONSUMER,
        })
      ).household;
      li = (await createConsumer(ds, fixture, { email: "li@fixture.test", displayName: "李家" }))
        .household;
    },
  });
  admin = await t.admin().signIn(fixture.logins.ADMIN, FIXTURE_PASSWORD);
  staff = await t.admin().signIn(fixture.logins.STAFF, FIXTURE_PASSWORD);
}, 60_000);
afterAll(() => t?.close());

const EVENT_FIELDS = `
  __typename
  ... on TrustEvent {
    id kind titleZh titleEn capacity placesLeft openToConsumers notes cancelledAt
    village { nameZh }
    households { code }
    signUps { id consumerHouseholdName people state }
  }
  ... on InvalidInputError { errorCode message problems { field message } }
  ... on ErrorResult { errorCode message }`;
const CREATE = `mutation($input: CreateTrustEventInput!) { createTrustEvent(input: $input) { ${EVENT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: TrustEventChangesInput!) { updateTrustEvent(id: $id, input: $input) { ${EVENT_FIELDS} } }`;
const CANCEL = `mutation($id: ID!) { cancelTrustEvent(id: $id) { ${EVENT_FIELDS} } }`;
const SET_HOUSEHOLDS = `mutation($id: ID!, $ids: [ID!]!) { setTrustEventHouseholds(id: $id, householdIds: $ids) { ${EVENT_FIELDS} } }`;
const ATTENDANCE = `mutation($id: ID!, $entries: [AttendanceEntryInput!]!) { recordAttendance(id: $id, entries: $entries) { ${EVENT_FIELDS} } }`;
type Answer = Record<string, unknown> & { __typename: string; id: string };

async function create(client: GraphqlClient, input: Record<string, unknown>): Promise<Answer> {
  const res = await client.data<{ createTrustEvent: Answer }>(CREATE, { input });
  return res.createTrustEvent;
}

function visitInput(days: number, extra: Record<string, unknown> = {}) {
  return {
    producerGroupId: fixture.groups.sanggang.id,
    kind: "VILLAGE_VISIT",
    titleZh: "秋收探访",
    startsAt: daysFromNow(days).toISOString(),
    endsAt: daysFromNow(days + 0.25).toISOString(),
    capacity: 10,
    openToConsumers: true,
    ...extra,
  };
}

function household(code: string) {
  return fixture.households.find((h) => h.code === code)!;
}

describe("trust events in the admin API", () => {
  it("creates a visit in the staff member's group, defaulting the village and English title", async () => {
    const event = await create(staff, visitInput(10, { notes: "带雨具" }));
    expect(event).toMatchObject({
      __typename: "TrustEvent",
      kind: "VILLAGE_VISIT",
      titleZh: "秋收探访",
      titleEn: "秋收探访",
      capacity: 10,
      placesLeft: 10,
      openToConsumers: true,
      notes: "带雨具",
      cancelledAt: null,
      village: { nameZh: "桑岗村" },
      households: [],
      signUps: [],
    });
    const audit = await t.dataSource
      .getRepository(AuditLogEntry)
      .findBy({ entityType: "TrustEvent", entityId: event.id });
    expect(audit.map((a) => a.action)).toEqual(["trustEvent.create"]);
  });

  it("refuses bad fields with every problem listed, in Chinese and English, and stores nothing", async () => {
    const before = await t.dataSource.getRepository(TrustEvent).count();
    const input = visitInput(10, {
      kind: "MEETING",
      titleZh: "  ",
      endsAt: daysFromNow(9).toISOString(),
      capacity: 5,
    });
    const zh = await create(staff, input);
    expect(zh).toMatchObject({
      __typename: "InvalidInputError",
      errorCode: "INVALID_INPUT",
      problems: [
        { field: "titleZh", message: "标题需要 1 到 200 个字符，不能有控制字符。" },
        { field: "endsAt", message: "结束时间必须晚于开始时间。" },
        { field: "capacity", message: "只有村庄探访才能设置名额和开放报名。" },
        { field: "openToConsumers", message: "只有村庄探访才能设置名额和开放报名。" },
      ],
    });
    const english = t.admin();
    english.locale = "en";
    await english.signIn(fixture.logins.STAFF, FIXTURE_PASSWORD);
    const en = await create(english, visitInput(10, { capacity: 0 }));
    expect(en).toMatchObject({
      __typename: "InvalidInputError",
      problems: [{ field: "capacity", message: "Places must be a whole number from 1 to 1000." }],
    });
    expect(await t.dataSource.getRepository(TrustEvent).count()).toBe(before);
  });

  it("does not let staff see or create events of a group they do not work for", async () => {
    const baoshi = await create(admin, {
      ...visitInput(12),
      producerGroupId: fixture.groups.baoshi.id,
      titleZh: "宝石村探访",
    });
    expect(baoshi.__typename).toBe("TrustEvent");
    const refused = await create(staff, {
      ...visitInput(12),
      producerGroupId: fixture.groups.baoshi.id,
    });
    expect(refused).toMatchObject({ __typename: "NotFoundError", errorCode: "NOT_FOUND" });
    const seen = await staff.data<{ trustEvent: { __typename: string } }>(
      `query($id: ID!) { trustEvent(id: $id) { __typename } }`,
      { id: baoshi.id },
    );
    expect(seen.trustEvent.__typename).toBe("NotFoundError");
    const list = await staff.data<{ trustEvents: { items: { titleZh: string }[] } }>(
      `{ trustEvents(filter: { kind: VILLAGE_VISIT }) { items { titleZh } } }`,
    );
    expect(list.trustEvents.items.map((e) => e.titleZh)).not.toContain("宝石村探访");
  });

  it("filters by the start's business day in Asia/Shanghai", async () => {
    // 2011-10-14T17:00Z is 2011-10-15 01:00 in Shanghai: the 15th, not the 14th.
    await create(admin, {
      ...visitInput(0),
      kind: "MEETING",
      titleZh: "村民大会",
      capacity: null,
      openToConsumers: false,
      startsAt: "2011-10-14T17:00:00Z",
      endsAt: "2011-10-14T19:00:00Z",
    });
    const query = `query($from: LocalDate, $to: LocalDate) {
      trustEvents(filter: { kind: MEETING, from: $from, to: $to }) { totalItems items { titleZh } }
    }`;
    const on15 = await staff.data<{ trustEvents: { totalItems: number } }>(query, {
      from: "2011-10-15",
      to: "2011-10-15",
    });
    expect(on15.trustEvents.totalItems).toBe(1);
    const on14 = await staff.data<{ trustEvents: { totalItems: number } }>(query, {
      from: "2011-10-14",
      to: "2011-10-14",
    });
    expect(on14.trustEvents.totalItems).toBe(0);
  });

  it("sets the households of the event's group only, auditing each one added or removed", async () => {
    const event = await create(staff, visitInput(14, { titleZh: "养鸡户探访" }));
    const sg1 = household("SG-001");
    const sg2 = household("SG-002");
    const bs1 = household("BS-001");
    const refused = await staff.data<{ setTrustEventHouseholds: Answer }>(SET_HOUSEHOLDS, {
      id: event.id,
      ids: [sg1.id, bs1.id],
    });
    expect(refused.setTrustEventHouseholds).toMatchObject({
      __typename: "InvalidInputError",
      problems: [{ field: "householdIds.1", message: "这个农户不属于活动所在的生产小组。" }],
    });
    const first = await staff.data<{ setTrustEventHouseholds: Answer }>(SET_HOUSEHOLDS, {
      id: event.id,
      ids: [sg2.id, sg1.id, sg1.id],
    });
    expect(first.setTrustEventHouseholds.households).toEqual([
      { code: "SG-001" },
      { code: "SG-002" },
    ]);
    const second = await staff.data<{ setTrustEventHouseholds: Answer }>(SET_HOUSEHOLDS, {
      id: event.id,
      ids: [sg2.id],
    });
    expect(second.setTrustEventHouseholds.households).toEqual([{ code: "SG-002" }]);
    const audit = await t.dataSource
      .getRepository(AuditLogEntry)
      .find({ where: { entityType: "Household", entityId: sg1.id }, order: { at: "ASC" } });
    // SG-001 was added by the first call and removed by the second; the refused call wrote nothing.
    expect(audit.map((a) => a.action)).toEqual([
      "trustEvent.householdAdded",
      "trustEvent.householdRemoved",
    ]);
  });

  it("keeps capacity at or above the people signed up", async () => {
    const event = await create(staff, visitInput(20, { titleZh: "核桃园探访", capacity: 6 }));
    const shop = await signInAs(t.shop(), fixture.logins.CONSUMER);
    await shop.data(
      `mutation($id: ID!) { signUpForVisit(trustEventId: $id, people: 4) { __typename } }`,
      {
        id: event.id,
      },
    );
    const refused = await staff.data<{ updateTrustEvent: Answer }>(UPDATE, {
      id: event.id,
      input: { capacity: 3, notes: "改期" },
    });
    expect(refused.updateTrustEvent).toMatchObject({
      __typename: "InvalidInputError",
      problems: [{ field: "capacity", message: "已经有 4 人报名，名额不能少于这个数。" }],
    });
    const stored = await t.dataSource.getRepository(TrustEvent).findOneByOrFail({ id: event.id });
    expect([stored.capacity, stored.notes]).toEqual([6, null]);
    const changed = await staff.data<{ updateTrustEvent: Answer }>(UPDATE, {
      id: event.id,
      input: { capacity: 4, notes: "改期" },
    });
    // 4 places − 4 people = 0 left.
    expect(changed.updateTrustEvent).toMatchObject({ capacity: 4, placesLeft: 0, notes: "改期" });
  });

  it("cancels a visit: the shop no longer offers it, keeps the sign-up and shows it cancelled", async () => {
    const event = await create(staff, visitInput(25, { titleZh: "柿子节探访" }));
    const shop = await signInAs(t.shop(), fixture.logins.CONSUMER);
    await shop.data(
      `mutation($id: ID!) { signUpForVisit(trustEventId: $id, people: 2) { __typename } }`,
      {
        id: event.id,
      },
    );
    const cancelled = await staff.data<{ cancelTrustEvent: Answer }>(CANCEL, { id: event.id });
    expect(cancelled.cancelTrustEvent.cancelledAt).not.toBeNull();
    expect(cancelled.cancelTrustEvent.signUps).toEqual([
      { id: expect.any(String), consumerHouseholdName: "王老师家", people: 2, state: "SIGNED_UP" },
    ]);
    const upcoming = await t
      .shop()
      .data<{ upcomingVisits: { titleZh: string }[] }>(`{ upcomingVisits { titleZh } }`);
    expect(upcoming.upcomingVisits.map((v) => v.titleZh)).not.toContain("柿子节探访");
    const mine = await shop.data<{
      myVisitSignUps: { state: string; visit: { titleZh: string; cancelled: boolean } }[];
    }>(`{ myVisitSignUps { state visit { titleZh cancelled } } }`);
    expect(mine.myVisitSignUps).toContainEqual({
      state: "SIGNED_UP",
      visit: { titleZh: "柿子节探访", cancelled: true },
    });
    const other = await signInAs(t.shop(), "li@fixture.test");
    const late = await other.data<{ signUpForVisit: { __typename: string } }>(
      `mutation($id: ID!) { signUpForVisit(trustEventId: $id, people: 1) { __typename } }`,
      { id: event.id },
    );
    expect(late.signUpForVisit.__typename).toBe("NotFoundError");
    const again = await staff.data<{ cancelTrustEvent: Answer }>(CANCEL, { id: event.id });
    expect(again.cancelTrustEvent).toMatchObject({
      __typename: "InvalidInputError",
      problems: [{ field: "id", message: "这个活动已经取消，不能再修改。" }],
    });
  });
});

describe("attendance", () => {
  async function pastVisit(title: string): Promise<TrustEvent> {
    return t.dataSource.manager.save(TrustEvent, {
      producerGroupId: fixture.groups.sanggang.id,
      kind: "VILLAGE_VISIT",
      titleZh: title,
      titleEn: title,
      villageId: fixture.villages.sanggang.id,
      startsAt: daysFromNow(-2),
      endsAt: daysFromNow(-1.9),
      capacity: 10,
      openToConsumers: true,
      notes: null,
      cancelledAt: null,
    } as Partial<TrustEvent>);
  }

  it("marks sign-ups attended or not and records walk-ins; a bad entry changes nothing", async () => {
    const event = await pastVisit("春耕探访");
    const signUp = await t.dataSource.manager.save(TrustEventAttendance, {
      producerGroupId: event.producerGroupId,
      trustEventId: event.id,
      consumerHouseholdId: wang.id,
      people: 3,
      state: "SIGNED_UP",
    } as Partial<TrustEventAttendance>);
    const refused = await staff.data<{ recordAttendance: Answer }>(ATTENDANCE, {
      id: event.id,
      entries: [
        { signUpId: signUp.id, attended: true },
        { signUpId: signUp.id, consumerHouseholdId: li.id, attended: true },
        { consumerHouseholdId: "00000000-0000-4000-8000-000000000000", attended: true },
      ],
    });
    expect(refused.recordAttendance).toMatchObject({
      __typename: "InvalidInputError",
      problems: [
        { field: "entries.1", message: "每一条请只填报名编号或消费者家庭中的一个。" },
        {
          field: "entries.2.consumerHouseholdId",
          message: "找不到这个消费者家庭，或它不属于活动所在的市场。",
        },
      ],
    });
    const unchanged = await t.dataSource
      .getRepository(TrustEventAttendance)
      .findBy({ trustEventId: event.id });
    expect(unchanged.map((a) => a.state)).toEqual(["SIGNED_UP"]);

    const recorded = await staff.data<{ recordAttendance: Answer }>(ATTENDANCE, {
      id: event.id,
      entries: [
        { signUpId: signUp.id, attended: true },
        { consumerHouseholdId: li.id, attended: true },
      ],
    });
    expect(recorded.recordAttendance.signUps).toEqual([
      { id: signUp.id, consumerHouseholdName: "王老师家", people: 3, state: "ATTENDED" },
      { id: expect.any(String), consumerHouseholdName: "李家", people: 1, state: "ATTENDED" },
    ]);
    const corrected = await staff.data<{ recordAttendance: Answer }>(ATTENDANCE, {
      id: event.id,
      entries: [{ consumerHouseholdId: wang.id, attended: false }],
    });
    expect((corrected.recordAttendance.signUps as { state: string }[]).map((s) => s.state)).toEqual(
      ["SIGNED_UP", "ATTENDED"],
    );
  });

  it("refuses attendance before the event starts", async () => {
    const event = await create(staff, visitInput(30, { titleZh: "未来探访" }));
    const res = await staff.data<{ recordAttendance: Answer }>(ATTENDANCE, {
      id: event.id,
      entries: [{ consumerHouseholdId: li.id, attended: true }],
    });
    expect(res.recordAttendance).toMatchObject({
      __typename: "InvalidInputError",
      problems: [{ field: "id", message: "活动开始以后才能记录出席情况。" }],
    });
  });

  it("two staff recording the same walk-in at once give the household one attendance row", async () => {
    const event = await pastVisit("并发探访");
    const other = await t.admin().signIn(fixture.logins.ADMIN, FIXTURE_PASSWORD);
    const entries = [{ consumerHouseholdId: li.id, attended: true }];
    const answers = await Promise.all(
      [staff, other, staff, other].map((c) =>
        c.data<{ recordAttendance: Answer }>(ATTENDANCE, { id: event.id, entries }),
      ),
    );
    expect(answers.map((a) => a.recordAttendance.__typename)).toEqual([
      "TrustEvent",
      "TrustEvent",
      "TrustEvent",
      "TrustEvent",
    ]);
    const rows = await t.dataSource
      .getRepository(TrustEventAttendance)
      .findBy({ trustEventId: event.id });
    // The first recording inserts the walk-in; the other three find it and keep it ATTENDED.
    expect(rows.map((r) => [r.consumerHouseholdId, r.people, r.state])).toEqual([
      [li.id, 1, "ATTENDED"],
    ]);
  });
});
