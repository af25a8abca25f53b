import { describe, expect, it } from "vitest";
import { i18n } from "../i18n/index.js";
import { adjustmentSentence, refundWay } from "./adjustment.js";

describe("adjustment sentences", () => {
  it("takes a shortfall off an unpaid order, refunds a paid one, says refunded only when REFUNDED", () => {
    expect(refundWay(0, "UNPAID")).toBe("notCharged");
    expect(refundWay(6240, "PAID")).toBe("refund");
    expect(refundWay(6240, "REFUNDED")).toBe("refunded");
  });

  it("writes the quality reason and units in the consumer's language, never the staff's text", () => {
    // 1 unit × 3120 fen = ¥31.20, UNDERWEIGHT, on an unpaid order
    const shortfall = {
      kind: "REFUND" as const,
      amountFen: 3120,
      qualityReason: "UNDERWEIGHT",
      units: 1,
    };
    const zh = i18n.getFixedT("zh-CN");
    const en = i18n.getFixedT("en");
    expect(adjustmentSentence(shortfall, "notCharged", zh)).toBe(
      "1 份未通过质检（分量不足），不收费 ¥31.20",
    );
    expect(adjustmentSentence(shortfall, "refund", en)).toBe(
      "1 unit failed the quality check (underweight): refund ¥31.20",
    );
    // 2 units × 1600 fen = ¥32.00, CRACKED, already refunded
    expect(
      adjustmentSentence(
        { ...shortfall, amountFen: 3200, units: 2, qualityReason: "CRACKED" },
        "refunded",
        en,
      ),
    ).toBe("2 units failed the quality check (cracked or damaged): refunded ¥32.00");
    // a charge not from a quality check: its kind and amount only
    expect(adjustmentSentence({ kind: "CHARGE", amountFen: 500 }, "refund", zh)).toBe("补收 ¥5.00");
  });
});
