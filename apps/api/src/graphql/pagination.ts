import { Max, Min } from "class-validator";
import { type ClassType, Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

/** The most rows one page may hold; a larger `take` is refused by validation. */
export const MAX_TAKE = 100;

/** Sort direction of a list. */
export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortDirection, { name: "SortDirection" });

/** `{ skip, take }` of every list (DESIGN.md): at most {@link MAX_TAKE} rows a page. */
@InputType()
export class PageInput {
  @Field(() => Int, { defaultValue: 0 })
  @Min(0)
  skip: number = 0;

  @Field(() => Int, { defaultValue: 20, description: `At most ${MAX_TAKE}.` })
  @Min(1)
  @Max(MAX_TAKE)
  take: number = 20;
}

/** A page of `items` and how many there are in all, the shape of every list. */
export interface Page<T> {
  items: T[];
  totalItems: number;
}

/**
 * Builds the GraphQL type `{ items: [T!]!, totalItems: Int! }` for one item type; subclass it
 * with `@ObjectType("HouseholdList")`.
 */
export function PaginatedList<T extends object>(itemType: ClassType<T>) {
  @ObjectType()
  abstract class PaginatedListClass implements Page<T> {
    @Field(() => [itemType])
    items: T[];

    @Field(() => Int)
    totalItems: number;
  }
  return PaginatedListClass;
}
