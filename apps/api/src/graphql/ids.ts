const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True when `value` is a UUID as PostgreSQL's `uuid` type reads it. Services check ids from the
 * client with it first, so that a malformed id is answered like an unknown one (not-found)
 * instead of failing the query with a cast error.
 */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
