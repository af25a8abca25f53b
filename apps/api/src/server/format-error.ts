import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { QueryFailedError } from "typeorm";

/**
 * PostgreSQL errors that mean the client sent a value of the wrong form, which reached the
 * database unchecked: 22P02 invalid text representation (e.g. "x" as a uuid), 22021 a byte
 * sequence PostgreSQL cannot store (a NUL character in text), 22001 text too long, 22003 a number
 * out of range, 22007/22008 a malformed or impossible date.
 */
const BAD_INPUT_CODES = new Set(["22P02", "22021", "22001", "22003", "22007", "22008"]);

/** Said for any of {@link BAD_INPUT_CODES}, in both languages (formatError has no locale). */
export const BAD_INPUT_MESSAGE =
  "输入的值格式不正确（例如编号不是有效的 UUID，或文字里有空字符），什么都没有保存。" +
  " A value has the wrong form (for example an id that is not a UUID, or text with a NUL character); nothing was saved.";

/**
 * Apollo's `formatError`: a wrong-form value that the database refused becomes BAD_USER_INPUT
 * with {@link BAD_INPUT_MESSAGE}; in production any other internal fault says only "Internal
 * server error", never the database's own words. Everything else passes through.
 */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    // Checked by shape as well as class: under the test runner TypeORM can be loaded twice.
    if (
      original instanceof QueryFailedError ||
      (original instanceof Error && original.name === "QueryFailedError")
    ) {
      const code = ((original as QueryFailedError).driverError as { code?: string } | undefined)
        ?.code;
      if (code && BAD_INPUT_CODES.has(code)) {
        return {
          message: BAD_INPUT_MESSAGE,
          path: formatted.path,
          extensions: { code: "BAD_USER_INPUT" },
        };
      }
    }
    if (production && formatted.extensions?.code === "INTERNAL_SERVER_ERROR") {
      return {
        message: "Internal server error",
        path: formatted.path,
        extensions: { code: "INTERNAL_SERVER_ERROR" },
      };
    }
    return formatted;
  };
}
