import { createUnionType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { ErrorResult, InvalidInputError, NotFoundError } from "../../graphql/error-result";
import { MoneyScalar } from "../../graphql/scalars";
import { SaleUnitEnum } from "../catalog/catalog.types";
import type { SaleUnit } from "../catalog/variant.entity";

/** The product and variant names and unit shared by the cycle's admin rows. */
@ObjectType()
export abstract class VariantNamed {
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

  @Field(() => SaleUnitEnum)
  unit: SaleUnit;
}

/** A household's supply declaration (报货) of one variant in one cycle. */
@ObjectType("SupplyDeclaration", { simpleResolvers: true })
export class SupplyDeclarationType extends VariantNamed {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  orderCycleId: string;

  @Field(() => ID)
  householdId: string;

  @Field({ description: "The household's pseudonymous code, e.g. SG-017." })
  householdCode: string;

  @Field(() => Int, { description: "Units of the variant declared." })
  quantity: number;

  @Field()
  declaredAt: Date;

  @Field(() => ID, { nullable: true, description: "Staff member who wrote it down." })
  recordedByUserId: string | null;
}

/** One line of a field worker's list: a household, a variant and the units it declares. */
@InputType()
export class SupplyDeclarationEntry {
  @Field(() => ID)
  householdId: string;

  @Field(() => ID)
  variantId: string;

  @Field(() => Int, { description: "Units declared; 0 removes the declaration." })
  quantity: number;
}

/** The declarations of a cycle after a recorded list. */
@ObjectType("SupplyDeclarationsRecorded", { simpleResolvers: true })
export class SupplyDeclarationsRecorded {
  @Field(() => Int, { description: "Declarations written (new or changed)." })
  saved: number;

  @Field(() => Int, { description: "Declarations removed (quantity 0)." })
  removed: number;

  @Field(() => [SupplyDeclarationType], { description: "All declarations of the cycle now." })
  declarations: SupplyDeclarationType[];
}

/** The answer to recording declarations: all of them were stored, or none. */
export const SupplyDeclarationsResult = createUnionType({
  name: "SupplyDeclarationsResult",
  types: () => [SupplyDeclarationsRecorded, NotFoundError, InvalidInputError] as const,
  resolveType: (value) =>
    value instanceof ErrorResult ? value.constructor.name : "SupplyDeclarationsRecorded",
});

/** An offer to publish: variant, prices in fen, units held back. */
@InputType()
export class OfferPlanInput {
  @Field(() => ID)
  variantId: string;

  @Field(() => MoneyScalar, { description: "Consumer price of one unit." })
  priceFen: number;

  @Field(() => MoneyScalar, { description: "Paid to the household per accepted unit." })
  producerPriceFen: number;

  @Field(() => Int, { description: "Declared units held back against rejections at intake." })
  buffer: number;
}

/** An offer of a cycle as staff see it: stock from declaration to reservation. */
@ObjectType("CycleOffer", { simpleResolvers: true })
export class CycleOfferType extends VariantNamed {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  orderCycleId: string;

  @Field(() => MoneyScalar)
  priceFen: number;

  @Field(() => MoneyScalar)
  producerPriceFen: number;

  @Field(() => Int, { description: "Units declared of the variant in the cycle now." })
  quantityDeclared: number;

  @Field(() => Int)
  buffer: number;

  @Field(() => Int, { description: "Units that may be sold (declared − buffer when published)." })
  quantityTotal: number;

  @Field(() => Int, { description: "Units held by orders." })
  quantityReserved: number;
}

/** The offers of a cycle after publishing. */
@ObjectType("OffersPublished", { simpleResolvers: true })
export class OffersPublished {
  @Field(() => [CycleOfferType])
  offers: CycleOfferType[];
}

/** The answer to publishing offers: all of them were stored, or none. */
export const PublishOffersResult = createUnionType({
  name: "PublishOffersResult",
  types: () => [OffersPublished, NotFoundError, InvalidInputError] as const,
  resolveType: (value) =>
    value instanceof ErrorResult ? value.constructor.name : "OffersPublished",
});
