import { graphql } from "../../gql/index.js";

/** The fields of a user account the users page shows and changes. */
export const UserFields = graphql(`
  fragment UserFields on UserAccount {
    id
    displayName
    email
    phone
    role
    active
    disabledAt
    partnerOrganisationId
    producerGroupIds
    createdAt
  }
`);

/** Accounts of every role by display name; search matches name, e-mail and phone. */
export const UsersQuery = graphql(`
  query Users($search: String, $role: Role, $staffSide: Boolean, $page: PageInput!) {
    users(search: $search, role: $role, staffSide: $staffSide, page: $page) {
      totalItems
      items {
        ...UserFields
      }
    }
  }
`);

/** Producer groups and partner organisations, to name and choose them in the users' forms. */
export const UserChoicesQuery = graphql(`
  query UserChoices {
    producerGroups {
      ...ProducerGroupNames
    }
    partnerOrganisations {
      id
      name
      suppressionK
      producerGroupCount
    }
  }
`);

/** Creates a STAFF, FINANCE, ADMIN or PARTNER account with an initial password. */
export const CreateStaffUserMutation = graphql(`
  mutation CreateStaffUser($input: CreateStaffUserInput!) {
    createStaffUser(input: $input) {
      __typename
      ...UserFields
      ...RefusalFields
    }
  }
`);

/** Gives an account another role (never your own, never the last admin). */
export const ChangeUserRoleMutation = graphql(`
  mutation ChangeUserRole($userId: ID!, $role: Role!, $partnerOrganisationId: ID) {
    changeUserRole(userId: $userId, role: $role, partnerOrganisationId: $partnerOrganisationId) {
      __typename
      ...UserFields
      ...RefusalFields
    }
  }
`);

/** Sets the producer groups a STAFF or FINANCE user works for. */
export const SetUserProducerGroupsMutation = graphql(`
  mutation SetUserProducerGroups($userId: ID!, $producerGroupIds: [ID!]!) {
    setUserProducerGroups(userId: $userId, producerGroupIds: $producerGroupIds) {
      __typename
      ...UserFields
      ...RefusalFields
    }
  }
`);

/** Deactivates an account and ends its sessions (not yourself, not the last admin). */
export const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($userId: ID!) {
    deactivateUser(userId: $userId) {
      __typename
      ...UserFields
      ...RefusalFields
    }
  }
`);

/** Lets a deactivated account sign in again. */
export const ReactivateUserMutation = graphql(`
  mutation ReactivateUser($userId: ID!) {
    reactivateUser(userId: $userId) {
      __typename
      ...UserFields
      ...RefusalFields
    }
  }
`);

/** The fields of a partner organisation's page: k, its groups and its keys (never secrets). */
export const PartnerDetailFields = graphql(`
  fragment PartnerDetailFields on PartnerOrganisationDetail {
    id
    name
    suppressionK
    producerGroupIds
    createdAt
    apiKeys {
      id
      prefix
      scopes
      createdAt
      lastUsedAt
      revokedAt
    }
  }
`);

/** One partner organisation with its producer groups and API keys. */
export const PartnerQuery = graphql(`
  query PartnerOrganisation($id: ID!) {
    partnerOrganisationDetail(id: $id) {
      __typename
      ...PartnerDetailFields
      ...RefusalFields
    }
  }
`);

/** Creates a partner organisation (k defaults to 5, never below 3). */
export const CreatePartnerMutation = graphql(`
  mutation CreatePartnerOrganisation($input: PartnerOrganisationChangesInput!) {
    createPartnerOrganisation(input: $input) {
      __typename
      ...PartnerDetailFields
      ...RefusalFields
    }
  }
`);

/** Changes a partner's name, k or the producer groups it may see. */
export const UpdatePartnerMutation = graphql(`
  mutation UpdatePartnerOrganisation($id: ID!, $input: PartnerOrganisationChangesInput!) {
    updatePartnerOrganisation(id: $id, input: $input) {
      __typename
      ...PartnerDetailFields
      ...RefusalFields
    }
  }
`);

/** Issues an API key; the answer holds the secret, which is never shown again. */
export const IssueApiKeyMutation = graphql(`
  mutation IssueApiKey($partnerOrganisationId: ID!) {
    issueApiKey(partnerOrganisationId: $partnerOrganisationId) {
      __typename
      ... on IssuedApiKey {
        id
        prefix
        key
        createdAt
      }
      ...RefusalFields
    }
  }
`);

/** Revokes an API key at once; false for an unknown id. */
export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id)
  }
`);
