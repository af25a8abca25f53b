export { createApolloClient, evictRootFields } from "./apollo.js";
export { createSpaI18n, type SpaI18n, useT } from "./i18n.js";
export { Failed, Loading, QueryState } from "./states.js";
