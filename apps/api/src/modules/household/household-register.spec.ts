import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminClientFor } from "../../test/admin-clients";
import { type Fixture, loadFixture } from "../../test/fixtures";
import { startTestApi, type TestApi } from "../../test/test-api";
import { AuditLogEntry } from "../audit/audit-log-entry.entity";
import { Household } from "./household.entity";
import { HouseholdYear } from "./household-year.entity";

let t: TestApi;
let fixture: Fixture;
let sg001: Household;

beforeAll(async () => {
  t = await startTestApi("household_register", {
    prepare: async (ds) => {
      fixture = await loadFixture(ds);
      sg001 = fixture.households[0]!;
      await ds.manager.update(
        Household,
        { id: sg001.id },
        {
          idNumber: "13063319550101002X",
          bankAccount: "6228480402564890018",
          causesOfPoverty: ["因病", "缺劳力"],
          livelihoodResources: { hens: 40, walnutTrees: 6, landMu: 2.5 },
        },
      );
      await ds.manager.save(HouseholdYear, [
        {
          householdId: sg001.id,
          year: 2010,
          povertyStatus: "REGISTERED",
          perCapitaNetIncomeYuan: 1150,
        },
        {
          householdId: sg001.id,
          year: 2011,
          povertyStatus: "REGISTERED",
          perCapitaNetIncomeYuan: 1820,
        },
      ]);
    },
  });
});
afterAll(() => t?.close());

const DETAIL = `query($id: ID!) {
  household(id: $id) {
    __typename
    ... on Household {
      code headName sensitiveDataVisible
      livelihoodResources { hens walnutTrees landMu pigs }
      idNumber bankAccount causesOfPoverty
      years { year povertyStatus perCapitaNetIncomeYuan }
      members { relation }
      consents { kind }
    }
    ... on ErrorResult { errorCode message }
  }
}`;

type Detail = { household: Record<string, unknown> };

async function readAudits(entityId: string, action?: string): Promise<AuditLogEntry[]> {
  return t.dataSource.getRepository(AuditLogEntry).find({
    where: { entityId, ...(action ? { action } : {}) },
    order: { at: "ASC" },
  });
}

describe("a household's record on the admin side", () => {
  it("shows plain staff the register entry but nulls for every sensitive field, unaudited", async () => {
    const staff = await adminClientFor(t, fixture, "STAFF");
    const res = await staff.data<Detail>(DETAIL, { id: sg001.id });
    expect(res.household).toEqual({
      __typename: "Household",
      code: "SG-001",
      headName: "李秀兰",
      sensitiveDataVisible: false,
      livelihoodResources: { hens: 40, walnutTrees: 6, landMu: 2.5, pigs: null },
      idNumber: null,
      bankAccount: null,
      causesOfPoverty: null,
      years: null,
      members: null,
      consents: [],
    });
    expect(await readAudits(sg001.id, "READ_SENSITIVE")).toEqual([]);
  });

  it("answers not-found for another group's household or a malformed id", async () => {
    const staff = await adminClientFor(t, fixture, "STAFF");
    const bs001 = fixture.households[3]!;
    for (const id of [bs001.id, "not-a-uuid"]) {
      const res = await staff.data<Detail>(DETAIL, { id });
      expect(res.household).toEqual({
        __typename: "NotFoundError",
        errorCode: "NOT_FOUND",
        message: "找不到这个农户。",
      });
    }
    // An admin sees every group's households.
    const admin = await adminClientFor(t, fixture, "ADMIN");
    const res = await admin.data<Detail>(DETAIL, { id: bs001.id });
    expect(res.household).toMatchObject({ __typename: "Household", code: "BS-001" });
  });

  it("shows finance the sensitive fields and writes exactly one audit row for the request", async () => {
    const finance = await adminClientFor(t, fixture, "FINANCE");
    const before = await readAudits(sg001.id, "READ_SENSITIVE");
    const res = await finance.data<Detail>(DETAIL, { id: sg001.id });
    expect(res.household).toMatchObject({
      sensitiveDataVisible: true,
      idNumber: "13063319550101002X",
      bankAccount: "6228480402564890018",
      causesOfPoverty: ["因病", "缺劳力"],
      years: [
        { year: 2010, povertyStatus: "REGISTERED", perCapitaNetIncomeYuan: 1150 },
        { year: 2011, povertyStatus: "REGISTERED", perCapitaNetIncomeYuan: 1820 },
      ],
      members: [],
    });
    const after = await readAudits(sg001.id, "READ_SENSITIVE");
    expect(after.length - before.length).toBe(1);
    const row = after[after.length - 1]!;
    expect(row).toMatchObject({
      actorUserId: fixture.users.FINANCE.id,
      entityType: "Household",
      before: null,
      after: { fields: ["bankAccount", "causesOfPoverty", "idNumber", "members", "years"] },
    });
  });

  it("audits a list once per household, and aliases of one household once", async () => {
    const finance = await adminClientFor(t, fixture, "FINANCE");
    const count = () =>
      t.dataSource.getRepository(AuditLogEntry).countBy({ action: "READ_SENSITIVE" });
    const start = await count();
    // Finance works for Sanggang: SG-001, SG-002 and the non-member SG-150 → 3 rows.
    await finance.data(`{ households { items { idNumber bankAccount members { sex } } } }`);
    expect((await count()) - start).toBe(3);
    const mid = await count();
    await finance.data(
      `query($id: ID!) {
        a: household(id: $id) { ... on Household { idNumber } }
        b: household(id: $id) { ... on Household { idNumber bankAccount } }
      }`,
      { id: sg001.id },
    );
    expect((await count()) - mid).toBe(1);
    // Reading no sensitive field writes nothing.
    await finance.data(`{ households { items { code headName } } }`);
    expect(await count()).toBe(mid + 1);
  });
});

const CREATE = `mutation($input: CreateHouseholdInput!) {
  createHousehold(input: $input) {
    __typename
    ... on Household { id code membershipState headName }
    ... on InvalidInputError { message problems { field message } }
    ... on ErrorResult { errorCode message }
  }
}`;

const UPDATE = `mutation($id: ID!, $input: HouseholdChangesInput!) {
  updateHousehold(id: $id, input: $input) {
    __typename
    ... on Household { code size headName livelihoodResources { hens } }
    ... on InvalidInputError { problems { field message } }
    ... on ErrorResult { errorCode message }
  }
}`;

describe("registering and changing households", () => {
  it("lets staff register an applicant of their group, searchable by its Chinese name, audited", async () => {
    const staff = await adminClientFor(t, fixture, "STAFF");
    const res = await staff.data<{ createHousehold: { __typename: string; id: string } }>(CREATE, {
      input: {
        villageId: fixture.villages.sanggang.id,
        producerGroupId: fixture.groups.sanggang.id,
        code: "SG-003",
        headName: "刘桂香",
        headSex: "F",
        headAgeBand: "FROM_50_TO_59",
        size: 2,
        registeredPoor: true,
        livelihoodResources: { hens: 25, beehives: 3 },
      },
    });
    expect(res.createHousehold).toMatchObject({
      __typename: "Household",
      code: "SG-003",
      membershipState: "APPLIED",
      headName: "刘桂香",
    });
    const found = await staff.data<{ households: { items: { code: string }[] } }>(
      `{ households(filter: { search: "桂香" }) { items { code } } }`,
    );
    expect(found.households.items).toEqual([{ code: "SG-003" }]);
    const audits = await readAudits(res.createHousehold.id);
    expect(audits).toEqual([
      expect.objectContaining({
        action: "household.create",
        actorUserId: fixture.users.STAFF.id,
        before: null,
        after: expect.objectContaining({ code: "SG-003", headName: "刘桂香" }),
      }),
    ]);
  });

  it("refuses sensitive inputs from plain staff and saves nothing", async () => {
    const staff = await adminClientFor(t, fixture, "STAFF");
    const res = await staff.data<{ createHousehold: unknown }>(CREATE, {
      input: {
        villageId: fixture.villages.sanggang.id,
        producerGroupId: fixture.groups.sanggang.id,
        code: "SG-004",
        headName: "周大山",
        headSex: "M",
        headAgeBand: "UNDER_40",
        size: 4,
        idNumber: "130633198001010011",
      },
    });
    expect(res.createHousehold).toMatchObject({
      __typename: "ForbiddenError",
      errorCode: "FORBIDDEN",
    });
    expect(await t.dataSource.getRepository(Household).countBy({ code: "SG-004" })).toBe(0);
    const upd = await staff.data<{ updateHousehold: unknown }>(UPDATE, {
      id: sg001.id,
      input: { bankAccount: "1234567890" },
    });
    expect(upd.updateHousehold).toMatchObject({ __typename: "ForbiddenError" });
  });

  it("refuses a bad update with messages in the caller's language, leaving the row as it was", async () => {
    const staff = await adminClientFor(t, fixture, "STAFF");
    const rowBefore = await t.dataSource.getRepository(Household).findOneByOrFail({ id: sg001.id });
    const auditsBefore = (await readAudits(sg001.id)).length;
    const res = await staff.data<{ updateHousehold: unknown }>(UPDATE, {
      id: sg001.id,
      input: { size: 0, headName: " ", livelihoodResources: { hens: -3 } },
    });
    expect(res.updateHousehold).toEqual({
      __typename: "InvalidInputError",
      problems: [
        { field: "headName", message: "户主姓名需要 1 到 100 个字符。" },
        { field: "size", message: "家庭人口必须是 1 到 30 的整数。" },
        { field: "livelihoodResources", message: "生计资源的数量不能为负数。" },
      ],
      errorCode: "INVALID_INPUT",
      message: "填写的内容有误，什么都没有保存。",
    });
    staff.locale = "en";
    const taken = await staff.data<{ updateHousehold: unknown }>(UPDATE, {
      id: sg001.id,
      input: { code: "SG-002", size: 5 },
    });
    expect(taken.updateHousehold).toMatchObject({
      problems: [{ field: "code", message: "The household code SG-002 is already in use." }],
    });
    const rowAfter = await t.dataSource.getRepository(Household).findOneByOrFail({ id: sg001.id });
    expect(rowAfter).toEqual(rowBefore);
    expect((await readAudits(sg001.id)).length).toBe(auditsBefore);
  });

  it("saves a good update and audits the row before and after", async () => {
    const staff = await adminClientFor(t, fixture, "STAFF");
    const res = await staff.data<{ updateHousehold: unknown }>(UPDATE, {
      id: sg001.id,
      input: { size: 4, livelihoodResources: { hens: 55, walnutTrees: 6, landMu: 2.5 } },
    });
    expect(res.updateHousehold).toEqual({
      __typename: "Household",
      code: "SG-001",
      size: 4,
      headName: "李秀兰",
      livelihoodResources: { hens: 55 },
    });
    const [last] = (await readAudits(sg001.id, "household.update")).slice(-1);
    expect(last!.before).toMatchObject({ size: 3, livelihoodResources: { hens: 40 } });
    expect(last!.after).toMatchObject({ size: 4, livelihoodResources: { hens: 55 } });
  });

  it("records a year's poverty status and income (admin only), audited", async () => {
    const admin = await adminClientFor(t, fixture, "ADMIN");
    const SET = `mutation($h: ID!, $year: Int!, $income: Int!) {
      setHouseholdYear(householdId: $h, year: $year, povertyStatus: EXITED, perCapitaNetIncomeYuan: $income) {
        __typename
        ... on HouseholdYear { year povertyStatus perCapitaNetIncomeYuan }
        ... on InvalidInputError { problems { field } }
      }
    }`;
    const res = await admin.data<{ setHouseholdYear: unknown }>(SET, {
      h: sg001.id,
      year: 2016,
      income: 3400,
    });
    expect(res.setHouseholdYear).toEqual({
      __typename: "HouseholdYear",
      year: 2016,
      povertyStatus: "EXITED",
      perCapitaNetIncomeYuan: 3400,
    });
    const bad = await admin.data<{ setHouseholdYear: unknown }>(SET, {
      h: sg001.id,
      year: 1999,
      income: -1,
    });
    expect(bad.setHouseholdYear).toEqual({
      __typename: "InvalidInputError",
      problems: [{ field: "year" }, { field: "perCapitaNetIncomeYuan" }],
    });
    expect(await readAudits(sg001.id, "householdYear.set")).toEqual([
      expect.objectContaining({
        actorUserId: fixture.users.ADMIN.id,
        before: null,
        after: {
          householdYear: expect.objectContaining({ year: 2016, perCapitaNetIncomeYuan: 3400 }),
        },
      }),
    ]);
    const staff = await adminClientFor(t, fixture, "STAFF");
    const refused = await staff.request(SET, { h: sg001.id, year: 2017, income: 4000 });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("members of a household", () => {
  it("lets an admin add and correct a member, each change audited; staff are refused", async () => {
    const admin = await adminClientFor(t, fixture, "ADMIN");
    const ADD = `mutation($h: ID!, $input: HouseholdMemberInput!) { addHouseholdMember(householdId: $h, input: $input) {
      __typename ... on HouseholdMember { id relation sex birthYear healthNote migrantWorker }
      ... on InvalidInputError { problems { field message } } } }`;
    const bad = await admin.data<{ addHouseholdMember: unknown }>(ADD, {
      h: sg001.id,
      input: { relation: "SPOUSE", sex: "M", birthYear: 1850 },
    });
    expect(bad.addHouseholdMember).toEqual({
      __typename: "InvalidInputError",
      problems: [{ field: "birthYear", message: "出生年份必须在 1900 到 2100 之间。" }],
    });
    const added = await admin.data<{ addHouseholdMember: { id: string } }>(ADD, {
      h: sg001.id,
      input: { relation: "SPOUSE", sex: "M", birthYear: 1952, healthNote: "腿脚不便" },
    });
    expect(added.addHouseholdMember).toMatchObject({
      __typename: "HouseholdMember",
      relation: "SPOUSE",
      birthYear: 1952,
      healthNote: "腿脚不便",
      migrantWorker: false,
    });
    const updated = await admin.data<{ updateHouseholdMember: unknown }>(
      `mutation($m: ID!) { updateHouseholdMember(memberId: $m, input: { relation: SPOUSE, sex: M, birthYear: 1953 }) {
        __typename ... on HouseholdMember { birthYear healthNote } } }`,
      { m: added.addHouseholdMember.id },
    );
    expect(updated.updateHouseholdMember).toEqual({
      __typename: "HouseholdMember",
      birthYear: 1953,
      healthNote: null,
    });
    const [change] = await readAudits(sg001.id, "member.update");
    expect(change!.before).toMatchObject({ member: { birthYear: 1952, healthNote: "腿脚不便" } });
    expect(change!.after).toMatchObject({ member: { birthYear: 1953, healthNote: null } });
    const staff = await adminClientFor(t, fixture, "STAFF");
    const refused = await staff.request(ADD, {
      h: sg001.id,
      input: { relation: "CHILD", sex: "F" },
    });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

const MEMBERSHIP = `mutation($h: ID!, $to: MembershipState!, $on: LocalDate!) {
  changeMembership(householdId: $h, to: $to, on: $on) {
    __typename
    ... on Household { membershipState joinedOn leftOn }
    ... on InvalidTransitionError { from to allowed message }
  }
}`;

describe("membership of a household in its group", () => {
  it("refuses a transition the membership machine does not allow, listing the allowed states", async () => {
    const staff = await adminClientFor(t, fixture, "STAFF");
    const sg002 = fixture.households[1]!;
    const res = await staff.data<{ changeMembership: unknown }>(MEMBERSHIP, {
      h: sg002.id,
      to: "APPLIED",
      on: "2012-06-01",
    });
    expect(res.changeMembership).toEqual({
      __typename: "InvalidTransitionError",
      from: "ACTIVE",
      to: "APPLIED",
      allowed: ["SUSPENDED", "LEFT"],
      message: "成员状态不能从 ACTIVE 改为 APPLIED，只能改为：SUSPENDED, LEFT。",
    });
    const row = await t.dataSource.getRepository(Household).findOneByOrFail({ id: sg002.id });
    expect(row.membershipState).toBe("ACTIVE");
  });

  it("suspends, lets a household leave on a day, and then allows nothing more", async () => {
    const staff = await adminClientFor(t, fixture, "STAFF");
    const sg002 = fixture.households[1]!;
    const suspended = await staff.data<{ changeMembership: unknown }>(MEMBERSHIP, {
      h: sg002.id,
      to: "SUSPENDED",
      on: "2013-01-01",
    });
    expect(suspended.changeMembership).toMatchObject({
      membershipState: "SUSPENDED",
      leftOn: null,
    });
    const left = await staff.data<{ leaveGroup: unknown }>(
      `mutation($h: ID!) { leaveGroup(householdId: $h, leftOn: "2013-03-01") {
        __typename ... on Household { membershipState joinedOn leftOn } } }`,
      { h: sg002.id },
    );
    expect(left.leaveGroup).toEqual({
      __typename: "Household",
      membershipState: "LEFT",
      joinedOn: "2012-05-01",
      leftOn: "2013-03-01",
    });
    const again = await staff.data<{ changeMembership: unknown }>(MEMBERSHIP, {
      h: sg002.id,
      to: "ACTIVE",
      on: "2014-01-01",
    });
    expect(again.changeMembership).toMatchObject({ from: "LEFT", to: "ACTIVE", allowed: [] });
    // The household is still in the register.
    expect(await t.dataSource.getRepository(Household).countBy({ id: sg002.id })).toBe(1);
  });
});

describe("consents", () => {
  it("records and withdraws a consent; a second withdrawal is refused", async () => {
    const staff = await adminClientFor(t, fixture, "STAFF");
    const rec = await staff.data<{ recordConsent: { __typename: string; id: string } }>(
      `mutation($h: ID!) { recordConsent(householdId: $h, kind: SENSITIVE_DATA, grantedOn: "2011-04-01", method: THUMBPRINT) {
        __typename ... on ConsentRecord { id kind grantedOn method withdrawnOn recordedByUserId } } }`,
      { h: sg001.id },
    );
    expect(rec.recordConsent).toMatchObject({
      __typename: "ConsentRecord",
      kind: "SENSITIVE_DATA",
      grantedOn: "2011-04-01",
      method: "THUMBPRINT",
      withdrawnOn: null,
      recordedByUserId: fixture.users.STAFF.id,
    });
    const WITHDRAW = `mutation($c: ID!, $on: LocalDate!) { withdrawConsent(consentId: $c, withdrawnOn: $on) {
      __typename ... on ConsentRecord { withdrawnOn } ... on InvalidInputError { problems { field message } } } }`;
    const early = await staff.data<{ withdrawConsent: unknown }>(WITHDRAW, {
      c: rec.recordConsent.id,
      on: "2011-03-01",
    });
    expect(early.withdrawConsent).toEqual({
      __typename: "InvalidInputError",
      problems: [{ field: "withdrawnOn", message: "撤回日期不能早于同意日期。" }],
    });
    const done = await staff.data<{ withdrawConsent: unknown }>(WITHDRAW, {
      c: rec.recordConsent.id,
      on: "2015-06-30",
    });
    expect(done.withdrawConsent).toEqual({
      __typename: "ConsentRecord",
      withdrawnOn: "2015-06-30",
    });
    const twice = await staff.data<{ withdrawConsent: unknown }>(WITHDRAW, {
      c: rec.recordConsent.id,
      on: "2016-01-01",
    });
    expect(twice.withdrawConsent).toMatchObject({ __typename: "InvalidInputError" });
    const detail = await staff.data<Detail>(DETAIL, { id: sg001.id });
    expect(detail.household.consents).toEqual([{ kind: "SENSITIVE_DATA" }]);
    expect((await readAudits(sg001.id)).map((a) => a.action)).toEqual(
      expect.arrayContaining(["consent.record", "consent.withdraw"]),
    );
  });
});

describe("the audit log", () => {
  it("shows admins a household's trail, newest first, and nobody else", async () => {
    const QUERY = `query($id: ID!) { auditLog(entityType: "Household", entityId: $id, page: { skip: 0, take: 100 }) {
      totalItems items { action actorUserId after } } }`;
    const admin = await adminClientFor(t, fixture, "ADMIN");
    const res = await admin.data<{
      auditLog: { totalItems: number; items: { action: string; after: string | null }[] };
    }>(QUERY, { id: sg001.id });
    expect(res.auditLog.totalItems).toBe((await readAudits(sg001.id)).length);
    expect(res.auditLog.items[0]!.action).toBe("consent.withdraw");
    const finance = await adminClientFor(t, fixture, "FINANCE");
    expect(
      (await finance.request(QUERY, { id: sg001.id })).body.errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
  });
});
