import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const APPS = path.resolve(import.meta.dirname, "../../../apps");
const API_MAIN = path.join(APPS, "api/dist/main.js");
/** The built SPAs the API serves at `/shop/` and `/admin/`. */
const SPA_DIST = { shop: path.join(APPS, "shop/dist"), admin: path.join(APPS, "admin/dist") };
/** The PostgreSQL server the test makes its database on (the API tests' variable and default). */
const SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** A running API on its own fresh database with the demo data. */
export interface TestServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** A client on the test database, to change data behind the shop's back. */
  db: pg.Client;
  stop(): Promise<void>;
}

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Creates `nm_e2e_<random>` on the test server, starts `apps/api/dist/main.js` on it (migrations
 * at start, `SEED_DEMO=true` loads the Taihang demo data into the empty database, any free port)
 * serving the built SPA `spa` (the shop or the admin SPA), and resolves once it prints its URLs.
 * Throws when the API or that SPA is not built, or the API exits before it listens.
 */
export async function startTestServer(spa: keyof typeof SPA_DIST = "shop"): Promise<TestServer> {
  for (const [file, hint] of [
    [API_MAIN, "the API is not built"],
    [path.join(SPA_DIST[spa], "index.html"), `the ${spa} SPA is not built`],
  ] as const) {
    if (!existsSync(file)) throw new Error(`${file} is missing (${hint}): run pnpm build first`);
  }
  const name = `nm_e2e_${randomBytes(4).toString("hex")}`;
  await onServer(`CREATE DATABASE "${name}"`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const child: ChildProcess = spawn(process.execPath, [API_MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: url.toString(),
      SEED_DEMO: "true",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      SHOP_DIST: SPA_DIST.shop,
      ADMIN_DIST: SPA_DIST.admin,
      NODE_ENV: "test",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const origin = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/shop\s+(http:\/\/[\d.:]+)\/shop\//);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`the API exited (${code}):\n${output}`)));
  });
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  return {
    origin,
    db,
    async stop() {
      await db.end();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/**
 * POSTs one GraphQL operation to the Shop API, with a bearer token when given; resolves `data`,
 * throws with the GraphQL errors when there is none.
 */
export function shopGraphql<T>(
  origin: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  return postGraphql<T>(`${origin}/shop/graphql`, query, variables, token);
}

/** The same for the Admin API (`/admin/graphql`). */
export function adminGraphql<T>(
  origin: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  return postGraphql<T>(`${origin}/admin/graphql`, query, variables, token);
}

async function postGraphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}
