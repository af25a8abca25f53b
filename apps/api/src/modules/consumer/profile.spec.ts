import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, loadFixture } from "../../test/fixtures";
import { createConsumer, signInAs } from "../../test/shop-fixtures";
import { startTestApi, type TestApi } from "../../test/test-api";
import { ConsumerHousehold } from "./consumer-household.entity";
import { Invitation } from "./invitation.entity";
import { INVITATION_ALPHABET } from "./invitation.service";
import { PickupPoint } from "./pickup-point.entity";

let t: TestApi;
let fixture: Fixture;
let baoshiPoint: PickupPoint;
let secondPoint: PickupPoint;

beforeAll(async () => {
  t = await startTestApi("profile", {
    prepare: async (ds) => {
      fixture = await loadFixture(ds);
      await createConsumer(ds, fixture, {
        email: fixture.logins.CONSUMER,
        displayName: "王老师家",
        user: fixture.users.CONSUMER,
      });
      await createConsumer(ds, fixture, { email: "li@fixture.test", displayName: "李家" });
      await createConsumer(ds, fixture, { email: "racer@fixture.test", displayName: "赛跑家" });
      secondPoint = await ds.manager.save(PickupPoint, {
        producerGroupId: fixture.groups.sanggang.id,
        nameZh: "朝阳·望京",
        nameEn: "Chaoyang, Wangjing",
        city: "北京",
        address: "北京市朝阳区望京 2 号",
        pickupHours: "周六 14:00–17:00",
      });
      baoshiPoint = await ds.manager.save(PickupPoint, {
        producerGroupId: fixture.groups.baoshi.id,
        nameZh: "保定·市区",
        nameEn: "Baoding city",
        city: "保定",
        address: "保定市",
        pickupHours: "周日 9:00–11:00",
      });
    },
  });
});
afterAll(() => t?.close());

const PROFILE = `{ myHouseholdProfile {
  displayName consumerGroupName producerGroupId joinedAt locale defaultPickupPoint { nameZh }
} }`;

const UPDATE = `mutation($input: UpdateMyProfileInput!) {
  updateMyProfile(input: $input) {
    __typename
    ... on MyHouseholdProfile { displayName locale defaultPickupPoint { nameZh } }
    ... on InvalidInputError { problems { field } }
    ... on ErrorResult { errorCode message }
  }
}`;

describe("a consumer's own profile", () => {
  it("shows the caller's household, consumer group and default pickup point", async () => {
    const client = await signInAs(t.shop(), fixture.logins.CONSUMER);
    expect(await client.data(PROFILE)).toEqual({
      myHouseholdProfile: {
        displayName: "王老师家",
        consumerGroupName: "学院路消费者小组",
        producerGroupId: fixture.groups.sanggang.id,
        joinedAt: "2011-04-01T02:00:00.000Z",
        locale: "zh-CN",
        defaultPickupPoint: { nameZh: "海淀·学院路" },
      },
    });
  });

  it("is refused to anonymous callers and null for staff", async () => {
    const anonymous = await t.shop().request(PROFILE);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const staff = await signInAs(t.shop(), fixture.logins.STAFF);
    expect(await staff.data(PROFILE)).toEqual({ myHouseholdProfile: null });
  });

  it("changes name, pickup point and language", async () => {
    const client = await signInAs(t.shop(), "li@fixture.test");
    const res = await client.data(UPDATE, {
      input: { displayName: "  李家（望京） ", defaultPickupPointId: secondPoint.id, locale: "en" },
    });
    expect(res.updateMyProfile).toEqual({
      __typename: "MyHouseholdProfile",
      displayName: "李家（望京）",
      locale: "en",
      defaultPickupPoint: { nameZh: "朝阳·望京" },
    });
    // The account shows the same name.
    expect(
      (await client.data<{ me: { displayName: string } }>("{ me { displayName } }")).me,
    ).toEqual({
      displayName: "李家（望京）",
    });
  });

  it("refuses an empty name, an unknown language and another market's pickup point, storing nothing", async () => {
    const client = await signInAs(t.shop(), fixture.logins.CONSUMER);
    const before = await t.dataSource.manager.findOneByOrFail(ConsumerHousehold, {
      userId: fixture.users.CONSUMER.id,
    });
    const res = await client.data(UPDATE, {
      input: { displayName: "   ", locale: "fr", defaultPickupPointId: baoshiPoint.id },
    });
    expect(res.updateMyProfile).toMatchObject({
      __typename: "InvalidInputError",
      errorCode: "INVALID_INPUT",
      problems: [{ field: "displayName" }, { field: "locale" }, { field: "defaultPickupPointId" }],
    });
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-an-id"]) {
      const unknown = await client.data(UPDATE, { input: { defaultPickupPointId: id } });
      expect(unknown.updateMyProfile).toMatchObject({
        problems: [{ field: "defaultPickupPointId" }],
      });
    }
    const tooLong = await client.data(UPDATE, { input: { displayName: "家".repeat(101) } });
    expect(tooLong.updateMyProfile).toMatchObject({ problems: [{ field: "displayName" }] });
    const after = await t.dataSource.manager.findOneByOrFail(ConsumerHousehold, {
      userId: fixture.users.CONSUMER.id,
    });
    expect(after).toEqual(before);
  });
});

const CREATE = `mutation { createInvitationCode {
  __typename
  ... on InvitationCode { code state expiresAt createdAt usedAt }
  ... on InvitationLimitError { maxUnused }
  ... on ErrorResult { errorCode message }
} }`;

type Created = {
  createInvitationCode: {
    __typename: string;
    code?: string;
    state?: string;
    expiresAt?: string;
    createdAt?: string;
    errorCode?: string;
    maxUnused?: number;
  };
};

describe("invitation codes", () => {
  it("issues random unambiguous codes valid for 90 days, at most 5 unused at a time", async () => {
    const client = await signInAs(t.shop(), fixture.logins.CONSUMER);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = (await client.data<Created>(CREATE)).createInvitationCode;
      expect(res.__typename).toBe("InvitationCode");
      expect(res.state).toBe("UNUSED");
      expect(res.code).toMatch(new RegExp(`^[${INVITATION_ALPHABET}]{8}$`));
      expect(res.code).not.toMatch(/[01OI]/);
      // 90 days × 86 400 000 ms = 7 776 000 000 ms.
      expect(Date.parse(res.expiresAt!) - Date.parse(res.createdAt!)).toBe(7_776_000_000);
      codes.push(res.code!);
    }
    expect(new Set(codes).size).toBe(5);
    const sixth = (await client.data<Created>(CREATE)).createInvitationCode;
    expect(sixth).toMatchObject({
      __typename: "InvitationLimitError",
      errorCode: "INVITATION_LIMIT_REACHED",
      maxUnused: 5,
      message: "您最多可以同时持有 5 个未使用的邀请码。",
    });
    const mine = await client.data<{ myInvitationCodes: { code: string; state: string }[] }>(
      "{ myInvitationCodes { code state } }",
    );
    expect(mine.myInvitationCodes.map((c) => c.code).sort()).toEqual([...codes].sort());

    // A newcomer registers with one of them: it is USED and a sixth code may now be made.
    const reg = await t
      .shop()
      .data<{ register: { __typename: string } }>(
        `mutation($input: RegisterInput!) { register(input: $input) { __typename } }`,
        {
          input: {
            invitationCode: codes[0],
            displayName: "新邻居",
            email: "newcomer@fixture.test",
            password: "long-enough-pw",
          },
        },
      );
    expect(reg.register.__typename).toBe("SignedIn");
    const after = await client.data<{ myInvitationCodes: { code: string; state: string }[] }>(
      "{ myInvitationCodes { code state } }",
    );
    expect(after.myInvitationCodes.find((c) => c.code === codes[0])?.state).toBe("USED");
    expect((await client.data<Created>(CREATE)).createInvitationCode.__typename).toBe(
      "InvitationCode",
    );
  });

  it("never lets concurrent requests pass the limit", async () => {
    const client = await signInAs(t.shop(), "racer@fixture.test");
    const results = await Promise.all(
      Array.from({ length: 12 }, () => client.data<Created>(CREATE)),
    );
    const kinds = results.map((r) => r.createInvitationCode.__typename);
    expect(kinds.filter((k) => k === "InvitationCode")).toHaveLength(5);
    expect(kinds.filter((k) => k === "InvitationLimitError")).toHaveLength(7);
  });

  it("lists no codes of other households and refuses anonymous callers", async () => {
    const li = await signInAs(t.shop(), "li@fixture.test");
    expect(await li.data("{ myInvitationCodes { code } }")).toEqual({ myInvitationCodes: [] });
    const anonymous = await t.shop().request(CREATE);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const staffClient = await signInAs(t.shop(), fixture.logins.STAFF);
    const before = await t.dataSource.manager.count(Invitation);
    expect((await staffClient.data<Created>(CREATE)).createInvitationCode.errorCode).toBe(
      "NOT_FOUND",
    );
    expect(await t.dataSource.manager.count(Invitation)).toBe(before);
  });
});
