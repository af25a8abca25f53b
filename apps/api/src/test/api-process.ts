import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { GraphqlClient } from "./test-api";

/** The built API entry, as `pnpm start` and the container image run it. */
export const API_MAIN = path.resolve(__dirname, "../../dist/main.js");

/** How a child process ended. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A built API running as a child process (`node dist/main.js`) on a port the OS chose. */
export interface ApiProcess {
  child: ChildProcess;
  /** Base URL, e.g. http://127.0.0.1:43817. */
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves when the process has ended. */
  exited: Promise<ProcessExit>;
  /** A shop client of this process, signed in with `bearer` when given. */
  shop(bearer?: string): GraphqlClient;
  /** Sends `signal` and waits for the end. */
  kill(signal: NodeJS.Signals): Promise<ProcessExit>;
}

function environment(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "info", PORT: "0" };
  // Nothing from the developer's shell that the test did not ask for.
  for (const name of ["DATABASE_URL", "REDIS_URL", "NODE_ENV", "SEED_DEMO", "PGLITE_DIR"]) {
    delete merged[name];
  }
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  return merged;
}

function spawnMain(env: Record<string, string | undefined>) {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run pnpm build first`);
  const child = spawn(process.execPath, [API_MAIN], {
    env: environment(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<ProcessExit>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => output };
}

/**
 * Starts `node dist/main.js` with `env` (PORT=0 and LOG_LEVEL=info unless given) and waits
 * until it prints its URL and answers /health with 200.
 * @throws with the process's output when it exits first or takes longer than `limitMs`.
 */
export async function startApiProcess(
  env: Record<string, string | undefined>,
  limitMs = 60_000,
): Promise<ApiProcess> {
  const { child, exited, output } = spawnMain(env);
  let ended: ProcessExit | null = null;
  void exited.then((exit) => (ended = exit));
  const started = Date.now();
  let url: string | null = null;
  while (Date.now() - started < limitMs) {
    if (ended) throw new Error(`API exited (${JSON.stringify(ended)}) before ready:\n${output()}`);
    url ??= /health\s+(http:\/\/\S+)\/health/.exec(output())?.[1] ?? null;
    if (url) {
      const ok = await fetch(`${url}/health`).then(
        (res) => res.status === 200,
        () => false,
      );
      if (ok) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!url) {
    child.kill("SIGKILL");
    throw new Error(`API not ready within ${limitMs} ms:\n${output()}`);
  }
  const base = url;
  return {
    child,
    url: base,
    output,
    exited,
    shop(bearer) {
      const client = new GraphqlClient(`${base}/shop/graphql`);
      client.bearer = bearer ?? null;
      return client;
    },
    async kill(signal) {
      if (ended) return ended;
      child.kill(signal);
      return exited;
    },
  };
}

/**
 * Runs `node dist/main.js` with `env` and waits for it to end by itself (a refused start),
 * killing it after `limitMs`. Returns the exit and everything it wrote.
 */
export async function runApiUntilExit(
  env: Record<string, string | undefined>,
  limitMs = 30_000,
): Promise<ProcessExit & { output: string }> {
  const { child, exited, output } = spawnMain(env);
  const timer = setTimeout(() => child.kill("SIGKILL"), limitMs);
  const exit = await exited;
  clearTimeout(timer);
  return { ...exit, output: output() };
}
