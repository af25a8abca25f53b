import { graphql } from "../../gql/index.js";

/** Trust events of the caller's groups, latest start first, one page at a time. */
export const TrustEventsQuery = graphql(`
  query TrustEvents($filter: TrustEventFilter, $page: PageInput!) {
    trustEvents(filter: $filter, page: $page) {
      totalItems
      items {
        id
        titleZh
        titleEn
        kind
        startsAt
        endsAt
        capacity
        placesLeft
        cancelledAt
        village {
          id
          nameZh
          nameEn
        }
      }
    }
  }
`);

/** Every field of a trust event that its page shows and edits. */
export const TrustEventFields = graphql(`
  fragment TrustEventFields on TrustEvent {
    id
    producerGroupId
    titleZh
    titleEn
    kind
    startsAt
    endsAt
    capacity
    openToConsumers
    notes
    cancelledAt
    placesLeft
    village {
      id
      nameZh
      nameEn
    }
    households {
      id
      code
      headName
    }
    signUps {
      id
      consumerHouseholdId
      consumerHouseholdName
      people
      state
    }
  }
`);

/** One trust event with its households and sign-ups. */
export const TrustEventQuery = graphql(`
  query TrustEvent($id: ID!) {
    trustEvent(id: $id) {
      __typename
      ...TrustEventFields
      ...RefusalFields
    }
  }
`);

/** Up to 100 households of a producer group (matching a code or name), to choose who takes part. */
export const GroupHouseholdsQuery = graphql(`
  query GroupHouseholds($producerGroupId: ID!, $search: String) {
    households(
      filter: { producerGroupId: $producerGroupId, search: $search }
      page: { skip: 0, take: 100 }
    ) {
      totalItems
      items {
        id
        code
        headName
      }
    }
  }
`);

/** A new trust event; an InvalidInputError names each field that is wrong. */
export const CreateTrustEventMutation = graphql(`
  mutation CreateTrustEvent($input: CreateTrustEventInput!) {
    createTrustEvent(input: $input) {
      __typename
      ...TrustEventFields
      ...RefusalFields
    }
  }
`);

/** Changes a trust event; a refusal changes nothing. */
export const UpdateTrustEventMutation = graphql(`
  mutation UpdateTrustEvent($id: ID!, $input: TrustEventChangesInput!) {
    updateTrustEvent(id: $id, input: $input) {
      __typename
      ...TrustEventFields
      ...RefusalFields
    }
  }
`);

/** Cancels a trust event; its sign-ups are kept and shown cancelled. */
export const CancelTrustEventMutation = graphql(`
  mutation CancelTrustEvent($id: ID!) {
    cancelTrustEvent(id: $id) {
      __typename
      ...TrustEventFields
      ...RefusalFields
    }
  }
`);

/** Replaces the households taking part (of the event's group only). */
export const SetTrustEventHouseholdsMutation = graphql(`
  mutation SetTrustEventHouseholds($id: ID!, $householdIds: [ID!]!) {
    setTrustEventHouseholds(id: $id, householdIds: $householdIds) {
      __typename
      ...TrustEventFields
      ...RefusalFields
    }
  }
`);

/** Records which consumer sign-ups came (ATTENDED) or did not. */
export const RecordAttendanceMutation = graphql(`
  mutation RecordAttendance($id: ID!, $entries: [AttendanceEntryInput!]!) {
    recordAttendance(id: $id, entries: $entries) {
      __typename
      ...TrustEventFields
      ...RefusalFields
    }
  }
`);
