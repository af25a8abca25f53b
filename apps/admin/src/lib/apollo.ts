import type { ApolloClient } from "@apollo/client";
import { createApolloClient as createSpaClient } from "@nested/web-kit";
import possibleTypes from "../gql/possible-types.js";
import { i18n } from "../i18n/index.js";

export { evictRootFields } from "@nested/web-kit";

/** The admin SPA's Apollo Client on `/admin/graphql` (see `@nested/web-kit`). */
export function createApolloClient(uri = `${import.meta.env.BASE_URL}graphql`): ApolloClient {
  return createSpaClient({ uri, i18n, possibleTypes: possibleTypes.possibleTypes });
}
