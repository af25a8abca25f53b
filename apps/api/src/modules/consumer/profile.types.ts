import { MaxLength } from "class-validator";
import { createUnionType, Field, ID, InputType, ObjectType } from "type-graphql";
import { InvalidInputError, NotFoundError } from "../../graphql/error-result";
import { PickupPointType } from "./pickup-point.types";

/** The caller's own consumer household, as the caller sees it. Never anyone else's. */
@ObjectType("MyHouseholdProfile", {
  description: "The signed-in caller's own consumer household. No query returns another's.",
})
export class MyHouseholdProfileType {
  @Field({ description: "How the household is addressed, e.g. 王老师家." })
  displayName: string;

  @Field({ description: "The consumer group the household orders with." })
  consumerGroupName: string;

  @Field(() => ID, { description: "The producer group (market) the household buys from." })
  producerGroupId: string;

  @Field(() => PickupPointType, { nullable: true })
  defaultPickupPoint: PickupPointType | null;

  @Field()
  joinedAt: Date;

  @Field({ description: "zh-CN or en." })
  locale: string;
}

/** Changes to the caller's profile; a field left out (or null) stays as it is. */
@InputType()
export class UpdateMyProfileInput {
  @Field(() => String, { nullable: true, description: "1 to 100 characters." })
  @MaxLength(1000)
  displayName?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "A pickup point of the household's own producer group.",
  })
  @MaxLength(100)
  defaultPickupPointId?: string | null;

  @Field(() => String, { nullable: true, description: "zh-CN or en." })
  @MaxLength(100)
  locale?: string | null;
}

/** The profile after the change, or why nothing was changed. */
export const UpdateMyProfileResult = createUnionType({
  name: "UpdateMyProfileResult",
  types: () => [MyHouseholdProfileType, InvalidInputError, NotFoundError] as const,
  // The view class is named …Type; error classes are named as in the schema.
  resolveType: (value) =>
    value instanceof MyHouseholdProfileType ? MyHouseholdProfileType : value.constructor.name,
});
