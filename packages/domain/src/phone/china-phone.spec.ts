import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatChinaPhone, normalizeChinaPhone, parseChinaPhone } from "./china-phone.js";
import { CHINA_MOBILE_PREFIXES } from "./mobile-prefixes.js";
import { PhoneError, type PhoneErrorCode } from "./phone-error.js";

function codeOf(run: () => unknown): PhoneErrorCode | "no error" {
  try {
    run();
  } catch (error) {
    if (error instanceof PhoneError) return error.code;
    throw error;
  }
  return "no error";
}

describe("normalizeChinaPhone: mobiles", () => {
  it.each([
    "13812345678",
    "+8613812345678",
    "+86 138 1234 5678",
    "0086-138-1234-5678",
    "0086 13812345678",
    "86 13812345678",
    "8613812345678",
    "138-1234-5678",
    "138 1234 5678",
    "(138) 1234-5678",
    "138.1234.5678",
    "１３８１２３４５６７８",
    "＋８６ １３８ １２３４ ５６７８",
    "＋86（138）1234－5678",
    "\u3000138 1234 5678\u3000",
    "013812345678",
    "+86 (0)138 1234 5678",
  ])("%j → +8613812345678", (input) => {
    expect(normalizeChinaPhone(input)).toBe("+8613812345678");
  });

  it.each([
    "13012345678",
    "13912345678",
    "14512345678",
    "14712345678",
    "14912345678",
    "15012345678",
    "15312345678",
    "15512345678",
    "15912345678",
    "16212345678",
    "16512345678",
    "16612345678",
    "16712345678",
    "17012345678",
    "17112345678",
    "17312345678",
    "17512345678",
    "17812345678",
    "18012345678",
    "18912345678",
    "19012345678",
    "19212345678",
    "19312345678",
    "19512345678",
    "19612345678",
    "19712345678",
    "19912345678",
  ])("accepts the current mobile prefix of %s", (input) => {
    expect(normalizeChinaPhone(input)).toBe(`+86${input}`);
  });

  it.each([
    "12012345678", // 12x: not a mobile range
    "14012345678", // 140-144: 13-digit IoT ranges
    "14412345678",
    "14612345678", // 146/148: IoT data-only
    "14812345678",
    "15412345678", // 154: unallocated
    "16012345678",
    "16812345678",
    "17212345678", // 172: IoT
    "17412345678", // 174: satellite / emergency
    "17912345678",
    "19412345678",
  ])("refuses %s with PHONE_UNKNOWN_PREFIX", (input) => {
    expect(codeOf(() => normalizeChinaPhone(input))).toBe("PHONE_UNKNOWN_PREFIX");
  });

  it("accepts every listed prefix with any 8 following digits (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHINA_MOBILE_PREFIXES),
        fc.stringMatching(/^\d{8}$/),
        (prefix, rest) => {
          const e164 = `+86${prefix}${rest}`;
          expect(normalizeChinaPhone(`${prefix}-${rest.slice(0, 4)}-${rest.slice(4)}`)).toBe(e164);
          expect(normalizeChinaPhone(e164)).toBe(e164);
          expect(normalizeChinaPhone(formatChinaPhone(e164))).toBe(e164);
          expect(normalizeChinaPhone(formatChinaPhone(e164, { international: true }))).toBe(e164);
        },
      ),
    );
  });

  it("lists each prefix once, as three digits starting with 1", () => {
    expect(new Set(CHINA_MOBILE_PREFIXES).size).toBe(CHINA_MOBILE_PREFIXES.length);
    for (const prefix of CHINA_MOBILE_PREFIXES) expect(prefix).toMatch(/^1\d\d$/);
  });
});

describe("normalizeChinaPhone: landlines", () => {
  it.each([
    ["010-12345678", "+861012345678"], // Beijing: area code 10, 8-digit local number
    ["(010) 1234 5678", "+861012345678"],
    ["+86 10 1234 5678", "+861012345678"],
    ["+86 (0)10 12345678", "+861012345678"],
    ["0086 10 12345678", "+861012345678"],
    ["861012345678", "+861012345678"],
    ["022-23456789", "+862223456789"], // Tianjin
    ["021-62345678", "+862162345678"], // Shanghai
    ["020 8123 4567", "+862081234567"], // Guangzhou
    ["0312-1234567", "+863121234567"], // Baoding, 7-digit local number
    ["0312-12345678", "+8631212345678"], // Baoding, 8-digit local number
    ["０３１２－１２３４５６７", "+863121234567"],
    ["+86 312 1234567", "+863121234567"],
    ["0951-5123456", "+869515123456"],
  ])("%j → %s", (input, e164) => {
    expect(normalizeChinaPhone(input)).toBe(e164);
  });

  it.each<[string, PhoneErrorCode]>([
    ["010-1234567", "PHONE_WRONG_LENGTH"], // Beijing locals have 8 digits
    ["010-123456789", "PHONE_WRONG_LENGTH"],
    ["021-1234567", "PHONE_WRONG_LENGTH"],
    ["0312-123456", "PHONE_WRONG_LENGTH"],
    ["0312-123456789", "PHONE_WRONG_LENGTH"],
    ["010-02345678", "PHONE_UNKNOWN_PREFIX"], // a local number never starts with 0
    ["0312-0123456", "PHONE_UNKNOWN_PREFIX"],
    ["026-12345678", "PHONE_UNKNOWN_PREFIX"], // 026 is not in use
    ["011-12345678", "PHONE_UNKNOWN_PREFIX"], // 01x other than 010 does not exist
    ["00-12345678", "PHONE_NOT_MAINLAND_CHINA"],
    ["22345678", "PHONE_MISSING_AREA_CODE"],
    ["12345678", "PHONE_WRONG_LENGTH"], // starts like a mobile, which has 11 digits
    ["62345678", "PHONE_MISSING_AREA_CODE"],
  ])("refuses %j with %s", (input, code) => {
    expect(codeOf(() => normalizeChinaPhone(input))).toBe(code);
  });
});

describe("normalizeChinaPhone: rejections", () => {
  it.each<[string, PhoneErrorCode]>([
    ["", "PHONE_EMPTY"],
    ["   ", "PHONE_EMPTY"],
    ["--", "PHONE_EMPTY"],
    ["+", "PHONE_EMPTY"],
    ["138-1234-567a", "PHONE_INVALID_CHARACTERS"],
    ["138 1234 5678 ext 12", "PHONE_INVALID_CHARACTERS"],
    ["138/1234/5678", "PHONE_INVALID_CHARACTERS"],
    ["13812345678+", "PHONE_INVALID_CHARACTERS"],
    ["+86 +138 1234 5678", "PHONE_INVALID_CHARACTERS"],
    ["+852 9123 4567", "PHONE_NOT_MAINLAND_CHINA"], // Hong Kong
    ["001 212 555 0100", "PHONE_NOT_MAINLAND_CHINA"],
    ["1381234567", "PHONE_WRONG_LENGTH"], // 10 digits
    ["138123456789", "PHONE_WRONG_LENGTH"], // 12 digits
    ["+86 138 1234 567", "PHONE_WRONG_LENGTH"],
    ["+86", "PHONE_UNKNOWN_PREFIX"],
    ["11012345678", "PHONE_UNKNOWN_PREFIX"],
  ])("refuses %j with %s", (input, code) => {
    expect(codeOf(() => normalizeChinaPhone(input))).toBe(code);
  });

  it("quotes the input in the message", () => {
    expect(() => normalizeChinaPhone("138-1234-567a")).toThrow(/"138-1234-567a"/);
    expect(() => normalizeChinaPhone("12012345678")).toThrow(/"12012345678".*120/);
  });

  it("refuses a value that is not text", () => {
    expect(codeOf(() => normalizeChinaPhone(13812345678 as unknown as string))).toBe("PHONE_EMPTY");
  });
});

describe("parseChinaPhone", () => {
  it("describes mobiles and landlines", () => {
    expect(parseChinaPhone("138 1234 5678")).toEqual({
      e164: "+8613812345678",
      kind: "mobile",
      areaCode: null,
      subscriberNumber: "13812345678",
    });
    expect(parseChinaPhone("0312-1234567")).toEqual({
      e164: "+863121234567",
      kind: "landline",
      areaCode: "0312",
      subscriberNumber: "1234567",
    });
    expect(parseChinaPhone("010-12345678").areaCode).toBe("010");
  });
});

describe("formatChinaPhone", () => {
  it.each([
    ["+8613812345678", "138 1234 5678", "+86 138 1234 5678"],
    ["+861012345678", "010-12345678", "+86 10 12345678"],
    ["+863121234567", "0312-1234567", "+86 312 1234567"],
    ["0312-12345678", "0312-12345678", "+86 312 12345678"],
  ])("%s → %j / %j", (input, national, international) => {
    expect(formatChinaPhone(input)).toBe(national);
    expect(formatChinaPhone(input, { international: true })).toBe(international);
  });

  it("refuses an invalid number", () => {
    expect(codeOf(() => formatChinaPhone("+86123"))).toBe("PHONE_WRONG_LENGTH");
    expect(codeOf(() => formatChinaPhone("+86 154 1234 5678"))).toBe("PHONE_UNKNOWN_PREFIX");
  });
});
