import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

function toFen(value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw new GraphQLError(
      `Money is a whole number of fen (1/100 yuan), got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/**
 * `Money`: an amount in integer fen (1 yuan = 100 fen), never a float. ¥16.50 is sent as 1650.
 * Refuses non-integers and anything beyond Number.MAX_SAFE_INTEGER.
 */
export const MoneyScalar = new GraphQLScalarType<number, number>({
  name: "Money",
  description: "An amount of Chinese yuan in integer fen (1 yuan = 100 fen): ¥16.50 is 1650.",
  serialize: toFen,
  parseValue: toFen,
  parseLiteral(ast) {
    if (ast.kind !== Kind.INT)
      throw new GraphQLError("Money is a whole number of fen, e.g. 1650 for ¥16.50");
    return toFen(Number(ast.value));
  },
});

const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function toLocalDate(value: unknown): string {
  if (typeof value !== "string" || !DATE_PATTERN.test(value)) {
    throw new GraphQLError(
      `LocalDate is a calendar day as YYYY-MM-DD, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/**
 * `LocalDate`: a business day in the market's zone, Asia/Shanghai, as "YYYY-MM-DD" (cycle dates,
 * harvest and pickup days). Instants use `DateTimeISO` (UTC) instead.
 */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: "LocalDate",
  description: "A calendar day in the market's time zone (Asia/Shanghai), as YYYY-MM-DD.",
  serialize: toLocalDate,
  parseValue: toLocalDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("LocalDate is a string YYYY-MM-DD");
    return toLocalDate(ast.value);
  },
});
