import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INFRA } from "./manifests.js";

// The image definitions, checked without building them: the SPA images take the API's address
// at start (nginx template + a check script run before nginx), never at build time.

const read = (file: string) => readFileSync(path.join(INFRA, file), "utf8");
const CHECK = path.join(INFRA, "docker", "check-api-upstream.sh");

/** Runs the SPA container's start check with `env`; returns its exit code and message. */
function check(env: Record<string, string>) {
  const result = spawnSync("sh", [CHECK], { env: { PATH: process.env.PATH ?? "", ...env } });
  return { status: result.status, stderr: result.stderr.toString("utf8") };
}

/** What the nginx image's envsubst does with the template: ${NAME} of defined variables. */
function fill(template: string, env: Record<string, string>): string {
  return template.replace(/\$\{([A-Z_]+)\}/g, (whole, name: string) => env[name] ?? whole);
}

describe("the SPA image", () => {
  it("has no API address in its build: no build argument or environment for it", () => {
    const dockerfile = read("docker/spa.Dockerfile");
    expect(dockerfile).not.toMatch(/^(ARG|ENV)\s+API_UPSTREAM/m);
    expect(dockerfile).toContain(
      "COPY infra/docker/spa.conf.template /etc/nginx/templates/default.conf.template",
    );
  });

  it("proxies GraphQL to the address given at start and serves the app's routes", () => {
    const conf = fill(read("docker/spa.conf.template"), {
      APP: "shop",
      PORT: "8080",
      API_UPSTREAM: "http://nested-api:80",
    });
    expect(conf).toContain("listen 8080;");
    expect(conf).toContain("proxy_pass http://nested-api:80;");
    expect(conf).toContain("try_files $uri $uri/ /shop/index.html;");
    expect(conf).toContain("return 302 /shop/;");
    // The edge writes the client's own address, never appends to what the client sent.
    expect(conf).toContain("proxy_set_header X-Forwarded-For $remote_addr;");
    expect(conf).not.toContain("$proxy_add_x_forwarded_for");
    // Only the three variables are the deployment's; nginx's own ($uri, $host…) stay as written.
    expect(conf).not.toMatch(/\$\{/);
  });

  it("refuses to start without a usable API_UPSTREAM", () => {
    expect(check({ APP: "shop", API_UPSTREAM: "http://nested-api:80" })).toEqual({
      status: 0,
      stderr: "",
    });
    expect(check({ APP: "admin", API_UPSTREAM: "https://api.example.org" }).status).toBe(0);
    const missing = check({ APP: "shop" });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/API_UPSTREAM must be the API's address/);
    const withPath = check({ APP: "shop", API_UPSTREAM: "http://nested-api:80/shop/graphql" });
    expect(withPath.status).toBe(1);
    expect(withPath.stderr).toMatch(/API_UPSTREAM must have no path/);
    expect(check({ APP: "partner", API_UPSTREAM: "http://api" }).stderr).toMatch(
      /APP must be shop or admin/,
    );
  });
});

describe("the API image", () => {
  it("builds the API with pnpm deploy and runs node dist/main.js as a non-root user", () => {
    const dockerfile = read("docker/api.Dockerfile");
    expect(dockerfile).toContain("npm i -g pnpm@12.4.2");
    expect(dockerfile).toContain("pnpm --filter @nested/api deploy --prod /out");
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/main.js"\]$/m);
    // Only defaults are baked in; DATABASE_URL and secrets come at run time.
    expect(dockerfile).not.toMatch(/DATABASE_URL=|REDIS_URL=/);
  });

  it("keeps node_modules and build output out of the build context", () => {
    for (const file of [
      "docker/api.Dockerfile.dockerignore",
      "docker/spa.Dockerfile.dockerignore",
    ]) {
      expect(read(file).split("\n")).toEqual(
        expect.arrayContaining(["**/node_modules", "**/dist", ".git"]),
      );
    }
  });
});
