import { describe, expect, it } from "vitest";
import { offerDisplayName } from "./offer-name";

const potatoes = {
  productNameZh: "土豆",
  productNameEn: "Potatoes",
  variantNameZh: "土豆 10斤装",
  variantNameEn: "10 jin bag",
};

describe("how a refusal names an offer", () => {
  it("uses the English names for an English caller", () => {
    // product "Potatoes" + variant "10 jin bag"
    expect(offerDisplayName(potatoes, "en")).toBe("Potatoes 10 jin bag");
  });

  it("does not say the product twice when the variant name already holds it", () => {
    // "土豆 10斤装" contains "土豆": the variant name alone, not "土豆 土豆 10斤装"
    expect(offerDisplayName(potatoes, "zh-CN")).toBe("土豆 10斤装");
    expect(offerDisplayName({ ...potatoes, variantNameEn: "potatoes, 10 jin bag" }, "en")).toBe(
      "potatoes, 10 jin bag",
    );
  });

  it("joins product and variant when the variant name is only a size", () => {
    expect(offerDisplayName({ ...potatoes, variantNameZh: "10斤装" }, "zh-CN")).toBe("土豆 10斤装");
  });
});
