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
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function shown(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/**
 * The fields an audit-log entry changed, from its `before` and `after` JSON (rows as stored):
 * each top-level key whose value differs, sorted by name, nested values compared as JSON text.
 * An entry with only `after` (a creation, or a READ_SENSITIVE naming the fields read) lists every
 * key of `after`. Unreadable JSON yields no changes (the page then shows the raw text).
 */
export function auditChanges(
  before: string | null | undefined,
  after: string | null | undefined,
): FieldChange[] {
  const old = parseObject(before) ?? {};
  const now = parseObject(after) ?? {};
  const keys = [...new Set([...Object.keys(old), ...Object.keys(now)])].sort();
  return keys
    .map((field) => ({ field, before: shown(old[field]), after: shown(now[field]) }))
    .filter((c) => c.before !== c.after);
}
