import type { DataSource } from "typeorm";
import { loadConfig } from "../config";
import { startApi, type RunningApi } from "../server/start-api";
import { createTestDatabase, type TestDatabase } from "./test-database";

/** The answer of one GraphQL request: HTTP status and the parsed JSON body. */
export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  headers: Headers;
}

/**
 * A client for one endpoint that keeps its session cookie between calls, like a browser would,
 * or sends a bearer token when given one.
 */
export class GraphqlClient {
  private cookie: string | null = null;
  bearer: string | null = null;
  locale = "zh-CN";

  constructor(readonly url: string) {}

  /** Posts `query` with `variables`; stores any session cookie the server sets. */
  async request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<T>> {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "accept-language": this.locale,
    };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const res = await fetch(this.url, {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
    });
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair] = setCookie.split(";");
      if (!pair) continue;
      const [, value] = pair.split("=");
      this.cookie = value ? pair : null;
    }
    return {
      status: res.status,
      body: (await res.json()) as GraphqlResponse<T>["body"],
      headers: res.headers,
    };
  }

  /** Signs in with the cookie (as the SPAs do); fails the test unless the answer is SignedIn. */
  async signIn(login: string, password: string): Promise<this> {
    const data = await this.data<{ signIn: { __typename: string } }>(
      `mutation($login: String!, $password: String!) {
        signIn(input: { login: $login, password: $password }) { __typename }
      }`,
      { login, password },
    );
    if (data.signIn.__typename !== "SignedIn") throw new Error(`sign-in of ${login} refused`);
    return this;
  }

  /** Like {@link request} but fails the test on any GraphQL error; returns `data`. */
  async data<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T> {
    const res = await this.request<T>(query, variables);
    if (res.body.errors?.length || !res.body.data) {
      throw new Error(`GraphQL errors (HTTP ${res.status}): ${JSON.stringify(res.body.errors)}`);
    }
    return res.body.data;
  }
}

/** An API on its own fresh, migrated database on the real test server. */
export interface TestApi {
  api: RunningApi;
  db: TestDatabase;
  dataSource: DataSource;
  shop(): GraphqlClient;
  admin(): GraphqlClient;
  partner(): GraphqlClient;
  close(): Promise<void>;
}

/** Starts the API on a fresh test database (port chosen by the OS), optionally filling it first. */
export async function startTestApi(
  prefix: string,
  options: {
    production?: boolean;
    prepare?: (dataSource: DataSource) => Promise<void>;
    /** More environment; by default the ordering rate limits are set out of reach (1,000,000). */
    env?: Record<string, string>;
  } = {},
): Promise<TestApi> {
  const db = await createTestDatabase(prefix);
  const config = {
    ...loadConfig({
      DATABASE_URL: db.url,
      PORT: "0",
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
      // Many scenarios order hundreds of times from 127.0.0.1; order-limit.spec.ts tests the limit.
      ORDER_LIMIT_PER_HOUSEHOLD: "1000000",
      ORDER_LIMIT_PER_ADDRESS: "1000000",
      ...options.env,
    }),
    production: options.production ?? false,
    seedDemo: false,
  };
  let api: RunningApi;
  try {
    api = await startApi(config, options.prepare ? (ds) => options.prepare!(ds) : undefined);
  } catch (error) {
    await db.drop();
    throw error;
  }
  return {
    api,
    db,
    dataSource: api.dataSource,
    shop: () => new GraphqlClient(`${api.url}/shop/graphql`),
    admin: () => new GraphqlClient(`${api.url}/admin/graphql`),
    partner: () => new GraphqlClient(`${api.url}/partner/graphql`),
    async close() {
      await api.stop();
      await db.drop();
    },
  };
}
