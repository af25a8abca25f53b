import { CHINA_MOBILE_PREFIXES } from "./mobile-prefixes.js";
import { PhoneError } from "./phone-error.js";

/** What kind of number a mainland China phone number is. */
export type ChinaPhoneKind = "mobile" | "landline";

/** A validated mainland China phone number, as returned by {@link parseChinaPhone}. */
export interface ChinaPhone {
  /** E.164 form: `+86` and the national number, digits only, e.g. `"+8613812345678"`. */
  readonly e164: string;
  /** Mobile (1xx, 11 digits) or landline (area code + local number). */
  readonly kind: ChinaPhoneKind;
  /** Landline area code as dialled inside China, with the trunk 0 (`"010"`, `"0312"`); `null` for mobiles. */
  readonly areaCode: string | null;
  /** The mobile number (11 digits) or the landline's local number (7 or 8 digits). */
  readonly subscriberNumber: string;
}

/** Full-width and typographic characters mapped to the ASCII ones the parser works on. */
function toAscii(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\uFF0B/g, "+")
    .replace(/\uFF08/g, "(")
    .replace(/\uFF09/g, ")")
    .replace(/[\uFF0D\u2010-\u2015\u2212]/g, "-")
    .replace(/[\uFF0E\u3002]/g, ".");
}

/** Separators people put between digit groups (after {@link toAscii}); all are dropped. */
const SEPARATORS = /[\s\-.()]/g;

const MOBILE_PREFIX_SET: ReadonlySet<string> = new Set(CHINA_MOBILE_PREFIXES);

/**
 * Reads a mainland China phone number written in any usual way and validates it.
 *
 * Accepted forms (spaces, dashes, dots and parentheses anywhere; full-width digits, ＋, （）, －
 * and the ideographic space too):
 * - mobile: `"13812345678"`, `"138-1234-5678"`, `"+86 138 1234 5678"`, `"0086-138-1234-5678"`,
 *   `"86 13812345678"`, `"１３８１２３４５６７８"`, and `"013812345678"` (the old habit of dialling 0
 *   before a mobile from another city). Prefixes: {@link CHINA_MOBILE_PREFIXES}.
 * - landline with area code: `"010-12345678"` (Beijing, area code 010, 8-digit local number),
 *   `"022-…"`, `"021-…"` (area codes 010 and 020–029 except 026 have 8-digit local numbers),
 *   `"0312-1234567"` / `"0312-12345678"` (4-digit area codes 0300–0999 have 7- or 8-digit local
 *   numbers; 4-digit codes are checked by shape only, not against the full list of cities),
 *   `"+86 10 1234 5678"` and `"+86 (0)10 1234 5678"`.
 * - a leading `86` without `+` is read as the country code (no domestic number starts with 8
 *   once the area code is written).
 *
 * A local number may not start with 0 (the trunk prefix). Local numbers starting with 1 are
 * accepted: the project's own examples use them (`"010-12345678"`), although real subscriber
 * numbers start with 2–9.
 *
 * @param input - the number as typed.
 * @returns the validated number; see {@link ChinaPhone}.
 * @throws PhoneError `PHONE_EMPTY`, `PHONE_INVALID_CHARACTERS`, `PHONE_NOT_MAINLAND_CHINA`,
 *   `PHONE_MISSING_AREA_CODE`, `PHONE_WRONG_LENGTH`, `PHONE_UNKNOWN_PREFIX`; the message quotes
 *   the input.
 */
export function parseChinaPhone(input: string): ChinaPhone {
  const quoted = JSON.stringify(input);
  if (typeof input !== "string") {
    throw new PhoneError("PHONE_EMPTY", `Expected a phone number as text, got ${String(input)}.`);
  }
  const text = toAscii(input).trim();
  if (text === "") {
    throw new PhoneError("PHONE_EMPTY", `The phone number ${quoted} is empty.`);
  }
  const stray = /[^\d+\s\-.()]/.exec(text);
  if (stray !== null) {
    throw new PhoneError(
      "PHONE_INVALID_CHARACTERS",
      `The phone number ${quoted} contains ${JSON.stringify(stray[0])}; only digits, a leading +, ` +
        `spaces, dashes, dots and parentheses are allowed.`,
    );
  }
  if (text.lastIndexOf("+") > 0) {
    throw new PhoneError(
      "PHONE_INVALID_CHARACTERS",
      `The phone number ${quoted} has a "+" that is not at the start.`,
    );
  }
  const digits = text.replace(SEPARATORS, "").replace(/^\+/, "");
  if (digits === "") {
    throw new PhoneError("PHONE_EMPTY", `The phone number ${quoted} has no digits.`);
  }

  let national: string;
  if (text.startsWith("+") || digits.startsWith("00")) {
    const afterPrefix = text.startsWith("+") ? digits : digits.slice(2);
    if (!afterPrefix.startsWith("86")) {
      throw new PhoneError(
        "PHONE_NOT_MAINLAND_CHINA",
        `The phone number ${quoted} is not a mainland China number (country code 86).`,
      );
    }
    national = stripTrunkZero(afterPrefix.slice(2));
  } else if (digits.startsWith("86")) {
    national = stripTrunkZero(digits.slice(2));
  } else if (digits.startsWith("0")) {
    national = digits.slice(1);
    if (national.startsWith("1") && !national.startsWith("10") && national.length !== 11) {
      throw new PhoneError(
        "PHONE_UNKNOWN_PREFIX",
        `The phone number ${quoted} starts with 0${national.slice(0, 2)}, which is not an area code.`,
      );
    }
  } else if (digits.startsWith("1")) {
    national = digits;
  } else {
    throw new PhoneError(
      "PHONE_MISSING_AREA_CODE",
      `The phone number ${quoted} looks like a local landline number; write it with its area ` +
        `code, e.g. 010-12345678.`,
    );
  }
  return classify(national, quoted);
}

/** After a country code some people keep the trunk 0 ("+86 (0)10 …"): drop one. */
function stripTrunkZero(national: string): string {
  return national.startsWith("0") ? national.slice(1) : national;
}

/** Validates the national significant number (without trunk 0 or country code). */
function classify(national: string, quoted: string): ChinaPhone {
  if (national.startsWith("1") && !national.startsWith("10")) {
    return mobile(national, quoted);
  }
  let areaLength: number;
  let localLengths: readonly number[];
  if (national.startsWith("10") || national.startsWith("2")) {
    areaLength = 2;
    localLengths = [8];
  } else if (/^[3-9]/.test(national)) {
    areaLength = 3;
    localLengths = [7, 8];
  } else {
    throw new PhoneError(
      "PHONE_UNKNOWN_PREFIX",
      `The phone number ${quoted} does not start like a mainland China mobile or area code.`,
    );
  }
  const area = national.slice(0, areaLength);
  const local = national.slice(areaLength);
  if (area === "26") {
    throw new PhoneError(
      "PHONE_UNKNOWN_PREFIX",
      `The phone number ${quoted} has the area code 026, which is not in use.`,
    );
  }
  if (!localLengths.includes(local.length)) {
    throw new PhoneError(
      "PHONE_WRONG_LENGTH",
      `The phone number ${quoted} has a ${local.length}-digit local number after area code ` +
        `0${area}; expected ${localLengths.join(" or ")} digits.`,
    );
  }
  if (local.startsWith("0")) {
    throw new PhoneError(
      "PHONE_UNKNOWN_PREFIX",
      `The phone number ${quoted} has a local number starting with 0 after area code 0${area}.`,
    );
  }
  return {
    e164: `+86${national}`,
    kind: "landline",
    areaCode: `0${area}`,
    subscriberNumber: local,
  };
}

/** Validates an 11-digit mobile number. */
function mobile(national: string, quoted: string): ChinaPhone {
  if (national.length !== 11) {
    throw new PhoneError(
      "PHONE_WRONG_LENGTH",
      `The mobile number ${quoted} has ${national.length} digits; mainland mobile numbers have 11.`,
    );
  }
  const prefix = national.slice(0, 3);
  if (!MOBILE_PREFIX_SET.has(prefix)) {
    throw new PhoneError(
      "PHONE_UNKNOWN_PREFIX",
      `The mobile number ${quoted} starts with ${prefix}, which is not a mainland mobile phone prefix.`,
    );
  }
  return { e164: `+86${national}`, kind: "mobile", areaCode: null, subscriberNumber: national };
}

/**
 * Normalises a mainland China phone number to E.164: `"138-1234-5678"` → `"+8613812345678"`,
 * `"010-12345678"` → `"+861012345678"`, `"0312-1234567"` → `"+863121234567"`.
 * Idempotent: an E.164 result normalises to itself.
 *
 * @param input - the number as typed (forms as {@link parseChinaPhone}).
 * @returns the E.164 string (`+86` followed by 10 or 11 digits).
 * @throws PhoneError as {@link parseChinaPhone}.
 */
export function normalizeChinaPhone(input: string): string {
  return parseChinaPhone(input).e164;
}

/** Options of {@link formatChinaPhone}. */
export interface FormatChinaPhoneOptions {
  /** Show the international form (`+86 138 1234 5678`, `+86 10 12345678`). Default `false`. */
  readonly international?: boolean;
}

/**
 * Formats a phone number for display: mobiles in groups 3-4-4 (`"138 1234 5678"`), landlines as
 * area code, dash, local number (`"010-12345678"`, `"0312-1234567"`); with `international`,
 * `"+86 138 1234 5678"` / `"+86 10 12345678"`.
 *
 * @param input - an E.164 number from {@link normalizeChinaPhone}, or any form it accepts.
 * @param options - {@link FormatChinaPhoneOptions}.
 * @returns the display text.
 * @throws PhoneError as {@link parseChinaPhone}.
 */
export function formatChinaPhone(input: string, options: FormatChinaPhoneOptions = {}): string {
  const phone = parseChinaPhone(input);
  const international = options.international === true;
  if (phone.kind === "mobile") {
    const n = phone.subscriberNumber;
    const grouped = `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
    return international ? `+86 ${grouped}` : grouped;
  }
  const area = phone.areaCode ?? "";
  return international
    ? `+86 ${area.slice(1)} ${phone.subscriberNumber}`
    : `${area}-${phone.subscriberNumber}`;
}
