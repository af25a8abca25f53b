import { graphql } from "../../gql/index.js";

/** A page of the household register with the filters' choices (groups and their villages). */
export const HouseholdListQuery = graphql(`
  query HouseholdList($filter: HouseholdFilter, $sort: HouseholdSort, $page: PageInput!) {
    households(filter: $filter, sort: $sort, page: $page) {
      totalItems
      items {
        id
        code
        headName
        size
        registeredPoor
        membershipState
        joinedOn
        producerGroupId
        village {
          id
          nameZh
          nameEn
        }
      }
    }
    producerGroups {
      id
      nameZh
      nameEn
      village {
        id
        nameZh
        nameEn
      }
    }
  }
`);

/** One household with everything the caller may see (sensitive fields null without the right). */
export const HouseholdQuery = graphql(`
  query Household($id: ID!) {
    household(id: $id) {
      __typename
      ... on Household {
        id
        code
        headName
        headSex
        headAgeBand
        size
        registeredPoor
        membershipState
        joinedOn
        leftOn
        producerGroupId
        displayName
        village {
          id
          nameZh
          nameEn
          township
        }
        livelihoodResources {
          hens
          pigs
          goats
          walnutTrees
          chestnutTrees
          persimmonTrees
          beehives
          landMu
        }
        consents {
          id
          kind
          grantedOn
          method
          withdrawnOn
        }
        sensitiveDataVisible
        members {
          id
          relation
          sex
          birthYear
          healthNote
          disability
          migrantWorker
        }
        years {
          id
          year
          povertyStatus
          perCapitaNetIncomeYuan
        }
        causesOfPoverty
        idNumber
        bankAccount
      }
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`);

/** The cycles a household took part in: units, sales and payout. */
export const HouseholdHistoryQuery = graphql(`
  query HouseholdHistory($householdId: ID!) {
    householdHistory(householdId: $householdId) {
      orderCycleId
      code
      state
      deliveryOn
      declaredUnits
      allocatedUnits
      acceptedUnits
      salesFen
      payoutFen
      settlementState
      corrections
    }
  }
`);

/** The audit trail of a household (audit:read). */
export const HouseholdAuditQuery = graphql(`
  query HouseholdAudit($entityId: ID!, $page: PageInput!) {
    auditLog(entityType: "Household", entityId: $entityId, page: $page) {
      totalItems
      items {
        id
        at
        actorUserId
        action
        before
        after
      }
    }
  }
`);

/** Basic changes to a household (household:write). */
export const UpdateHouseholdMutation = graphql(`
  mutation UpdateHousehold($id: ID!, $input: HouseholdChangesInput!) {
    updateHousehold(id: $id, input: $input) {
      __typename
      ... on Household {
        id
        code
        headName
        headSex
        headAgeBand
        size
        registeredPoor
        displayName
        livelihoodResources {
          hens
          pigs
          goats
          walnutTrees
          chestnutTrees
          persimmonTrees
          beehives
          landMu
        }
      }
      ... on ErrorResult {
        errorCode
        message
      }
      ... on InvalidInputError {
        problems {
          field
          message
        }
      }
    }
  }
`);

/** One year's poverty status and per-capita net income (household:write-sensitive). */
export const SetHouseholdYearMutation = graphql(`
  mutation SetHouseholdYear(
    $householdId: ID!
    $year: Int!
    $povertyStatus: PovertyStatus!
    $perCapitaNetIncomeYuan: Int!
  ) {
    setHouseholdYear(
      householdId: $householdId
      year: $year
      povertyStatus: $povertyStatus
      perCapitaNetIncomeYuan: $perCapitaNetIncomeYuan
    ) {
      __typename
      ... on HouseholdYear {
        id
        year
        povertyStatus
        perCapitaNetIncomeYuan
      }
      ... on ErrorResult {
        errorCode
        message
      }
      ... on InvalidInputError {
        problems {
          field
          message
        }
      }
    }
  }
`);

/** The staff accounts (names of who changed what in the audit trail; user:manage). */
export const StaffNamesQuery = graphql(`
  query StaffNames {
    staff: users(role: STAFF, page: { skip: 0, take: 100 }) {
      items {
        id
        displayName
      }
    }
    finance: users(role: FINANCE, page: { skip: 0, take: 100 }) {
      items {
        id
        displayName
      }
    }
    admins: users(role: ADMIN, page: { skip: 0, take: 100 }) {
      items {
        id
        displayName
      }
    }
  }
`);
