import { describe, expect, it } from "vitest";
import {
  dateOnly,
  dateTime,
  itemName,
  localDate,
  money,
  moneyGrouped,
  percent,
  pick,
  pickupHours,
  shortDate,
  timeLeft,
} from "./format.js";

describe("shop formatting", () => {
  it("writes fen as yuan with two decimals through @nested/domain", () => {
    // 1650 fen = 16 yuan 50 fen; 2 × 5450 = 10900 fen = ¥109.00
    expect(money(1650)).toBe("¥16.50");
    expect(money(2 * 5450)).toBe("¥109.00");
  });

  it("shows instants in Beijing time whatever the machine's zone", () => {
    // 11:20 UTC + 8 h = 19:20 in Asia/Shanghai, the same day
    expect(dateTime("2026-11-29T11:20:00Z", "en")).toBe("Nov 29, 2026, 7:20 PM");
    // 16:30 UTC + 8 h = 00:30 on the next day in Beijing
    expect(dateTime("2026-11-29T16:30:00Z", "zh-CN")).toBe("2026年11月30日 00:30");
  });

  it("shows a business day as that calendar day, with its weekday", () => {
    // 6 December 2026 is a Sunday (29 November 2026 is a Sunday, + 7 days)
    expect(localDate("2026-12-06", "en")).toBe("Sun, December 6, 2026");
    expect(localDate("2026-12-06", "zh-CN")).toBe("2026年12月6日周日");
  });

  it("writes basis points as a percentage", () => {
    // 8716 bp = 87.16 % → one decimal: 87.2 %
    expect(percent(8716, "en")).toBe("87.2%");
    expect(percent(6500, "zh-CN")).toBe("65.0%");
  });

  it("counts whole days and hours left, never below zero", () => {
    const now = Date.parse("2026-11-29T00:00:00Z");
    // 3 days 23 hours 59 minutes later → 3 days, 23 hours
    expect(timeLeft("2026-12-02T23:59:00Z", now)).toEqual({ days: 3, hours: 23 });
    expect(timeLeft("2026-11-28T00:00:00Z", now)).toEqual({ days: 0, hours: 0 });
  });

  it("names an item by its variant when that already says the product", () => {
    expect(itemName("Millet", "Millet, 5-jin bag")).toBe("Millet, 5-jin bag");
    expect(itemName("杂粮", "杂粮组合 2斤")).toBe("杂粮组合 2斤");
    expect(itemName("Eggs", "box of 30")).toBe("Eggs box of 30");
  });

  it("picks the English name only in English and only when there is one", () => {
    expect(pick("en", "小米", "Millet")).toBe("Millet");
    expect(pick("en", "小米", null)).toBe("小米");
    expect(pick("zh-CN", "小米", "Millet")).toBe("小米");
  });

  it("groups thousands in large amounts, and writes dates short or without the time", () => {
    // 11882847 fen = 118828 yuan 47 fen
    expect(moneyGrouped(11882847, "en")).toBe("¥118,828.47");
    expect(moneyGrouped(11882847, "zh-CN")).toBe("¥118,828.47");
    expect(shortDate("2026-06-15", "en")).toBe("Jun 15, 2026");
    expect(shortDate("2026-06-15", "zh-CN")).toBe("2026年6月15日");
    // 06:41 UTC + 8 h = 14:41 on 11 March 2011 in Beijing; only the date is shown
    expect(dateOnly("2011-03-11T06:41:00Z", "en")).toBe("Mar 11, 2011");
  });

  it("writes the day words of pickup hours in English, keeping the times", () => {
    expect(pickupHours("配送日 17:00–20:00", "en")).toBe("Delivery day 17:00–20:00");
    expect(pickupHours("周六 14:00–17:00", "en")).toBe("Sat 14:00–17:00");
    expect(pickupHours("配送日 17:00–20:00", "zh-CN")).toBe("配送日 17:00–20:00");
  });
});
