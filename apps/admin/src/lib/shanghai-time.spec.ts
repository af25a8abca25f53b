import { describe, expect, it } from "vitest";
import { isoToShanghaiInput, shanghaiDay, shanghaiInputToIso } from "./shanghai-time.js";

describe("Beijing time in forms", () => {
  it("reads a typed Beijing time as the instant eight hours earlier in UTC", () => {
    // 09:30 in Beijing = 09:30 − 8 h = 01:30 UTC the same day.
    expect(shanghaiInputToIso("2026-12-05T09:30")).toBe("2026-12-05T01:30:00.000Z");
    // 07:00 in Beijing on 1 January = 23:00 UTC on 31 December of the year before.
    expect(shanghaiInputToIso("2027-01-01T07:00")).toBe("2026-12-31T23:00:00.000Z");
  });

  it("refuses empty, malformed and impossible values", () => {
    expect(shanghaiInputToIso("")).toBeNull();
    expect(shanghaiInputToIso("5 Dec 9:30")).toBeNull();
    expect(shanghaiInputToIso("2026-02-30T10:00")).toBeNull();
  });

  it("shows an instant as Beijing wall-clock time", () => {
    // 16:45 UTC + 8 h = 00:45 the next day in Beijing.
    expect(isoToShanghaiInput("2026-06-14T16:45:00.000Z")).toBe("2026-06-15T00:45");
  });

  it("names the Beijing business day of an instant", () => {
    // 2026-06-14 16:00 UTC + 8 h = 2026-06-15 00:00 in Beijing: already the next day.
    expect(shanghaiDay(new Date("2026-06-14T16:00:00Z"))).toBe("2026-06-15");
    // 15:59 UTC + 8 h = 23:59 the same day.
    expect(shanghaiDay(new Date("2026-06-14T15:59:00Z"))).toBe("2026-06-14");
  });

  it("reads a typed time as UTC+8 across a month and year, and counts days ahead in Beijing", () => {
    // 03:30 on the 1st in Shanghai is 19:30 UTC on the day before (month and year roll back).
    expect(shanghaiInputToIso("2027-01-01T03:30")).toBe("2026-12-31T19:30:00.000Z");
    // 15:59 UTC is 23:59 in Beijing on the 30th; three days later is 3 December.
    expect(shanghaiDay(new Date("2026-11-30T15:59:00Z"), 3)).toBe("2026-12-03");
    expect(shanghaiDay(new Date("2026-11-30T16:00:00Z"), 3)).toBe("2026-12-04");
  });
});
