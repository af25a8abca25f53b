/**
 * Control characters (C0, DEL, C1) and the bidirectional overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) that can make a name display as something else. Names and short texts that
 * people see must not contain them.
 */
// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** True when `text` holds a character that {@link UNPRINTABLE} forbids in names. */
export function hasUnprintable(text: string): boolean {
  return UNPRINTABLE.test(text);
}

/**
 * True when `text`, trimmed, is a usable display name: 1 to `max` characters (code points) and
 * nothing unprintable.
 */
export function isDisplayName(text: string | null | undefined, max = 100): boolean {
  const trimmed = text?.trim() ?? "";
  return trimmed.length > 0 && [...trimmed].length <= max && !hasUnprintable(trimmed);
}
