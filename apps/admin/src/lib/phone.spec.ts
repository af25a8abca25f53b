import { describe, expect, it } from "vitest";
import { dialable } from "./phone.js";

describe("phone numbers as people in China dial them", () => {
  it("groups a mobile 3-4-4 and writes a landline with its area code", () => {
    expect(dialable("+8613618214952")).toBe("136 1821 4952");
    // Beijing landline: area code 010, then the 8-digit local number.
    expect(dialable("+861012345678")).toBe("010-12345678");
  });

  it("leaves a number that is not Chinese as stored", () => {
    expect(dialable("+4420 7946 0958")).toBe("+4420 7946 0958");
  });
});
