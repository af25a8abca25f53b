import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { Deployment } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { Job } from "kubernetes-models/batch/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, Service } from "kubernetes-models/v1";
import { describe, expect, it } from "vitest";
import { INFRA, type K8sObject, readManifests, readYamlDocuments } from "./manifests.js";

// The Kubernetes manifests, checked without a cluster: each object against the Kubernetes
// OpenAPI schema (kubernetes-models), then what this deployment needs of them.

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  "v1/ConfigMap": ConfigMap,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "batch/v1/Job": Job,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
};

const manifests = readManifests();
const byKind = (kind: string) => manifests.map((m) => m.object).filter((o) => o.kind === kind);
const named = (kind: string, name: string): K8sObject => {
  const found = byKind(kind).find((o) => o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
};

interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  env?: { name: string; value?: string }[];
}
interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  terminationGracePeriodSeconds?: number;
}
const podOf = (o: K8sObject) =>
  (o.spec as { template: { spec: PodSpec; metadata: { labels: Record<string, string> } } })
    .template;

describe("the Kubernetes manifests", () => {
  it("are valid objects of the Kubernetes API, each kind known", () => {
    expect(manifests.length).toBeGreaterThanOrEqual(10);
    for (const { file, object } of manifests) {
      const Model = MODELS[`${object.apiVersion}/${object.kind}`];
      expect(Model, `${file}: ${object.apiVersion} ${object.kind}`).toBeDefined();
      expect(() => new Model!(object as never).validate(), `${file}: ${object.kind}`).not.toThrow();
    }
  });

  it("are all listed in kustomization.yaml, which kubectl can build when it is installed", () => {
    const [kustomization] = readYamlDocuments("k8s/kustomization.yaml") as [
      { resources: string[] },
    ];
    const files = readdirSync(path.join(INFRA, "k8s"))
      .filter((name) => name.endsWith(".yaml") && name !== "kustomization.yaml")
      .sort();
    expect([...kustomization.resources].sort()).toEqual(files);
    let kubectl = true;
    try {
      execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" });
    } catch {
      kubectl = false;
    }
    if (kubectl) {
      const built = execFileSync("kubectl", ["kustomize", path.join(INFRA, "k8s")], {
        encoding: "utf8",
      });
      // 1 ConfigMap + 1 Job + API (Deployment, Service) + HPA + PDB + 2 SPAs × (Deployment, Service)
      expect(built.match(/^kind: /gm)).toHaveLength(1 + 1 + 2 + 2 + 4);
    }
  });

  it("give every container resource requests and a memory limit", () => {
    for (const o of [...byKind("Deployment"), ...byKind("Job")]) {
      const pod = podOf(o).spec;
      for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
        expect(c.resources?.requests?.cpu, `${o.metadata.name}/${c.name}`).toBeDefined();
        expect(c.resources?.requests?.memory, `${o.metadata.name}/${c.name}`).toBeDefined();
        expect(c.resources?.limits?.memory, `${o.metadata.name}/${c.name}`).toBeDefined();
      }
    }
  });

  it("probe the API on /health for readiness and /health/live for liveness", () => {
    const api = podOf(named("Deployment", "nested-api")).spec.containers[0]!;
    expect(api.ports).toEqual([{ name: "http", containerPort: 4000 }]);
    expect(api.readinessProbe?.httpGet).toEqual({ path: "/health", port: "http" });
    expect(api.livenessProbe?.httpGet).toEqual({ path: "/health/live", port: "http" });
    for (const spa of ["nested-shop", "nested-admin"]) {
      const c = podOf(named("Deployment", spa)).spec.containers[0]!;
      expect(c.readinessProbe?.httpGet).toEqual({ path: "/health", port: "http" });
      expect(c.livenessProbe?.httpGet).toEqual({ path: "/health", port: "http" });
    }
  });

  it("give SIGTERM time: readiness delay + request timeout fit in the grace period", () => {
    const config = named("ConfigMap", "nested-api-config").data!;
    const grace = podOf(named("Deployment", "nested-api")).spec.terminationGracePeriodSeconds!;
    // 5000 ms + 25000 ms = 30 s of drain, inside 40 s before the kubelet's SIGKILL.
    expect(Number(config.SHUTDOWN_DELAY_MS) + Number(config.SHUTDOWN_TIMEOUT_MS)).toBe(30_000);
    expect(grace * 1000).toBeGreaterThan(30_000);
    expect(config.NODE_ENV).toBe("production");
    expect(config.MIGRATE_ON_START).toBe("false");
  });

  it("scale the API with an HPA of at least 2 replicas on CPU", () => {
    const hpa = named("HorizontalPodAutoscaler", "nested-api").spec as {
      scaleTargetRef: { kind: string; name: string };
      minReplicas: number;
      maxReplicas: number;
      metrics: { resource: { name: string; target: { averageUtilization: number } } }[];
    };
    expect(hpa.scaleTargetRef).toMatchObject({ kind: "Deployment", name: "nested-api" });
    expect(hpa.minReplicas).toBe(2);
    expect(hpa.maxReplicas).toBeGreaterThan(hpa.minReplicas);
    expect(hpa.metrics[0]!.resource).toMatchObject({
      name: "cpu",
      target: { averageUtilization: 70 },
    });
  });

  it("run migrations in a Job that API pods wait for before starting", () => {
    const job = podOf(named("Job", "nested-migrate")).spec.containers[0]!;
    expect(job.image).toBe("nested-market/api");
    expect(job.command).toEqual(["node", "dist/database/migrate.cli.js"]);
    const init = podOf(named("Deployment", "nested-api")).spec.initContainers ?? [];
    expect(init.map((c) => c.command)).toEqual([
      ["node", "dist/database/migrate.cli.js", "--wait"],
    ]);
    // Job, init container and API read the same settings and secret.
    for (const c of [job, init[0]!, podOf(named("Deployment", "nested-api")).spec.containers[0]!]) {
      expect(c.envFrom).toEqual([
        { configMapRef: { name: "nested-api-config" } },
        { secretRef: { name: "nested-market-secrets" } },
      ]);
    }
  });

  it("route each Service to its own Deployment's pods, and the SPAs to the API Service", () => {
    for (const name of ["nested-api", "nested-shop", "nested-admin"]) {
      const selector = (named("Service", name).spec as { selector: Record<string, string> })
        .selector;
      expect(selector).toEqual(podOf(named("Deployment", name)).metadata.labels);
    }
    for (const spa of ["nested-shop", "nested-admin"]) {
      const env = podOf(named("Deployment", spa)).spec.containers[0]!.env;
      expect(env).toEqual([{ name: "API_UPSTREAM", value: "http://nested-api:80" }]);
    }
  });
});
