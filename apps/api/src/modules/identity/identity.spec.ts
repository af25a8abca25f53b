import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_PASSWORD, type Fixture, loadFixture } from "../../test/fixtures";
import { startTestApi, type TestApi } from "../../test/test-api";

let t: TestApi;
let fixture: Fixture;

beforeAll(async () => {
  t = await startTestApi("identity", {
    prepare: async (ds) => void (fixture = await loadFixture(ds)),
  });
});
afterAll(() => t?.close());

const SIGN_IN = `mutation($login: String!, $password: String!, $delivery: TokenDelivery) {
  signIn(input: { login: $login, password: $password, tokenDelivery: $delivery }) {
    __typename
    ... on SignedIn { token viewer { displayName role } }
    ... on ErrorResult { errorCode message }
  }
}`;

const REGISTER = `mutation($input: RegisterInput!) {
  register(input: $input) {
    __typename
    ... on SignedIn { viewer { displayName role phone email } }
    ... on InvalidInputError { problems { field message } }
    ... on ErrorResult { errorCode message }
  }
}`;

type SignInAnswer = {
  signIn: { __typename: string; token?: string | null; errorCode?: string; message?: string };
};

describe("signing in", () => {
  it("gives a wrong password and an unknown account exactly the same answer", async () => {
    const wrong = await t
      .shop()
      .request<SignInAnswer>(SIGN_IN, { login: fixture.logins.CONSUMER, password: "nope-nope" });
    const unknown = await t
      .shop()
      .request<SignInAnswer>(SIGN_IN, { login: "nobody@fixture.test", password: "nope-nope" });
    expect(wrong.status).toBe(200);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.data?.signIn).toEqual({
      __typename: "InvalidCredentialsError",
      errorCode: "INVALID_CREDENTIALS",
      message: "账号或密码不正确。",
    });
  });

  it("answers in English when the browser prefers it", async () => {
    const client = t.shop();
    client.locale = "en-US,en;q=0.9";
    const res = await client.data<SignInAnswer>(SIGN_IN, {
      login: "nobody@fixture.test",
      password: "x",
    });
    expect(res.signIn.message).toBe("The account or password is not right.");
  });

  it("keeps the session in an httpOnly cookie, not in the response body, for the SPA", async () => {
    const client = t.shop();
    const res = await client.request<SignInAnswer>(SIGN_IN, {
      login: fixture.logins.CONSUMER,
      password: FIXTURE_PASSWORD,
    });
    expect(res.body.data?.signIn).toMatchObject({ __typename: "SignedIn", token: null });
    const cookie = res.headers.getSetCookie()[0] ?? "";
    expect(cookie).toMatch(/^nm_session=nms_[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(await client.data("{ me { displayName role } }")).toEqual({
      me: { displayName: "CONSUMER 测试", role: "CONSUMER" },
    });
  });

  it("finds the account by e-mail in any case", async () => {
    const res = await t.shop().data<SignInAnswer>(SIGN_IN, {
      login: fixture.logins.STAFF.toUpperCase(),
      password: FIXTURE_PASSWORD,
    });
    expect(res.signIn.__typename).toBe("SignedIn");
  });

  it("stores only a hash of the session token", async () => {
    const res = await t.shop().data<SignInAnswer>(SIGN_IN, {
      login: fixture.logins.FINANCE,
      password: FIXTURE_PASSWORD,
      delivery: "BEARER",
    });
    const token = res.signIn.token!;
    const stored = await t.dataSource.query(
      "SELECT token_hash FROM sessions WHERE token_hash = $1 OR token_hash = $2",
      [token, token.slice(4)],
    );
    expect(stored).toEqual([]);
    const all: { token_hash: string }[] = await t.dataSource.query(
      "SELECT token_hash FROM sessions",
    );
    expect(all.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
  });

  it("ends the session on sign-out: the old token no longer works", async () => {
    const client = t.shop();
    const res = await client.data<SignInAnswer>(SIGN_IN, {
      login: fixture.logins.CONSUMER,
      password: FIXTURE_PASSWORD,
      delivery: "BEARER",
    });
    client.bearer = res.signIn.token!;
    expect(await client.data("{ me { role } }")).toEqual({ me: { role: "CONSUMER" } });
    expect(await client.data("mutation { signOut }")).toEqual({ signOut: true });
    expect(await client.data("{ me { role } }")).toEqual({ me: null });
  });

  it("refuses a consumer on the admin side with the same answer as a wrong password", async () => {
    const res = await t
      .admin()
      .data<SignInAnswer>(SIGN_IN, { login: fixture.logins.CONSUMER, password: FIXTURE_PASSWORD });
    expect(res.signIn.__typename).toBe("InvalidCredentialsError");
    const sessions = await t.dataSource.query(
      "SELECT count(*)::int AS n FROM sessions WHERE user_id = $1",
      [fixture.users.CONSUMER.id],
    );
    const before = sessions[0].n;
    await t.admin().data(SIGN_IN, { login: fixture.logins.CONSUMER, password: FIXTURE_PASSWORD });
    const after = await t.dataSource.query(
      "SELECT count(*)::int AS n FROM sessions WHERE user_id = $1",
      [fixture.users.CONSUMER.id],
    );
    expect(after[0].n).toBe(before);
  });
});

describe("guessing passwords", () => {
  it("is refused after 10 failures for a login, for existing and unknown accounts alike, while others still sign in", async () => {
    const attempt = (login: string, password: string) =>
      t.shop().data<{
        signIn: {
          __typename: string;
          errorCode?: string;
          message?: string;
          retryAfterSeconds?: number;
        };
      }>(
        `mutation($login: String!, $password: String!) {
          signIn(input: { login: $login, password: $password }) {
            __typename
            ... on ErrorResult { errorCode message }
            ... on TooManyAttemptsError { retryAfterSeconds }
          }
        }`,
        { login, password },
      );
    for (const login of [fixture.logins.FINANCE, "ghost@fixture.test"]) {
      for (let i = 0; i < 10; i++) {
        expect((await attempt(login, `guess-${i}`)).signIn.errorCode).toBe("INVALID_CREDENTIALS");
      }
      // The 11th try is refused before the password is even checked — the right one too.
      const refused = (await attempt(login.toUpperCase(), FIXTURE_PASSWORD)).signIn;
      expect(refused.errorCode).toBe("TOO_MANY_ATTEMPTS");
      expect(refused.message).toBe("登录失败的次数太多，请 15 分钟后再试。");
      expect(refused.retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    }
    expect((await attempt(fixture.logins.ADMIN, FIXTURE_PASSWORD)).signIn.__typename).toBe(
      "SignedIn",
    );
  });
});

describe("registering a consumer household with an invitation code", () => {
  const base = { displayName: "王老师家", password: "walnut-2024" };

  it("refuses bad input field by field, in Chinese, and stores nothing", async () => {
    const usersBefore = await t.dataSource.query("SELECT count(*)::int AS n FROM users");
    const res = await t
      .shop()
      .data<{ register: { __typename: string; problems: { field: string; message: string }[] } }>(
        REGISTER,
        {
          input: {
            invitationCode: fixture.invitationCode,
            displayName: "  ",
            phone: "123",
            email: "not-an-email",
            password: "short",
          },
        },
      );
    expect(res.register.__typename).toBe("InvalidInputError");
    expect(res.register.problems.map((p) => p.field).sort()).toEqual([
      "displayName",
      "email",
      "password",
      "phone",
    ]);
    expect(res.register.problems.find((p) => p.field === "password")?.message).toBe(
      "密码需要 8 到 200 个字符。",
    );
    expect(await t.dataSource.query("SELECT count(*)::int AS n FROM users")).toEqual(usersBefore);
    const invitation = await t.dataSource.query("SELECT used_at FROM invitations WHERE code = $1", [
      fixture.invitationCode,
    ]);
    expect(invitation).toEqual([{ used_at: null }]);
  });

  it("refuses a name that is too long or hides control characters, saying why", async () => {
    for (const displayName of ["长".repeat(101), "a\u202Eb", "bell\u0007"]) {
      const res = await t
        .shop()
        .data<{ register: { problems: { field: string; message: string }[] } }>(REGISTER, {
          input: {
            ...base,
            displayName,
            invitationCode: fixture.secondInvitationCode,
            phone: "13912345009",
          },
        });
      expect(res.register.problems).toEqual([
        { field: "displayName", message: "称呼需要 1 到 100 个字符，不能有控制字符。" },
      ]);
    }
  });

  it("refuses an expired or unknown code", async () => {
    for (const code of [fixture.expiredInvitationCode, "NO-SUCH-CODE"]) {
      const res = await t.shop().data<{ register: { errorCode: string } }>(REGISTER, {
        input: { ...base, invitationCode: code, phone: "139 1234 5678" },
      });
      expect(res.register.errorCode).toBe("INVALID_INVITATION");
    }
  });

  it("refuses an e-mail that already has an account, and leaves the code unused", async () => {
    const res = await t.shop().data<{ register: { errorCode: string } }>(REGISTER, {
      input: {
        ...base,
        invitationCode: fixture.secondInvitationCode,
        email: fixture.logins.CONSUMER.toUpperCase(),
      },
    });
    expect(res.register.errorCode).toBe("ACCOUNT_EXISTS");
    const invitation = await t.dataSource.query("SELECT used_at FROM invitations WHERE code = $1", [
      fixture.secondInvitationCode,
    ]);
    expect(invitation).toEqual([{ used_at: null }]);
  });

  it("registers once per code even when two people send it at the same moment", async () => {
    const [first, second] = await Promise.all(
      ["13912345001", "13912345002"].map((phone) =>
        t.shop().data<{ register: { __typename: string; errorCode?: string } }>(REGISTER, {
          input: { ...base, invitationCode: fixture.invitationCode, phone },
        }),
      ),
    );
    const kinds = [first!.register.__typename, second!.register.__typename].sort();
    expect(kinds).toEqual(["InvalidInvitationError", "SignedIn"]);
    const rows = await t.dataSource.query(
      `SELECT u.phone, u.role, ch.consumer_group_id, ch.default_pickup_point_id
         FROM invitations i JOIN consumer_households ch ON ch.id = i.used_by_consumer_household_id
         JOIN users u ON u.id = ch.user_id WHERE i.code = $1`,
      [fixture.invitationCode],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].phone).toMatch(/^\+861391234500[12]$/);
    expect(rows[0]).toMatchObject({
      role: "CONSUMER",
      consumer_group_id: fixture.consumerGroup.id,
      default_pickup_point_id: fixture.pickupPoint.id,
    });
  });
});
