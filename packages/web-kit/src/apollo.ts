import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import type { ApolloCache, TypePolicies } from "@apollo/client";
import type { i18n as I18n } from "i18next";

/**
 * An SPA's Apollo Client: same-origin `uri` with the session cookie, the page's language as
 * `Accept-Language` (so the API's own messages and refusals match the page), and the union and
 * interface map generated from the schema snapshot so `... on ErrorResult` matches in the cache.
 */
export function createApolloClient(options: {
  uri: string;
  i18n: I18n;
  possibleTypes: Record<string, string[]>;
  typePolicies?: TypePolicies;
}): ApolloClient {
  const language = new ApolloLink((operation, forward) => {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, "accept-language": options.i18n.language },
    }));
    return forward(operation);
  });
  return new ApolloClient({
    link: ApolloLink.from([
      language,
      new HttpLink({ uri: options.uri, credentials: "same-origin" }),
    ]),
    cache: new InMemoryCache({
      possibleTypes: options.possibleTypes,
      typePolicies: options.typePolicies,
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
