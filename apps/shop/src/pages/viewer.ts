import { useQuery } from "@apollo/client/react";
import { graphql } from "../gql/index.js";

const ViewerQuery = graphql(`
  query Viewer {
    me {
      id
      displayName
    }
  }
`);

const HouseholdQuery = graphql(`
  query Household {
    myHouseholdProfile {
      displayName
      consumerGroupName
      producerGroupId
      joinedAt
      locale
      defaultPickupPoint {
        id
      }
    }
  }
`);

/**
 * The signed-in caller (null when anonymous) and, once signed in, their household profile;
 * the household-only queries are skipped for anonymous visitors (the API refuses them).
 */
export function useViewer() {
  const viewer = useQuery(ViewerQuery);
  const me = viewer.data?.me ?? null;
  const household = useQuery(HouseholdQuery, { skip: !me });
  return {
    viewer,
    me,
    known: !!viewer.data,
    profile: me ? (household.data?.myHouseholdProfile ?? null) : null,
    household,
  };
}
