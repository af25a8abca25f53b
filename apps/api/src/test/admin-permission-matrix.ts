/**
 * The permission matrix of the admin and partner APIs, worked out by hand from ROLE_PERMISSIONS
 * in @nested/domain: `Resolver.operation` → the roles that may call it (anonymous callers never
 * may). Checked against the decorators in schemas.spec.ts and over HTTP in
 * admin-permissions.spec.ts.
 */
export const ADMIN_MATRIX: Readonly<Record<string, readonly string[]>> = {
  "HouseholdAdminResolver.households": ["STAFF", "FINANCE", "ADMIN"],
  "HouseholdAdminResolver.household": ["STAFF", "FINANCE", "ADMIN"],
  "HouseholdRegisterAdminResolver.createHousehold": ["STAFF", "ADMIN"],
  "HouseholdRegisterAdminResolver.updateHousehold": ["STAFF", "ADMIN"],
  "HouseholdRegisterAdminResolver.setHouseholdYear": ["ADMIN"],
  "HouseholdRegisterAdminResolver.recordConsent": ["STAFF", "ADMIN"],
  "HouseholdRegisterAdminResolver.withdrawConsent": ["STAFF", "ADMIN"],
  "HouseholdRegisterAdminResolver.changeMembership": ["STAFF", "ADMIN"],
  "HouseholdRegisterAdminResolver.leaveGroup": ["STAFF", "ADMIN"],
  "HouseholdRegisterAdminResolver.addHouseholdMember": ["ADMIN"],
  "HouseholdRegisterAdminResolver.updateHouseholdMember": ["ADMIN"],
  "AuditAdminResolver.auditLog": ["ADMIN"],
  "CatalogAdminResolver.products": ["STAFF", "ADMIN"],
  "CatalogAdminResolver.createProduct": ["STAFF", "ADMIN"],
  "CatalogAdminResolver.updateProduct": ["STAFF", "ADMIN"],
  "CatalogAdminResolver.removeProduct": ["STAFF", "ADMIN"],
  "CatalogAdminResolver.createVariant": ["STAFF", "ADMIN"],
  "CatalogAdminResolver.updateVariant": ["STAFF", "ADMIN"],
  "CatalogAdminResolver.removeVariant": ["STAFF", "ADMIN"],
  "CatalogAdminResolver.addReferencePrice": ["STAFF", "ADMIN"],
  "PickupPointAdminResolver.removePickupPoint": ["STAFF", "ADMIN"],
  "PartnerAdminResolver.issueApiKey": ["ADMIN"],
  "PartnerAdminResolver.revokeApiKey": ["ADMIN"],
  "PartnerAdminResolver.partnerOrganisations": ["ADMIN"],
  "IntakeAdminResolver.lots": ["STAFF", "ADMIN"],
  "IntakeAdminResolver.recordQualityCheck": ["STAFF", "ADMIN"],
  "IntakeAdminResolver.householdComplaints": ["STAFF", "ADMIN"],
  "IntakeAdminResolver.packingList": ["STAFF", "ADMIN"],
  "IntakeAdminResolver.markOrdersPickedUp": ["STAFF", "ADMIN"],
  "IntakeAdminResolver.markOrderNoShow": ["STAFF", "ADMIN"],
  "PartnerPartnerResolver.partnerOrganisation": ["STAFF", "FINANCE", "ADMIN", "PARTNER"],
  "PovertyLinePartnerResolver.povertyLines": ["STAFF", "FINANCE", "ADMIN", "PARTNER"],
};
