import { describe, expect, it } from "vitest";
import { isoToShanghaiLocal, shanghaiDay, shanghaiLocalToIso } from "./shanghai-time.js";

describe("Shanghai wall-clock time in the cycle form", () => {
  it("reads a typed time as UTC+8 whatever the browser's zone", () => {
    // 08:00 in Shanghai is 00:00 UTC the same day.
    expect(shanghaiLocalToIso("2026-12-01T08:00")).toBe("2026-12-01T00:00:00.000Z");
    // 03:30 on the 1st in Shanghai is 19:30 UTC on the day before (month and year roll back).
    expect(shanghaiLocalToIso("2027-01-01T03:30")).toBe("2026-12-31T19:30:00.000Z");
  });

  it("refuses text that is not a date and time", () => {
    expect(shanghaiLocalToIso("")).toBeNull();
    expect(shanghaiLocalToIso("2026-12-01")).toBeNull();
    expect(shanghaiLocalToIso("01/12/2026 08:00")).toBeNull();
  });

  it("writes an instant back as Shanghai time and finds the Shanghai day", () => {
    // 16:00 UTC + 8 h = 00:00 the next day in Shanghai.
    expect(isoToShanghaiLocal("2026-11-30T16:00:00.000Z")).toBe("2026-12-01T00:00");
    expect(shanghaiDay(new Date("2026-11-30T16:00:00Z"))).toBe("2026-12-01");
    expect(shanghaiDay(new Date("2026-11-30T15:59:00Z"))).toBe("2026-11-30");
    expect(shanghaiDay(new Date("2026-11-30T15:59:00Z"), 3)).toBe("2026-12-03");
  });
});
