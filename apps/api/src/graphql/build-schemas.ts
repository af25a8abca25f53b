import { BackgroundJobAdminResolver } from "../modules/jobs/background-job.admin-resolver";
import type { GraphQLSchema } from "graphql";
import { buildSchema, type NonEmptyArray } from "type-graphql";
import {
  CatalogAdminResolver,
  VariantAdminResolver,
} from "../modules/catalog/catalog.admin-resolver";
import { CatalogShopResolver, VariantShopResolver } from "../modules/catalog/catalog.shop-resolver";
import { CycleAdminResolver } from "../modules/cycle/cycle.admin-resolver";
import { CycleReportAdminResolver } from "../modules/cycle/cycle-report.admin-resolver";
import { CycleShopResolver } from "../modules/cycle/cycle.shop-resolver";
import { SupplyAdminResolver } from "../modules/cycle/supply.admin-resolver";
import { OfferShopResolver } from "../modules/cycle/offer.shop-resolver";
import { ConsumerShopResolver } from "../modules/consumer/consumer.shop-resolver";
import { PickupPointAdminResolver } from "../modules/consumer/pickup-point.admin-resolver";
import { PickupPointShopResolver } from "../modules/consumer/pickup-point.shop-resolver";
import { FeedbackShopResolver } from "../modules/feedback/feedback.shop-resolver";
import { AuditAdminResolver } from "../modules/audit/audit.admin-resolver";
import { HouseholdAdminResolver } from "../modules/household/household.admin-resolver";
import { HouseholdRegisterAdminResolver } from "../modules/household/household-register.admin-resolver";
import { ProducerGroupAdminResolver } from "../modules/household/producer-group.admin-resolver";
import { VillageShopResolver } from "../modules/household/village.shop-resolver";
import { AllocationAdminResolver } from "../modules/intake/allocation.admin-resolver";
import { IntakeAdminResolver } from "../modules/intake/intake.admin-resolver";
import { IdentityAdminResolver } from "../modules/identity/identity.admin-resolver";
import { UserAdminResolver } from "../modules/identity/user.admin-resolver";
import { IdentityShopResolver } from "../modules/identity/identity.shop-resolver";
import { ImpactShopResolver } from "../modules/impact/impact.shop-resolver";
import { ImpactMetricsAdminResolver } from "../modules/impact/impact-metrics.admin-resolver";
import { ImpactMetricsPartnerResolver } from "../modules/impact/impact-metrics.partner-resolver";
import { PovertyLineAdminResolver } from "../modules/impact/poverty-line.admin-resolver";
import { PovertyLinePartnerResolver } from "../modules/impact/poverty-line.partner-resolver";
import { OrderAdminResolver } from "../modules/order/order.admin-resolver";
import {
  AdjustmentShopResolver,
  OrderLineShopResolver,
  OrderShopResolver,
} from "../modules/order/order.shop-resolver";
import { PartnerAdminResolver } from "../modules/partner/partner.admin-resolver";
import { PartnerPartnerResolver } from "../modules/partner/partner.partner-resolver";
import { FeeRuleAdminResolver } from "../modules/settlement/fee-rule.admin-resolver";
import { SettlementAdminResolver } from "../modules/settlement/settlement.admin-resolver";
import { TrustEventAdminResolver } from "../modules/trust/trust-event.admin-resolver";
import { VisitShopResolver, VisitSignUpShopResolver } from "../modules/trust/visit.shop-resolver";
import { authChecker, describePermissions } from "./permissions";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ResolverList = NonEmptyArray<Function>;

/**
 * The resolvers of each API. The lists are disjoint, so an admin field cannot reach the shop
 * schema by accident; a test checks that no class appears in two lists.
 */
export const RESOLVERS = {
  shop: [
    IdentityShopResolver,
    CatalogShopResolver,
    VillageShopResolver,
    PickupPointShopResolver,
    OrderShopResolver,
    OrderLineShopResolver,
    AdjustmentShopResolver,
    VariantShopResolver,
    CycleShopResolver,
    OfferShopResolver,
    ConsumerShopResolver,
    FeedbackShopResolver,
    VisitShopResolver,
    VisitSignUpShopResolver,
    ImpactShopResolver,
  ] as ResolverList,
  admin: [
    IdentityAdminResolver,
    HouseholdAdminResolver,
    HouseholdRegisterAdminResolver,
    ProducerGroupAdminResolver,
    AuditAdminResolver,
    CatalogAdminResolver,
    VariantAdminResolver,
    PickupPointAdminResolver,
    PartnerAdminResolver,
    CycleAdminResolver,
    SupplyAdminResolver,
    CycleReportAdminResolver,
    OrderAdminResolver,
    SettlementAdminResolver,
    FeeRuleAdminResolver,
    TrustEventAdminResolver,
    UserAdminResolver,
    IntakeAdminResolver,
    AllocationAdminResolver,
    ImpactMetricsAdminResolver,
    BackgroundJobAdminResolver,
    PovertyLineAdminResolver,
  ] as ResolverList,
  partner: [
    PartnerPartnerResolver,
    PovertyLinePartnerResolver,
    ImpactMetricsPartnerResolver,
  ] as ResolverList,
};

/**
 * Builds one API's schema from its resolver list (type-graphql, class-validator on inputs), each
 * permission-guarded operation's description saying which permission it needs.
 */
export async function buildApiSchema(api: keyof typeof RESOLVERS): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS[api],
    authChecker,
    authMode: "error",
    validate: { forbidUnknownValues: false },
  });
  return describePermissions(schema, RESOLVERS[api]);
}
