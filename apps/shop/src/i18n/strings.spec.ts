import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { zhCN } from "./zh-cn.js";

/** Keys of a nested strings object, with i18next plural suffixes folded into the base key. */
function keys(strings: object, prefix = ""): string[] {
  return Object.entries(strings).flatMap(([key, value]) =>
    typeof value === "object" && value !== null
      ? keys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, "")}`],
  );
}

describe("shop strings", () => {
  it("has the same keys in zh-CN and English, so no string is left untranslated", () => {
    expect([...new Set(keys(zhCN))].sort()).toEqual([...new Set(keys(en))].sort());
  });

  it("writes the English strings without Chinese characters", () => {
    const cjk = keys(en).filter((k) => {
      const value = k.split(".").reduce<unknown>((o, part) => {
        const obj = o as Record<string, unknown>;
        return obj[part] ?? obj[`${part}_other`];
      }, en);
      return typeof value === "string" && /\p{Script=Han}/u.test(value);
    });
    expect(cjk).toEqual([]);
  });
});
