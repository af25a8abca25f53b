import type { OrderState } from "@nested/domain";
import { createUnionType, Field, ID, Int, ObjectType } from "type-graphql";
import { NotFoundError } from "../../graphql/error-result";
import { resolveAs } from "../../graphql/type-helpers";
import { OrderStateEnum } from "../order/order.types";

/** One line of an order to pack: product and variant names and units. */
@ObjectType("PackingLine", { simpleResolvers: true })
export class PackingLineType {
  @Field(() => ID)
  variantId: string;

  @Field()
  productNameZh: string;

  @Field()
  productNameEn: string;

  @Field()
  variantNameZh: string;

  @Field()
  variantNameEn: string;

  @Field(() => Int, { description: "Units accepted (before the checks: allocated)." })
  units: number;
}

/** Units of one variant for a pickup point. */
@ObjectType("PackingTotal", { simpleResolvers: true })
export class PackingTotalType extends PackingLineType {}

/** One order to pack and hand over. */
@ObjectType("PackingOrder", { simpleResolvers: true })
export class PackingOrderType {
  @Field(() => ID)
  orderId: string;

  @Field({ description: "First 8 characters of the order id, upper case." })
  shortCode: string;

  @Field(() => OrderStateEnum, {
    description:
      "The order's state now (READY before delivery; DELIVERED, PICKED_UP, NO_SHOW after).",
  })
  state: OrderState;

  @Field({ description: "The consumer household's display name. Personal data: staff only." })
  consumerName: string;

  @Field(() => String, { nullable: true, description: "Phone for the pickup call. Staff only." })
  phone: string | null;

  @Field(() => [PackingLineType])
  lines: PackingLineType[];
}

/** Everything going to one pickup point. */
@ObjectType("PackingPoint", { simpleResolvers: true })
export class PackingPointType {
  @Field(() => ID)
  pickupPointId: string;

  @Field()
  nameZh: string;

  @Field()
  nameEn: string;

  @Field()
  address: string;

  @Field(() => [PackingOrderType])
  orders: PackingOrderType[];

  @Field(() => [PackingTotalType])
  totals: PackingTotalType[];
}

/** A cycle's packing list per pickup point. */
@ObjectType("PackingList")
export class PackingListType {
  @Field(() => ID)
  orderCycleId: string;

  @Field()
  orderCycleCode: string;

  @Field(() => [PackingPointType])
  pickupPoints: PackingPointType[];
}

/** The answer to packingList. */
export const PackingListResult = createUnionType({
  name: "PackingListResult",
  types: () => [PackingListType, NotFoundError] as const,
  resolveType: resolveAs("PackingList"),
});
