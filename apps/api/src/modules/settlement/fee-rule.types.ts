import {
  createUnionType,
  Field,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from "type-graphql";
import { ErrorResult, InvalidInputError, NotFoundError } from "../../graphql/error-result";
import { LocalDateScalar, MoneyScalar } from "../../graphql/scalars";
import { FEE_BASES, FEE_KINDS, type FeeBasis, type FeeKind } from "./fee-rule.entity";

/** GraphQL enum of fee kinds. */
export const FeeKindEnum = Object.fromEntries(FEE_KINDS.map((k) => [k, k])) as {
  [K in FeeKind]: K;
};
registerEnumType(FeeKindEnum, { name: "FeeKind" });

/** GraphQL enum of fee bases. */
export const FeeBasisEnum = Object.fromEntries(FEE_BASES.map((k) => [k, k])) as {
  [K in FeeBasis]: K;
};
registerEnumType(FeeBasisEnum, {
  name: "FeeBasis",
  description:
    "PERCENT_OF_GROSS: rateBasisPoints of gross; PER_UNIT: perUnitFen per accepted unit.",
});

/** A deduction a producer group agreed on, valid over a range of business days. */
@ObjectType("FeeRule")
export class FeeRuleType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  producerGroupId: string;

  @Field(() => FeeKindEnum)
  kind: FeeKind;

  @Field(() => FeeBasisEnum)
  basis: FeeBasis;

  @Field(() => Int, { description: "Basis points of gross (250 = 2.5 %); 0 for PER_UNIT." })
  rateBasisPoints: number;

  @Field(() => MoneyScalar, { description: "Fen per accepted unit; 0 for PERCENT_OF_GROSS." })
  perUnitFen: number;

  @Field(() => LocalDateScalar)
  validFrom: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Last valid day; null = open." })
  validTo: string | null;
}

/** What createFeeRule needs. */
@InputType()
export class CreateFeeRuleInput {
  @Field(() => ID)
  producerGroupId: string;

  @Field(() => FeeKindEnum)
  kind: FeeKind;

  @Field(() => FeeBasisEnum)
  basis: FeeBasis;

  @Field(() => Int, { nullable: true, description: "PERCENT_OF_GROSS: 1…10000 basis points." })
  rateBasisPoints?: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: "PER_UNIT: 1…10000 fen per unit." })
  perUnitFen?: number | null;

  @Field(() => LocalDateScalar)
  validFrom: string;

  @Field(() => LocalDateScalar, { nullable: true })
  validTo?: string | null;
}

/** A fee rule, or why nothing was saved. */
export const FeeRuleResult = createUnionType({
  name: "FeeRuleResult",
  types: () => [FeeRuleType, NotFoundError, InvalidInputError] as const,
  resolveType: (value: object) =>
    value instanceof ErrorResult ? value.constructor.name : "FeeRule",
});
