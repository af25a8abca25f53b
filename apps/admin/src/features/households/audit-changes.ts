/** One field an audited change touched, with its value before and after as display text. */
export interface FieldChange {
  field: string;
  /** JSON text of the value before; null when the field was absent. */
  before: string | null;
  /** JSON text of the value after; null when the field was absent. */
  after: string | null;
}

function parseObject(json: string | null | undefined): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return isPlainObject(value) ? value : null;
  } catch {
    return null;
  }
}

function shown(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function changesBetween(
  old: Record<string, unknown>,
  now: Record<string, unknown>,
  prefix: string,
): FieldChange[] {
  const keys = [...new Set([...Object.keys(old), ...Object.keys(now)])].sort();
  return keys.flatMap((key) => {
    const field = prefix + key;
    const [a, b] = [old[key], now[key]];
    if ((isPlainObject(a) || a === undefined) && (isPlainObject(b) || b === undefined))
      return changesBetween(a ?? {}, b ?? {}, `${field}.`);
    const change = { field, before: shown(a), after: shown(b) };
    return change.before === change.after ? [] : [change];
  });
}

/**
 * The fields an audit-log entry changed, from its `before` and `after` JSON (rows as stored):
 * each field whose value differs, by name; nested objects are followed down with dotted names
 * (`livelihoodResources.hens`, `householdYear.perCapitaNetIncomeYuan`), arrays compared as JSON
 * text. An entry with only `after` (a creation, or a READ_SENSITIVE naming the fields read) lists
 * every field of `after`. Unreadable JSON yields no changes.
 */
export function auditChanges(
  before: string | null | undefined,
  after: string | null | undefined,
): FieldChange[] {
  return changesBetween(parseObject(before) ?? {}, parseObject(after) ?? {}, "");
}
