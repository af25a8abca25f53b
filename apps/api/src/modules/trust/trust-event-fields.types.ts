import { Field, ID, Int, ObjectType } from "type-graphql";

/**
 * What every view of a trust event shows, shop and admin alike: who runs it, its titles, when,
 * and how many people may come. `villageId` is resolved to a village by each API's resolver.
 */
@ObjectType()
export abstract class TrustEventFields {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  producerGroupId: string;

  @Field()
  titleZh: string;

  @Field()
  titleEn: string;

  @Field()
  startsAt: Date;

  @Field()
  endsAt: Date;

  @Field(() => Int, { nullable: true, description: "Most people who may come; null = no limit." })
  capacity: number | null;

  villageId: string;
}
