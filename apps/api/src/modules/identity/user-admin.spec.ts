import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_PASSWORD, type Fixture, loadFixture } from "../../test/fixtures";
import { type GraphqlClient, startTestApi, type TestApi } from "../../test/test-api";
import { AuditLogEntry } from "../audit/audit-log-entry.entity";
import { verifyPassword } from "./password";
import { Session } from "./session.entity";
import { User } from "./user.entity";

let t: TestApi;
let fixture: Fixture;
let admin: GraphqlClient;

beforeAll(async () => {
  t = await startTestApi("user_admin", {
    prepare: async (ds) => void (fixture = await loadFixture(ds)),
  });
  admin = await t.admin().signIn(fixture.logins.ADMIN, FIXTURE_PASSWORD);
}, 60_000);
afterAll(() => t?.close());

const ACCOUNT = `
  __typename
  ... on UserAccount { id displayName email phone role active producerGroupIds partnerOrganisationId }
  ... on InvalidInputError { problems { field message } }
  ... on ErrorResult { errorCode message }`;
const CREATE = `mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { ${ACCOUNT} } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateUser(userId: $id) { ${ACCOUNT} } }`;
const REACTIVATE = `mutation($id: ID!) { reactivateUser(userId: $id) { ${ACCOUNT} } }`;
const CHANGE_ROLE = `mutation($id: ID!, $role: Role!, $org: ID) { changeUserRole(userId: $id, role: $role, partnerOrganisationId: $org) { ${ACCOUNT} } }`;
const SET_GROUPS = `mutation($id: ID!, $groups: [ID!]!) { setUserProducerGroups(userId: $id, producerGroupIds: $groups) { ${ACCOUNT} } }`;
type Account = Record<string, unknown> & { __typename: string; id: string };

async function createUser(input: Record<string, unknown>): Promise<Account> {
  return (await admin.data<{ createStaffUser: Account }>(CREATE, { input })).createStaffUser;
}

describe("user administration", () => {
  it("lists accounts of every role without any password hash, filtered by role and search", async () => {
    const all = await admin.data<{ users: { totalItems: number; items: { role: string }[] } }>(
      `{ users { totalItems items { role } } }`,
    );
    // The fixture has one user of each of the five roles.
    expect(all.users.totalItems).toBe(5);
    // The project's side: every role but CONSUMER, 5 − 1 = 4 accounts.
    const staffSide = await admin.data<{
      users: { totalItems: number; items: { role: string }[] };
    }>(`{ users(staffSide: true) { totalItems items { role } } }`);
    expect(staffSide.users.totalItems).toBe(4);
    expect(staffSide.users.items.map((u) => u.role).sort()).toEqual([
      "ADMIN",
      "FINANCE",
      "PARTNER",
      "STAFF",
    ]);
    const staff = await admin.data<{ users: { items: Record<string, unknown>[] } }>(
      `{ users(role: STAFF, search: "STAFF@fixture") { items { email role active producerGroupIds } } }`,
    );
    expect(staff.users.items).toEqual([
      {
        email: "staff@fixture.test",
        role: "STAFF",
        active: true,
        producerGroupIds: [fixture.groups.sanggang.id],
      },
    ]);
    const hash = await admin.request(`{ users { items { passwordHash } } }`);
    expect(hash.body.errors?.[0]?.message).toMatch(/Cannot query field "passwordHash"/);
  });

  it("creates a staff member with hashed password and groups, who can sign in at once", async () => {
    const created = await createUser({
      displayName: " 赵组长 ",
      phone: "138 0013 8000",
      role: "STAFF",
      producerGroupIds: [fixture.groups.baoshi.id],
      password: "baoshi-2016",
    });
    expect(created).toMatchObject({
      __typename: "UserAccount",
      displayName: "赵组长",
      email: null,
      phone: "+8613800138000",
      role: "STAFF",
      active: true,
      producerGroupIds: [fixture.groups.baoshi.id],
    });
    const row = await t.dataSource.getRepository(User).findOneByOrFail({ id: created.id });
    expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(row.passwordHash, "baoshi-2016")).toBe(true);
    const audit = await t.dataSource
      .getRepository(AuditLogEntry)
      .findOneByOrFail({ entityType: "User", entityId: created.id });
    expect(JSON.stringify(audit.after)).not.toContain("argon2");
    await t.admin().signIn("13800138000", "baoshi-2016");
  });

  it("refuses bad accounts listing every problem, and a taken e-mail, storing nothing", async () => {
    const before = await t.dataSource.getRepository(User).count();
    const bad = await createUser({
      displayName: "",
      email: "not-an-email",
      role: "PARTNER",
      producerGroupIds: [fixture.groups.sanggang.id],
      password: "short",
    });
    expect(bad).toMatchObject({
      __typename: "InvalidInputError",
      problems: [
        { field: "displayName", message: "称呼需要 1 到 100 个字符，不能有控制字符。" },
        { field: "email", message: "邮箱格式不正确。" },
        { field: "password", message: "密码需要 8 到 200 个字符。" },
        {
          field: "producerGroupIds",
          message: "只有工作人员和财务需要指定生产小组（管理员能看到全部，合作机构按机构授权）。",
        },
        { field: "partnerOrganisationId", message: "合作机构用户必须属于一个存在的合作机构。" },
      ],
    });
    const consumer = await createUser({
      displayName: "某人",
      email: "someone@fixture.test",
      role: "CONSUMER",
      password: "long-enough",
    });
    expect(consumer).toMatchObject({ problems: [{ field: "role" }] });
    const taken = await createUser({
      displayName: "重复",
      email: "STAFF@fixture.test",
      role: "FINANCE",
      password: "long-enough",
    });
    expect(taken).toMatchObject({ __typename: "AccountExistsError", errorCode: "ACCOUNT_EXISTS" });
    expect(await t.dataSource.getRepository(User).count()).toBe(before);
  });

  it("is for admins only: staff and finance are refused", async () => {
    for (const role of ["STAFF", "FINANCE"] as const) {
      const client = await t.admin().signIn(fixture.logins[role], FIXTURE_PASSWORD);
      const res = await client.request(`{ users { totalItems } }`);
      expect(res.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const created = await client.request(CREATE, {
        input: {
          displayName: "x",
          email: "x@fixture.test",
          role: "ADMIN",
          password: "long-enough",
        },
      });
      expect(created.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });

  it("sets producer groups of staff only; a partner gets a field problem and nothing changes", async () => {
    const both = [fixture.groups.sanggang.id, fixture.groups.baoshi.id].sort();
    const res = await admin.data<{ setUserProducerGroups: Account }>(SET_GROUPS, {
      id: fixture.users.FINANCE.id,
      groups: both,
    });
    expect(res.setUserProducerGroups.producerGroupIds).toEqual(both);
    const partner = await admin.data<{ setUserProducerGroups: Account }>(SET_GROUPS, {
      id: fixture.users.PARTNER.id,
      groups: [fixture.groups.sanggang.id],
    });
    expect(partner.setUserProducerGroups).toMatchObject({
      __typename: "InvalidInputError",
      problems: [{ field: "producerGroupIds" }],
    });
  });

  it("changes a role; consumers keep theirs and partners need an organisation", async () => {
    const user = await createUser({
      displayName: "钱会计",
      email: "qian@fixture.test",
      role: "STAFF",
      producerGroupIds: [fixture.groups.sanggang.id],
      password: "long-enough",
    });
    const finance = await admin.data<{ changeUserRole: Account }>(CHANGE_ROLE, {
      id: user.id,
      role: "PARTNER",
    });
    expect(finance.changeUserRole).toMatchObject({
      __typename: "InvalidInputError",
      problems: [{ field: "partnerOrganisationId" }],
    });
    const partner = await admin.data<{ changeUserRole: Account }>(CHANGE_ROLE, {
      id: user.id,
      role: "PARTNER",
      org: fixture.partnerOrganisation.id,
    });
    // A partner reads through its organisation: the staff groups are dropped.
    expect(partner.changeUserRole).toMatchObject({
      role: "PARTNER",
      producerGroupIds: [],
      partnerOrganisationId: fixture.partnerOrganisation.id,
    });
    const consumer = await admin.data<{ changeUserRole: Account }>(CHANGE_ROLE, {
      id: fixture.users.CONSUMER.id,
      role: "STAFF",
    });
    expect(consumer.changeUserRole).toMatchObject({
      __typename: "InvalidInputError",
      problems: [{ field: "role", message: "消费者账号属于消费者家庭，不能改变角色。" }],
    });
    const self = await admin.data<{ changeUserRole: Account }>(CHANGE_ROLE, {
      id: fixture.users.ADMIN.id,
      role: "STAFF",
    });
    expect(self.changeUserRole).toMatchObject({ __typename: "ForbiddenError" });
  });

  it("deactivation ends the user's existing session at once; reactivation lets them sign in again", async () => {
    const staff = await t.admin().signIn(fixture.logins.STAFF, FIXTURE_PASSWORD);
    expect((await staff.data<{ me: { role: string } }>(`{ me { role } }`)).me.role).toBe("STAFF");
    const res = await admin.data<{ deactivateUser: Account }>(DEACTIVATE, {
      id: fixture.users.STAFF.id,
    });
    expect(res.deactivateUser).toMatchObject({ __typename: "UserAccount", active: false });
    const after = await staff.request(`{ me { role } }`);
    expect(after.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const live = await t.dataSource
      .getRepository(Session)
      .createQueryBuilder("s")
      .where("s.user_id = :id AND s.revoked_at IS NULL", { id: fixture.users.STAFF.id })
      .getCount();
    expect(live).toBe(0);
    const refused = await t
      .admin()
      .request(
        `mutation { signIn(input: { login: "staff@fixture.test", password: "${FIXTURE_PASSWORD}" }) { __typename } }`,
      );
    expect(refused.body.data).toEqual({ signIn: { __typename: "InvalidCredentialsError" } });
    const back = await admin.data<{ reactivateUser: Account }>(REACTIVATE, {
      id: fixture.users.STAFF.id,
    });
    expect(back.reactivateUser).toMatchObject({ active: true });
    await t.admin().signIn(fixture.logins.STAFF, FIXTURE_PASSWORD);
  });

  it("an admin cannot deactivate themself", async () => {
    const res = await admin.data<{ deactivateUser: Account }>(DEACTIVATE, {
      id: fixture.users.ADMIN.id,
    });
    expect(res.deactivateUser).toEqual({
      __typename: "ForbiddenError",
      errorCode: "FORBIDDEN",
      message: "您不能停用自己的账号，也不能改变自己的角色或状态；请另一位管理员来做。",
    });
  });

  it("two admins deactivating each other at once leave exactly one active admin", async () => {
    const second = await createUser({
      displayName: "孙管理员",
      email: "sun@fixture.test",
      role: "ADMIN",
      password: "long-enough",
    });
    const sun = await t.admin().signIn("sun@fixture.test", "long-enough");
    const [a, b] = await Promise.all([
      admin.data<{ deactivateUser: Account }>(DEACTIVATE, { id: second.id }),
      sun.data<{ deactivateUser: Account }>(DEACTIVATE, { id: fixture.users.ADMIN.id }),
    ]);
    const outcomes = [a.deactivateUser, b.deactivateUser];
    // One wins; the other finds its target is now the last active admin.
    expect(outcomes.map((o) => o.__typename).sort()).toEqual(["ForbiddenError", "UserAccount"]);
    expect(outcomes.find((o) => o.__typename === "ForbiddenError")!.message).toBe(
      "这是最后一位在用的管理员，不能停用或降级；请先任命另一位管理员。",
    );
    const active = await t.dataSource
      .getRepository(User)
      .createQueryBuilder("u")
      .where("u.role = 'ADMIN' AND u.disabled_at IS NULL")
      .getCount();
    expect(active).toBe(1);
  });
});
