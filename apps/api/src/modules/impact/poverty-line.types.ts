import { POVERTY_LINES } from "@nested/domain";
import { Field, Int, ObjectType } from "type-graphql";

/** One year's official rural poverty line, with how firm the figure is and its source. */
@ObjectType("PovertyLine", {
  description: "Official rural poverty line by year (shared/reference/poverty-lines.csv).",
})
export class PovertyLineType {
  @Field(() => Int)
  year: number;

  @Field(() => Int, {
    description: "Yuan per person per year of per-capita net income (人均纯收入).",
  })
  yuanPerPersonPerYear: number;

  @Field({ description: "e.g. published, or unconfirmed (provisional)." })
  status: string;

  @Field()
  source: string;
}

/**
 * Every year with an official rural poverty line (POVERTY_LINES of @nested/domain, from
 * shared/reference/poverty-lines.csv), oldest first, as GraphQL objects; no year is guessed.
 */
export function povertyLineList(): PovertyLineType[] {
  return POVERTY_LINES.map((line) => Object.assign(new PovertyLineType(), line));
}
