import { describe, expect, it } from "vitest";
import { translatorFor } from "./translate";

describe("counted refusals agree in number", () => {
  const en = translatorFor("en");
  const zh = translatorFor("zh-CN");

  it("says 'lot has' for one unchecked lot and 'lots have' for two, in English", () => {
    expect(en("intake.lotsUnchecked", { count: 1, lots: "SG-002 1 jin" })).toBe(
      "1 lot has not been checked yet, so the cycle cannot be packed: SG-002 1 jin",
    );
    expect(en("intake.lotsUnchecked", { count: 2, lots: "SG-002 1 jin, SG-003 1 jin" })).toBe(
      "2 lots have not been checked yet, so the cycle cannot be packed: SG-002 1 jin, SG-003 1 jin",
    );
    expect(en("settlement.lotsNotChecked", { count: 1 })).toBe(
      "1 allocated lot has no quality check yet; settlement cannot start.",
    );
  });

  it("keeps the one Chinese form whatever the count", () => {
    expect(zh("intake.lotsUnchecked", { count: 1, lots: "SG-002 1斤" })).toBe(
      "还有 1 个批次没有验收，不能打包：SG-002 1斤",
    );
    expect(zh("settlement.settleBlockers.unpaid", { count: 2 })).toBe("2 笔结算未付款或未确认");
  });

  it("says 'settlements' and 'orders' for two of each in the settling refusal", () => {
    expect(en("settlement.settleBlockers.unpaid", { count: 2 })).toBe(
      "2 settlements not paid or acknowledged",
    );
    expect(en("settlement.settleBlockers.delivered", { count: 2 })).toBe(
      "2 orders still DELIVERED",
    );
  });
});
