import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cycleScheduleProblems, isCalendarDay, isCycleCode, shanghaiDay } from "./schedule.js";

// Sanggang's April 2011 cycle: declaring from 25 March, ordering 1–10 April (Beijing time),
// delivered on Saturday 16 April.
const april = {
  declarationOpensOn: "2011-03-25",
  opensAt: new Date("2011-03-31T16:00:00Z"), // 2011-04-01 00:00 in Shanghai
  closesAt: new Date("2011-04-10T16:00:00Z"), // 2011-04-11 00:00 in Shanghai
  deliveryOn: "2011-04-16",
};

describe("cycle code and calendar", () => {
  it("accepts YYYY-MM codes with a month 01–12 only", () => {
    expect(["2011-04", "2020-12", "1999-01"].map(isCycleCode)).toEqual([true, true, true]);
    expect(
      ["2011-4", "2011-13", "2011-00", "201104", "2011-04 ", "二〇一一-04"].map(isCycleCode),
    ).toEqual([false, false, false, false, false, false]);
  });

  it("knows real calendar days", () => {
    expect(isCalendarDay("2012-02-29")).toBe(true); // 2012 is a leap year
    expect(isCalendarDay("2011-02-29")).toBe(false);
    expect(isCalendarDay("2011-04-31")).toBe(false); // April has 30 days
    expect(isCalendarDay("2011-4-1")).toBe(false);
  });

  it("puts an instant on its Shanghai day (UTC+8)", () => {
    expect(shanghaiDay(new Date("2011-03-31T16:00:00Z"))).toBe("2011-04-01"); // 00:00 next day
    expect(shanghaiDay(new Date("2011-03-31T15:59:59Z"))).toBe("2011-03-31"); // 23:59:59
  });

  it("finds nothing wrong with the April 2011 cycle", () => {
    expect(cycleScheduleProblems("2011-04", april)).toEqual([]);
  });

  it("allows declaring and opening on the same Shanghai day, and delivering on the closing day", () => {
    expect(
      cycleScheduleProblems("2011-04", {
        declarationOpensOn: "2011-04-01",
        opensAt: new Date("2011-03-31T16:00:00Z"),
        closesAt: new Date("2011-04-15T15:00:00Z"), // 23:00 on the 15th in Shanghai
        deliveryOn: "2011-04-15",
      }),
    ).toEqual([]);
  });

  it("reports each ordering broken", () => {
    expect(
      cycleScheduleProblems("2011-4", {
        declarationOpensOn: "2011-04-02", // after 1 April, when ordering opens
        opensAt: april.opensAt,
        closesAt: april.opensAt, // not after opening
        deliveryOn: "2011-03-31", // before the day ordering closes (1 April)
      }),
    ).toEqual([
      { field: "code", problem: "CODE_SHAPE" },
      { field: "opensAt", problem: "OPENS_BEFORE_DECLARATION" },
      { field: "closesAt", problem: "CLOSES_BEFORE_OPENING" },
      { field: "deliveryOn", problem: "DELIVERY_BEFORE_CLOSE" },
    ]);
  });

  it("reports malformed days and instants once, without comparing them", () => {
    expect(
      cycleScheduleProblems("2011-04", {
        ...april,
        declarationOpensOn: "2011-02-30",
        closesAt: new Date("nonsense"),
      }),
    ).toEqual([
      { field: "declarationOpensOn", problem: "NOT_A_DAY" },
      { field: "closesAt", problem: "NOT_AN_INSTANT" },
    ]);
  });

  it("never refuses a schedule whose parts are in order (property)", () => {
    const base = Date.UTC(2011, 0, 1);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }), // days from base to the declaration day
        fc.integer({ min: 0, max: 30 * 24 }), // hours from declaration day 00:00 UTC+8 to opening
        fc.integer({ min: 1, max: 30 * 24 * 60 }), // minutes open
        fc.integer({ min: 0, max: 20 }), // days from closing day to delivery
        (d, h, minutes, late) => {
          const declarationStart = base + d * 86_400_000 - 8 * 3_600_000;
          const declarationOpensOn = shanghaiDay(new Date(declarationStart));
          const opensAt = new Date(declarationStart + h * 3_600_000);
          const closesAt = new Date(opensAt.getTime() + minutes * 60_000);
          const deliveryOn = shanghaiDay(new Date(closesAt.getTime() + late * 86_400_000));
          const problems = cycleScheduleProblems("2011-04", {
            declarationOpensOn,
            opensAt,
            closesAt,
            deliveryOn,
          });
          expect(problems).toEqual([]);
        },
      ),
    );
  });
});
