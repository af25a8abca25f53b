import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import type { ApolloCache } from "@apollo/client";
import possibleTypes from "../gql/possible-types.js";
import { i18n } from "../i18n/index.js";

/**
 * The shop's Apollo Client: same-origin `/shop/graphql` with the session cookie, the current
 * language as `Accept-Language` (so the API's own messages match the page), and the union and
 * interface map generated from the schema snapshot so `... on ErrorResult` matches in the cache.
 */
export function createApolloClient(uri = `${import.meta.env.BASE_URL}graphql`): ApolloClient {
  const language = new ApolloLink((operation, forward) => {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, "accept-language": i18n.language },
    }));
    return forward(operation);
  });
  return new ApolloClient({
    link: ApolloLink.from([language, new HttpLink({ uri, credentials: "same-origin" })]),
    cache: new InMemoryCache({
      possibleTypes: possibleTypes.possibleTypes,
      typePolicies: {
        // The caller's household has no id: one per session.
        MyHouseholdProfile: { keyFields: [] },
        ImpactSummary: { keyFields: ["year"] },
      },
    }),
  });
}

/**
 * Drops root fields from the cache after a mutation, so every query still on screen that read
 * them fetches them again (Apollo refetches watched queries whose data went missing).
 */
export function evictRootFields(cache: ApolloCache, fields: readonly string[]): void {
  for (const fieldName of fields) cache.evict({ id: "ROOT_QUERY", fieldName });
  cache.gc();
}
