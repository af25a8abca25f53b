import { describe, expect, it } from "vitest";
import { shanghaiDay } from "../../lib/shanghai-time.js";
import { isFutureDay, percentToBasisPoints, yuanToFen } from "./amounts.js";

describe("amounts typed in the settlements pages", () => {
  it("turns yuan into integer fen exactly", () => {
    // 0.29 yuan = 29 fen (a float would give 28.999…); 1.5 yuan = 150 fen; 100 yuan = 10000 fen
    expect(yuanToFen("0.29")).toEqual({ ok: true, value: 29 });
    expect(yuanToFen("¥1.5")).toEqual({ ok: true, value: 150 });
    expect(yuanToFen("１００")).toEqual({ ok: true, value: 10000 });
    expect(yuanToFen("-3.20", true)).toEqual({ ok: true, value: -320 });
  });

  it("refuses what is not an amount, with the problem's key", () => {
    expect(yuanToFen("")).toEqual({ ok: false, problem: "input.empty" });
    expect(yuanToFen("1.005")).toEqual({ ok: false, problem: "input.tooManyDecimals" });
    expect(yuanToFen("-1")).toEqual({ ok: false, problem: "input.negative" });
    expect(yuanToFen("abc")).toEqual({ ok: false, problem: "input.notANumber" });
  });

  it("turns a percentage into basis points exactly", () => {
    // 3.33 % = 333 bp; 2.5 % = 250 bp; 5 % = 500 bp; 0.01 % = 1 bp
    expect(percentToBasisPoints("3.33")).toEqual({ ok: true, value: 333 });
    expect(percentToBasisPoints("2.5 %")).toEqual({ ok: true, value: 250 });
    expect(percentToBasisPoints("５％")).toEqual({ ok: true, value: 500 });
    expect(percentToBasisPoints("0.01")).toEqual({ ok: true, value: 1 });
    expect(percentToBasisPoints("2.555")).toEqual({ ok: false, problem: "input.tooManyDecimals" });
    expect(percentToBasisPoints("¥2")).toEqual({ ok: false, problem: "input.notANumber" });
  });

  it("knows today and the future by Shanghai's calendar", () => {
    // 2026-11-29 16:30 UTC is 2026-11-30 00:30 in Shanghai (UTC+8)
    const now = new Date("2026-11-29T16:30:00Z");
    expect(shanghaiDay(now)).toBe("2026-11-30");
    expect(isFutureDay("2026-11-30", now)).toBe(false);
    expect(isFutureDay("2026-12-01", now)).toBe(true);
    // 15:59 UTC is still 23:59 on the 29th in Shanghai
    expect(isFutureDay("2026-11-30", new Date("2026-11-29T15:59:00Z"))).toBe(true);
  });
});
