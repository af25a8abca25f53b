import type { ApolloCache } from "@apollo/client";
import { evictRootFields } from "../../lib/apollo.js";

/**
 * The `update` of every settlement mutation: the lists, the settlement and the reconciliation are
 * fetched again, since a change of one settlement moves the cycle's figures and states.
 */
export const refreshSettlements = {
  update: (cache: ApolloCache) =>
    evictRootFields(cache, ["settlements", "settlement", "reconciliation"]),
};
