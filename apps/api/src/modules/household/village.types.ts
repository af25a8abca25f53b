import { Field, ID, ObjectType } from "type-graphql";

/** A mountain village whose households sell through the market. */
@ObjectType("Village", { simpleResolvers: true })
export class VillageType {
  @Field(() => ID)
  id: string;

  @Field()
  nameZh: string;

  @Field()
  nameEn: string;

  @Field({ description: "Township (乡/镇), e.g. 坡仓乡." })
  township: string;

  @Field()
  county: string;

  @Field()
  province: string;
}
