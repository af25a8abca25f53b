import { ApolloArmor } from "@escape.tech/graphql-armor";

/**
 * Query limits on every endpoint (graphql-armor): depth, aliases, cost and directives, and — in
 * production — no "did you mean" schema suggestions in errors. Tokens: Apollo's `parseOptions`
 * (see app.ts).
 */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxCost: 5_000,
  maxTokens: 2_000,
  maxDirectives: 20,
} as const;

/** The Apollo plugins and validation rules that enforce {@link QUERY_LIMITS}. */
export function queryLimits(production: boolean) {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    costLimit: { maxCost: QUERY_LIMITS.maxCost },
    // Tokens are limited by graphql-js while Apollo parses (`parseOptions` in app.ts), so that a
    // long query answers 400 like any syntax error rather than the 500 armor's parser hook gives.
    maxTokens: { enabled: false },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: production },
  });
  return armor.protect();
}
