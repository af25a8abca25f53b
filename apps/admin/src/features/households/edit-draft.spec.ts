import { describe, expect, it } from "vitest";
import {
  draftOf,
  draftToInput,
  parseTypedInteger,
  parseTypedNumber,
  problemsOf,
} from "./edit-draft.js";

const stored = {
  code: "SG-017",
  headName: "李桂兰",
  headSex: "F" as const,
  headAgeBand: "FROM_50_TO_59" as const,
  size: 4,
  registeredPoor: true,
  displayName: null,
  livelihoodResources: { hens: 12, pigs: 0, landMu: 2.5 },
};

describe("the household edit form", () => {
  it("starts from the stored household, unsurveyed resources empty", () => {
    const draft = draftOf(stored);
    expect(draft.size).toBe("4");
    expect(draft.displayName).toBe("");
    expect(draft.resources).toEqual({
      hens: "12",
      pigs: "0",
      goats: "",
      walnutTrees: "",
      chestnutTrees: "",
      persimmonTrees: "",
      beehives: "",
      landMu: "2.5",
    });
  });

  it("reads typed numbers, a comma as the decimal point, and refuses words", () => {
    expect(parseTypedNumber(" 12 ")).toBe(12);
    expect(parseTypedNumber("1,5")).toBe(1.5);
    expect(parseTypedNumber("-3")).toBe(-3);
    expect(parseTypedNumber("")).toBeNull();
    expect(parseTypedNumber("十二")).toBeNaN();
    expect(parseTypedNumber("1e3")).toBeNaN();
  });

  it("reads whole numbers only where the API wants an Int", () => {
    expect(parseTypedInteger("30")).toBe(30);
    expect(parseTypedInteger("")).toBeNull();
    expect(parseTypedInteger("2.5")).toBeNaN();
    // 2^31 − 1 = 2147483647 is the largest GraphQL Int; one more cannot be sent.
    expect(parseTypedInteger("2147483647")).toBe(2147483647);
    expect(parseTypedInteger("2147483648")).toBeNaN();
  });

  it("sends the whole input, leaving ranges to the API", () => {
    const draft = { ...draftOf(stored), size: "40", displayName: "  李大姐 " };
    draft.resources.hens = "-1";
    const { input, notNumbers } = draftToInput(draft);
    expect(notNumbers).toEqual([]);
    expect(input).toEqual({
      code: "SG-017",
      headName: "李桂兰",
      headSex: "F",
      headAgeBand: "FROM_50_TO_59",
      size: 40,
      registeredPoor: true,
      displayName: "李大姐",
      livelihoodResources: {
        hens: -1,
        pigs: 0,
        goats: null,
        walnutTrees: null,
        chestnutTrees: null,
        persimmonTrees: null,
        beehives: null,
        landMu: 2.5,
      },
    });
  });

  it("sends nothing while a field is not a number, naming each such field", () => {
    const draft = { ...draftOf(stored), size: "" };
    draft.resources.pigs = "两头";
    draft.resources.hens = "1.5";
    draft.resources.landMu = "1.5";
    expect(draftToInput(draft)).toEqual({
      input: null,
      notNumbers: ["size", "livelihoodResources.hens", "livelihoodResources.pigs"],
    });
  });

  it("gives each field its own problems from the API", () => {
    const problems = [
      { field: "size", message: "家庭人口必须是 1 到 30 的整数。" },
      { field: "livelihoodResources", message: "生计资源的数量不能为负数。" },
      { field: "livelihoodResources.hens", message: "x" },
      { field: "sizeNote", message: "y" },
    ];
    expect(problemsOf(problems, "size")).toEqual(["家庭人口必须是 1 到 30 的整数。"]);
    expect(problemsOf(problems, "livelihoodResources")).toEqual([
      "生计资源的数量不能为负数。",
      "x",
    ]);
    expect(problemsOf(problems, "code")).toEqual([]);
  });
});
