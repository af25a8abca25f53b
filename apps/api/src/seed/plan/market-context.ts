import type {
  ProductRecord,
  ProductVariantRecord,
  ResourceKind,
  VariantSpec,
  VariantYearPrices,
} from "./catalog";
import type { ConsumerHouseholdRecord } from "./consumers";
import type { HouseholdRecord, MembershipRecord } from "./households";
import type { IncomeBase } from "./incomes";
import type { FeeRuleRecord } from "./trade-types";
import type { ProducerGroupRecord } from "./villages";

/** A variant with its specification and catalogue records. */
export interface CatalogEntry {
  spec: VariantSpec;
  product: ProductRecord;
  variant: ProductVariantRecord;
}

/** Everything the trade simulation of one market needs to know. */
export interface MarketContext {
  key: string;
  group: ProducerGroupRecord;
  /** Year of the group's first cycle. */
  firstYear: number;
  households: ReadonlyMap<string, HouseholdRecord>;
  memberships: readonly MembershipRecord[];
  /** Holdings per household and kind. */
  resources: ReadonlyMap<string, ReadonlyMap<ResourceKind, number>>;
  bases: ReadonlyMap<string, IncomeBase>;
  catalog: readonly CatalogEntry[];
  /** The variant's prices in this market in a year. */
  prices(variantCode: string, year: number): VariantYearPrices;
  /** Consumer households, by `joinedAt`. */
  consumers: readonly ConsumerHouseholdRecord[];
  feeRules: readonly FeeRuleRecord[];
  /** Who checks lots at intake (the field worker, then from 2012 the group's own leader). */
  checkerUserId(year: number): string;
  /** The field worker who records cash and bank payments and consents. */
  fieldWorkerUserId: string;
  /** The finance user who approves settlements. */
  approverUserId: string;
  now: Date;
}

/** Whether a household is an ACTIVE member of the group on a business day. */
export function activeOn(membership: MembershipRecord, date: string): boolean {
  return membership.joinedOn <= date && (membership.leftOn === null || membership.leftOn > date);
}
