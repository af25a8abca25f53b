import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const MAIN = path.resolve(__dirname, "../../dist/main.js");
const dataDir = mkdtempSync(path.join(tmpdir(), "nm-pglite-"));
const PORT = 4000 + 100 + Math.floor(Math.random() * 800);
const BASE = `http://127.0.0.1:${PORT}`;
let child: ChildProcess | null = null;

/** Starts the built API the way `pnpm start` does, on an embedded PGlite in a fresh folder. */
function start(): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    PGLITE_DIR: dataDir,
    LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  delete env.SEED_DEMO;
  return spawn(process.execPath, [MAIN], { env, stdio: ["ignore", "pipe", "inherit"] });
}

async function waitForHealth(limitMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    try {
      const res = await fetch(`${BASE}/health`);
      if (res.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no /health within ${limitMs} ms`);
}

async function stop(proc: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) =>
    proc.once("exit", (code) => resolve(code)),
  );
  proc.kill("SIGTERM");
  return exited;
}

async function shop<T>(query: string): Promise<T> {
  const res = await fetch(`${BASE}/shop/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return ((await res.json()) as { data: T }).data;
}

afterAll(async () => {
  if (child && child.exitCode === null) await stop(child);
  rmSync(dataDir, { recursive: true, force: true });
});

describe("pnpm start on the embedded database", () => {
  // How fast the first start is, is a benchmark's question, not a test's (CONTRIBUTING.md): the
  // limit here only stops a hung start; the test compares the two starts within one run.
  it("serves /health with the demo data loaded, and reuses the data on a quicker second start", async () => {
    expect(existsSync(MAIN), `${MAIN} is missing: run pnpm build (pnpm test builds first)`).toBe(
      true,
    );
    child = start();
    const firstMs = await waitForHealth(300_000);
    const first = await shop<{ villages: { nameZh: string }[]; products: { totalItems: number } }>(
      "{ villages { nameZh } products { totalItems } }",
    );
    expect(first.villages.map((v) => v.nameZh)).toEqual(
      expect.arrayContaining(["桑岗村", "宝石村"]),
    );
    expect(first.products.totalItems).toBeGreaterThan(5);
    expect(await stop(child)).toBe(0);

    child = start();
    const secondMs = await waitForHealth(300_000);
    // no migrations and no demo data to write the second time
    expect(secondMs).toBeLessThan(firstMs);
    expect(await shop("{ villages { nameZh } products { totalItems } }")).toEqual(first);
    expect(await stop(child)).toBe(0);
  }, 660_000);
});
