import { Field, ID, ObjectType } from "type-graphql";

/** A fixed place in the city where consumer households collect their orders (配送点). */
@ObjectType("PickupPoint", { simpleResolvers: true })
export class PickupPointType {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: "The producer group (market) that delivers here." })
  producerGroupId: string;

  @Field()
  nameZh: string;

  @Field()
  nameEn: string;

  @Field()
  city: string;

  @Field()
  address: string;

  @Field({ description: "When orders can be collected, e.g. 周六 9:00–12:00." })
  pickupHours: string;
}
