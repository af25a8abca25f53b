import { QueryState } from "@nested/web-kit";

/**
 * A query's loading or failure in words (with retry) from its `useQuery` result, until it has
 * data (`hasData`, false by default: the caller shows this only while there is nothing to show).
 */
export function QueryStatus({
  query,
  hasData = false,
}: {
  query: {
    loading: boolean;
    error?: Parameters<typeof QueryState>[0]["error"];
    refetch(): unknown;
  };
  hasData?: boolean;
}) {
  return (
    <QueryState
      loading={query.loading}
      error={query.error}
      retry={() => void query.refetch()}
      hasData={hasData}
    />
  );
}
