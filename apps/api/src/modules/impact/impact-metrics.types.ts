import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from "class-validator";
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { ImpactMetric, METRICS } from "./impact-metrics.catalogue";
import { ImpactDimension } from "./impact-metrics.query";

registerEnumType(ImpactMetric, {
  name: "ImpactMetric",
  description: "An impact metric: definition, unit and source are on each value.",
  valuesConfig: Object.fromEntries(
    Object.entries(METRICS).map(([name, metric]) => [name, { description: metric.description }]),
  ),
});

registerEnumType(ImpactDimension, {
  name: "ImpactDimension",
  description:
    "What cells can be grouped by. A dimension a metric does not have comes back null in every cell.",
  valuesConfig: {
    YEAR: { description: "Calendar year, Asia/Shanghai." },
    MONTH: { description: "Calendar month 1–12, Asia/Shanghai." },
    VILLAGE: { description: "The household's village (consumers: the producer group's village)." },
    HEAD_SEX: { description: "Sex of the household head: F or M." },
    AGE_BAND: {
      description:
        "Age band of the household head in the period's year (from the head's birth year; the recorded band where it is unknown), e.g. 50_59.",
    },
    REGISTERED_POOR: {
      description:
        "Registered poor (建档立卡) in the period's year or not: that year's poverty status is registered, exited, monitored or returned (the household's registration flag where the year has no record).",
    },
    PRODUCT_CATEGORY: { description: "Product category, e.g. EGGS, NUTS." },
  },
});

/** Filters of {@link ImpactMetricsInput}; absent = everything. */
@InputType("ImpactFilter")
export class ImpactFilterInput {
  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  @Min(2000, { each: true })
  @Max(2100, { each: true })
  years?: number[] | null;

  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(12, { each: true })
  months?: number[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID("all", { each: true })
  villageIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsIn(["F", "M"], { each: true })
  headSexes?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  ageBands?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  registeredPoor?: boolean | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  productCategories?: string[] | null;
}

/** A metric query: metrics × the grouped dimensions, over the filtered rows. */
@InputType("ImpactMetricsInput")
export class ImpactMetricsInput {
  @Field(() => [ImpactMetric])
  @ArrayMaxSize(20)
  metrics: ImpactMetric[];

  @Field(() => [ImpactDimension], {
    defaultValue: [],
    description: "Dimensions to group by; none gives one total cell per metric.",
  })
  @ArrayMaxSize(7)
  groupBy: ImpactDimension[];

  @Field(() => ImpactFilterInput, { nullable: true })
  @IsOptional()
  filter?: ImpactFilterInput | null;
}

/**
 * One aggregate cell: a metric's value for one combination of the grouped dimensions (the
 * others are null). Never describes a single household: cells under the threshold are withheld.
 */
@ObjectType("ImpactCell", {
  description:
    "A metric's value for one combination of the grouped dimensions; ungrouped dimensions are null.",
})
export class ImpactCellType {
  @Field(() => ImpactMetric)
  metric: ImpactMetric;

  @Field(() => Int, { nullable: true })
  year: number | null;

  @Field(() => Int, { nullable: true })
  month: number | null;

  @Field(() => ID, { nullable: true })
  villageId: string | null;

  @Field(() => String, { nullable: true, description: "In the caller's language." })
  villageName: string | null;

  @Field(() => String, { nullable: true })
  headSex: string | null;

  @Field(() => String, { nullable: true })
  ageBand: string | null;

  @Field(() => Boolean, { nullable: true })
  registeredPoor: boolean | null;

  @Field(() => String, { nullable: true })
  productCategory: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "The value in the metric's unit, always a whole number; null when suppressed or undefined (a ratio over nothing).",
  })
  value: number | null;

  @Field({
    description:
      "True when withheld: drawn from fewer households than the threshold, or hidden so that it cannot be worked out from a total.",
  })
  suppressed: boolean;

  @Field(() => Int, {
    nullable: true,
    description: "Distinct households the value is drawn from; null when suppressed.",
  })
  householdCount: number | null;
}

/** The answer of a metric query. */
@ObjectType("ImpactTable")
export class ImpactTableType {
  @Field(() => Int, {
    nullable: true,
    description:
      "Cells drawn from fewer households than this are suppressed; null when unsuppressed.",
  })
  suppressionK: number | null;

  @Field(() => [ImpactCellType])
  cells: ImpactCellType[];
}
