import { ErrorResult } from "./error-result";

/** A GraphQL enum object (`{ A: "A", B: "B" }`) from a list of string literals. */
export function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

/**
 * A union's `resolveType` for "one success type or an ErrorResult": error results resolve to
 * their class name, anything else to `name`.
 */
export function resolveAs(name: string): (value: unknown) => string {
  return (value: unknown) => (value instanceof ErrorResult ? value.constructor.name : name);
}
