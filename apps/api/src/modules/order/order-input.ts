import type { TFunction } from "i18next";
import { InvalidInputError } from "../../graphql/error-result";
import { InvalidQuantityError } from "./order-results.types";

/** Most lines one order may have (the largest cycle in the trial had about 40 offers). */
export const MAX_ORDER_LINES = 100;

/** Idempotency keys: 8–64 characters a client can make from a UUID or a timestamp. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,64}$/;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` could be a row id; anything else is answered as "not found" without a query. */
export function isUuid(id: string): boolean {
  return UUID_PATTERN.test(id);
}

/** One offer and the whole units wanted of it, after merging lines of the same offer. */
export interface WantedLine {
  offerId: string;
  quantity: number;
}

/** The outcome of {@link mergeLines}: lines sorted by offer id, or the refusal to return. */
export type MergedLines =
  | { ok: true; lines: WantedLine[] }
  | { ok: false; refusal: InvalidInputError | InvalidQuantityError };

/**
 * Checks the lines of placeOrder (`minimum` 1) or changeOrder (`minimum` 0, where 0 removes a
 * line) and merges lines of the same offer by adding their quantities. Each line must reach
 * `minimum` on its own, before merging, so a negative line can never cancel out a positive one.
 * The result is sorted by offer id: the fixed order in which stock rows are locked, so two
 * orders can never wait on each other (no deadlock). Offer ids are lower-cased, as PostgreSQL
 * prints uuids.
 *
 * @returns InvalidInputError for no lines or more than {@link MAX_ORDER_LINES};
 *   InvalidQuantityError (maxPerOrder unknown here: null) for a quantity below `minimum`.
 */
export function mergeLines(
  lines: readonly WantedLine[],
  minimum: 0 | 1,
  t: TFunction,
): MergedLines {
  if (lines.length === 0)
    return { ok: false, refusal: inputRefused(t, "lines", t("order.noLines")) };
  if (lines.length > MAX_ORDER_LINES) {
    const message = t("order.tooManyLines", { max: MAX_ORDER_LINES });
    return { ok: false, refusal: inputRefused(t, "lines", message) };
  }
  const merged = new Map<string, number>();
  for (const line of lines) {
    if (line.quantity < minimum) {
      const key = line.quantity < 0 ? "order.quantityNegative" : "order.quantityNotPositive";
      const message = t(key, { quantity: line.quantity });
      return {
        ok: false,
        refusal: new InvalidQuantityError(message, line.offerId, line.quantity, null),
      };
    }
    const id = line.offerId.toLowerCase();
    merged.set(id, (merged.get(id) ?? 0) + line.quantity);
  }
  const sorted = [...merged.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([offerId, quantity]) => ({ offerId, quantity }));
  return { ok: true, lines: sorted };
}

/** InvalidInputError for a malformed idempotency key, or null when it is well formed. */
export function checkIdempotencyKey(key: string, t: TFunction): InvalidInputError | null {
  if (IDEMPOTENCY_KEY_PATTERN.test(key)) return null;
  return inputRefused(t, "idempotencyKey", t("order.badIdempotencyKey", { min: 8, max: 64 }));
}

/** InvalidInputError with the order module's summary and one field problem. */
export function inputRefused(t: TFunction, field: string, message: string): InvalidInputError {
  return new InvalidInputError(t("order.inputRefused"), [{ field, message }]);
}
