import type { LotState, OrderState, PaymentState, SettlementState } from "@nested/domain";

/** A household's supply declaration (报货) for one variant in one cycle, in units of the variant. */
export interface SupplyDeclarationRecord {
  id: string;
  producerGroupId: string;
  orderCycleId: string;
  householdId: string;
  variantId: string;
  quantity: number;
  declaredAt: Date;
}

/**
 * An offer of one variant in one cycle. Prices are integer fen per unit; `quantityOffered` is the
 * sum of declarations minus a buffer, `quantityReserved` what orders hold (never more).
 */
export interface OfferRecord {
  id: string;
  producerGroupId: string;
  orderCycleId: string;
  variantId: string;
  consumerPriceFen: number;
  producerPriceFen: number;
  /** The township market price of the variant that year, snapshot. */
  referencePriceFen: number;
  quantityOffered: number;
  quantityReserved: number;
  /** Units held back from the declarations (Σ declared − offered). */
  buffer: number;
  createdAt: Date;
}

/** A consumer household's order in one cycle; money in fen. */
export interface OrderRecord {
  id: string;
  producerGroupId: string;
  orderCycleId: string;
  consumerHouseholdId: string;
  pickupPointId: string;
  placedByUserId: string;
  /** Unique per consumer household, as a client would send it. */
  idempotencyKey: string;
  /** `YYYY-MM-KEY-0001`. */
  code: string;
  state: OrderState;
  paymentState: PaymentState;
  /** Σ line totals at placement. */
  totalFen: number;
  /** Σ refund adjustments. */
  refundedFen: number;
  placedAt: Date;
  pickedUpAt: Date | null;
}

/** One line of an order: a snapshot of the variant's name and price, quantities in units. */
export interface OrderLineRecord {
  id: string;
  producerGroupId: string;
  orderId: string;
  offerId: string;
  variantId: string;
  productNameZh: string;
  productNameEn: string;
  variantNameZh: string;
  variantNameEn: string;
  unitPriceFen: number;
  quantity: number;
  /** Units that passed the quality check and reached the consumer (past cycles). */
  quantityDelivered: number;
  lineTotalFen: number;
}

/** A household's lot for one offer: what it was allocated, brought and had accepted, in units. */
export interface LotRecord {
  id: string;
  producerGroupId: string;
  orderCycleId: string;
  householdId: string;
  offerId: string;
  supplyDeclarationId: string;
  variantId: string;
  quantityDeclared: number;
  quantityAllocated: number;
  quantityAccepted: number;
  state: LotState;
}

/** Units of an order line served from a lot. */
export interface AllocationRecord {
  id: string;
  producerGroupId: string;
  orderLineId: string;
  lotId: string;
  quantity: number;
  quantityAccepted: number;
  /** The lot's place in the pro-poor order of the offer (1 = served first). */
  rank: number;
  reason: string;
}

/** Why a quality check rejected units (taihang-facts.md: eggs candled; stale or doubtful handed back). */
export type RejectionReason = "STALE" | "CRACKED" | "UNDERWEIGHT" | "NOT_OWN_PRODUCE" | "PACKAGING";

/** The intake check of a lot at the group leader's house. */
export interface QualityCheckRecord {
  id: string;
  producerGroupId: string;
  lotId: string;
  checkedByUserId: string;
  checkedAt: Date;
  quantityReceived: number;
  quantityAccepted: number;
  outcome: "ACCEPTED" | "PARTIAL" | "REJECTED";
  reason: RejectionReason | null;
  noteZh: string | null;
}

/** How money moved: WeChat Pay mostly, some cash and bank transfer. */
export type PaymentMethod = "WECHAT_PAY" | "CASH" | "BANK_TRANSFER";

/** A consumer's payment for an order, fen. */
export interface PaymentRecord {
  id: string;
  producerGroupId: string;
  orderId: string;
  method: PaymentMethod;
  amountFen: number;
  paidAt: Date;
  reference: string | null;
  /** Who recorded it: the consumer's own user for WeChat Pay, the field worker for cash and bank. */
  recordedByUserId: string;
}

/** A refund on an order line for units rejected at intake, fen (positive = owed to the consumer). */
export interface OrderAdjustmentRecord {
  id: string;
  producerGroupId: string;
  orderId: string;
  orderLineId: string;
  /** The intake check that rejected the units. */
  qualityCheckId: string | null;
  kind: "REFUND";
  reason: RejectionReason;
  quantity: number;
  amountFen: number;
  createdAt: Date;
}

/** A deduction agreed with the producer group, in basis points of a settlement's gross. */
export interface FeeRuleRecord {
  id: string;
  producerGroupId: string;
  kind: "TRANSPORT" | "PACKAGING" | "GROUP_FUND";
  basis: "PERCENT_OF_GROSS";
  rateBasisPoints: number;
  validFrom: string;
  validTo: string | null;
  descriptionZh: string;
}

/**
 * A household's settlement for one cycle, fen: `grossFen` = Σ accepted units × producer price;
 * each fee = ⌊gross × rate ÷ 10 000⌋; `netFen` = gross − deductions, paid out by `payoutMethod`.
 */
export interface SettlementRecord {
  id: string;
  producerGroupId: string;
  orderCycleId: string;
  householdId: string;
  state: SettlementState;
  grossFen: number;
  transportFeeFen: number;
  packagingFeeFen: number;
  groupFundFeeFen: number;
  deductionsFen: number;
  /** Corrections after the fact; 0 in the demo. net = gross − deductions + adjustments. */
  adjustmentsFen: number;
  netFen: number;
  payoutMethod: PaymentMethod;
  payoutReference: string | null;
  calculatedAt: Date;
  approvedAt: Date;
  paidAt: Date;
  acknowledgedAt: Date | null;
  approvedByUserId: string;
}

/** One fee taken from a settlement under a fee rule, fen. */
export interface SettlementDeductionRecord {
  id: string;
  producerGroupId: string;
  settlementId: string;
  feeRuleId: string;
  kind: FeeRuleRecord["kind"];
  amountFen: number;
}
