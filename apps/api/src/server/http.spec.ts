import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { FIXTURE_PASSWORD, type Fixture, loadFixture } from "../test/fixtures";
import { GraphqlClient, startTestApi, type TestApi } from "../test/test-api";
import { QUERY_LIMITS } from "./armor";
import { startApi } from "./start-api";

let t: TestApi;
let fixture: Fixture;

beforeAll(async () => {
  t = await startTestApi("http", { prepare: async (ds) => void (fixture = await loadFixture(ds)) });
});
afterAll(() => t?.close());

describe("the HTTP surface", () => {
  it("reports the database on /health", async () => {
    const res = await fetch(`${t.api.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "up" });
    const live = await fetch(`${t.api.url}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok" });
  });

  it("answers malformed GraphQL with 400 and a message saying what is wrong", async () => {
    const res = await t.shop().request("{ products { items { id }");
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/Syntax Error/);
  });

  it("refuses a query nested past the depth limit", async () => {
    // The depth is measured on the document itself, before any resolver runs.
    let selection = "id";
    for (let depth = 0; depth < QUERY_LIMITS.maxDepth + 2; depth++)
      selection = `products { items { ${selection} } }`;
    const res = await t.shop().request(`{ ${selection} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.message).join("\n")).toMatch(/depth/i);
  });

  it("refuses a query longer than the token limit with 400", async () => {
    const fields = Array.from({ length: QUERY_LIMITS.maxTokens }, () => "id").join(" ");
    const res = await t.shop().request(`{ villages { ${fields} } }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/more that 2000 tokens/);
  });

  it("refuses a query with too many aliases", async () => {
    const aliases = Array.from(
      { length: QUERY_LIMITS.maxAliases + 1 },
      (_, i) => `a${i}: villages { id }`,
    ).join(" ");
    const res = await t.shop().request(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/alias/i);
  });

  it("suggests no field names in production errors", async () => {
    const prod = await startTestApi("http_prod", { production: true });
    try {
      const res = await prod.shop().request("{ villagez { id } }");
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
      const dev = await t.shop().request("{ villagez { id } }");
      expect(dev.body.errors?.[0]?.message).toMatch(/Did you mean "villages"/);
    } finally {
      await prod.close();
    }
  });

  it("keeps no session in memory: a session made on one API process works on another", async () => {
    const second = await startApi({
      ...loadConfig({ DATABASE_URL: t.db.url, PORT: "0", LOG_LEVEL: "silent" }),
      seedDemo: false,
    });
    try {
      const signIn = await t.shop().data<{ signIn: { token: string } }>(
        `mutation($login: String!, $password: String!) {
          signIn(input: { login: $login, password: $password, tokenDelivery: BEARER }) { ... on SignedIn { token } }
        }`,
        { login: fixture.logins.CONSUMER, password: FIXTURE_PASSWORD },
      );
      const other = new GraphqlClient(`${second.url}/shop/graphql`);
      other.bearer = signIn.signIn.token;
      const me = await other.data<{ me: { role: string } | null }>("{ me { role } }");
      expect(me.me).toEqual({ role: "CONSUMER" });
    } finally {
      await second.stop();
    }
  });
});

describe("input the database would refuse, and faults", () => {
  it("answers a malformed id or a NUL character as bad input, never with the database's words", async () => {
    for (const query of [
      '{ pickupPoints(producerGroupId: "x") { id } }',
      '{ products(filter: { search: "egg\\u0000" }) { totalItems } }',
    ]) {
      const res = await t.shop().request(query);
      expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(res.body.errors?.[0]?.message).toMatch(/wrong form/);
      expect(JSON.stringify(res.body)).not.toMatch(/invalid input syntax|byte sequence/);
    }
  });

  it("answers malformed JSON and oversized bodies in JSON, not an HTML page", async () => {
    const bad = await fetch(`${t.api.url}/shop/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query": "{ villages { id } }"',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      errors: [
        { message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } },
      ],
    });
    const big = await fetch(`${t.api.url}/shop/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ villages { id } } # ${"x".repeat(300_000)}` }),
    });
    expect(big.status).toBe(413);
  });

  it("keeps introspection closed in production", async () => {
    const prod = await startTestApi("http_introspection", { production: true });
    try {
      const res = await prod.admin().request("{ __schema { types { name } } }");
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.message).toMatch(/introspection/i);
    } finally {
      await prod.close();
    }
  });
});

describe("starting on a port that is taken", () => {
  it("fails instead of announcing a server that serves nothing", async () => {
    const port = Number(new URL(t.api.url).port);
    const config = {
      ...loadConfig({ DATABASE_URL: t.db.url, PORT: String(port), LOG_LEVEL: "silent" }),
      seedDemo: false,
    };
    await expect(startApi(config)).rejects.toMatchObject({ code: "EADDRINUSE" });
  });
});
