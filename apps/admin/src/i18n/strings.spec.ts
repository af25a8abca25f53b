import { describe, expect, it } from "vitest";
import { FEATURE_BUNDLES } from "./bundles.js";
import { common } from "./common.js";

/** Every key path of a nested strings object, e.g. "nav.home". */
function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("admin strings", () => {
  it.each(Object.entries({ common, ...FEATURE_BUNDLES }))(
    "%s has the same keys in zh-CN and en",
    (_name, bundle) => {
      expect(keys(bundle.en).sort()).toEqual(keys(bundle["zh-CN"]).sort());
    },
  );

  it.each(Object.entries({ common, ...FEATURE_BUNDLES }))(
    "%s has no empty string and no Chinese in English",
    (_name, bundle) => {
      for (const path of keys(bundle.en)) {
        const text = path
          .split(".")
          .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], bundle.en);
        expect(String(text).trim(), path).not.toBe("");
        expect(String(text), path).not.toMatch(/\p{Script=Han}/u);
      }
    },
  );
});
