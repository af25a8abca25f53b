import type { ApolloClient } from "@apollo/client";
import { createApolloClient as createSpaClient } from "@nested/web-kit";
import possibleTypes from "../gql/possible-types.js";
import { i18n } from "../i18n/index.js";

export { evictRootFields } from "@nested/web-kit";

/** The shop's Apollo Client on `/shop/graphql` (see `@nested/web-kit`'s createApolloClient). */
export function createApolloClient(uri = `${import.meta.env.BASE_URL}graphql`): ApolloClient {
  return createSpaClient({
    uri,
    i18n,
    possibleTypes: possibleTypes.possibleTypes,
    typePolicies: {
      // The caller's household has no id: one per session.
      MyHouseholdProfile: { keyFields: [] },
      ImpactSummary: { keyFields: ["year"] },
    },
  });
}
