import { Field, ID, ObjectType } from "type-graphql";
import { LocalDateScalar } from "../../graphql/scalars";
import { VillageType } from "./village.types";

/** A producer group (生产小组) on the admin side: its names, founding day and village. */
@ObjectType("ProducerGroup")
export class ProducerGroupType {
  @Field(() => ID)
  id: string;

  @Field({ description: "Chinese name, e.g. 桑岗生产小组." })
  nameZh: string;

  @Field({ description: "English name." })
  nameEn: string;

  @Field(() => LocalDateScalar, { description: "Business day the group was founded." })
  foundedOn: string;

  @Field(() => ID)
  villageId: string;

  @Field(() => VillageType, { description: "The village whose households form the group." })
  village?: VillageType;
}
