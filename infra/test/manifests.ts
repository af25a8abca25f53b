import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

/** The infra folder. */
export const INFRA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A Kubernetes object as written in a manifest. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  [key: string]: unknown;
}

/**
 * Every YAML document of `file` (relative to infra/), parsed strictly: a syntax error, a duplicate
 * key or an unknown tag throws with the file's name.
 */
export function readYamlDocuments(file: string): unknown[] {
  const text = readFileSync(path.join(INFRA, file), "utf8");
  return parseAllDocuments(text, { uniqueKeys: true, strict: true, merge: true }).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map(String).join("; ")}`);
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  });
}

/** The manifests under infra/k8s other than kustomization.yaml, with the file each came from. */
export function readManifests(): { file: string; object: K8sObject }[] {
  return readdirSync(path.join(INFRA, "k8s"))
    .filter((name) => name.endsWith(".yaml") && name !== "kustomization.yaml")
    .sort()
    .flatMap((name) =>
      readYamlDocuments(path.join("k8s", name))
        .filter((doc) => doc !== null)
        .map((doc) => ({ file: name, object: doc as K8sObject })),
    );
}
