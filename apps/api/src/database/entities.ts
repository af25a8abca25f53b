import { AuditLogEntry } from "../modules/audit/audit-log-entry.entity";
import { ExportFile } from "../modules/jobs/export-file.entity";
import { Product } from "../modules/catalog/product.entity";
import { ReferencePrice } from "../modules/catalog/reference-price.entity";
import { Variant } from "../modules/catalog/variant.entity";
import { ConsumerGroup } from "../modules/consumer/consumer-group.entity";
import { ConsumerHousehold } from "../modules/consumer/consumer-household.entity";
import { Invitation } from "../modules/consumer/invitation.entity";
import { PickupPoint } from "../modules/consumer/pickup-point.entity";
import { Offer } from "../modules/cycle/offer.entity";
import { OrderCycle } from "../modules/cycle/order-cycle.entity";
import { SupplyDeclaration } from "../modules/cycle/supply-declaration.entity";
import { Feedback } from "../modules/feedback/feedback.entity";
import { ConsentRecord } from "../modules/household/consent-record.entity";
import { HouseholdMember } from "../modules/household/household-member.entity";
import { HouseholdYear } from "../modules/household/household-year.entity";
import { Household } from "../modules/household/household.entity";
import { ProducerGroup } from "../modules/household/producer-group.entity";
import { Village } from "../modules/household/village.entity";
import { Session } from "../modules/identity/session.entity";
import { UserProducerGroup } from "../modules/identity/user-producer-group.entity";
import { User } from "../modules/identity/user.entity";
import { Allocation } from "../modules/intake/allocation.entity";
import { Lot } from "../modules/intake/lot.entity";
import { QualityCheck } from "../modules/intake/quality-check.entity";
import { Adjustment } from "../modules/order/adjustment.entity";
import { OrderLine } from "../modules/order/order-line.entity";
import { Order } from "../modules/order/order.entity";
import { Payment } from "../modules/order/payment.entity";
import { ApiKey } from "../modules/partner/api-key.entity";
import { PartnerOrganisationGroup } from "../modules/partner/partner-organisation-group.entity";
import { PartnerOrganisation } from "../modules/partner/partner-organisation.entity";
import { FeeRule } from "../modules/settlement/fee-rule.entity";
import { SettlementDeduction } from "../modules/settlement/settlement-deduction.entity";
import { Settlement } from "../modules/settlement/settlement.entity";
import { TrustEventAttendance } from "../modules/trust/trust-event-attendance.entity";
import { TrustEventHousehold } from "../modules/trust/trust-event-household.entity";
import { TrustEvent } from "../modules/trust/trust-event.entity";

/** Every TypeORM entity of the model, in one list shared by the data source and the tests. */
export const ENTITIES: Array<new () => object> = [
  // household
  Village,
  ProducerGroup,
  Household,
  HouseholdYear,
  HouseholdMember,
  ConsentRecord,
  // identity and partner
  User,
  UserProducerGroup,
  Session,
  PartnerOrganisation,
  PartnerOrganisationGroup,
  ApiKey,
  // catalog
  Product,
  Variant,
  ReferencePrice,
  // consumer
  PickupPoint,
  ConsumerGroup,
  ConsumerHousehold,
  Invitation,
  // cycle
  OrderCycle,
  SupplyDeclaration,
  Offer,
  // order
  Order,
  OrderLine,
  Payment,
  Adjustment,
  // intake
  Lot,
  Allocation,
  QualityCheck,
  // settlement
  FeeRule,
  Settlement,
  SettlementDeduction,
  // trust and feedback
  TrustEvent,
  TrustEventHousehold,
  TrustEventAttendance,
  Feedback,
  // audit
  AuditLogEntry,
  // background jobs
  ExportFile,
];
