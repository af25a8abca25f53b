import type { ErrorLike } from "@apollo/client";
import { useApolloClient } from "@apollo/client/react";
import { useTranslation } from "react-i18next";

/**
 * A polite "loading" line for screen readers and eyes. The app's strings must have
 * `state.loading`, `state.failed` and `state.retry`.
 */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {t("state.loading")}
    </p>
  );
}

/**
 * A query that failed (network down, server fault), with a retry that runs `retry` and fetches
 * every query on screen again (a failed network fails them all).
 */
export function Failed({ error, retry }: { error: ErrorLike; retry?: () => void }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  return (
    <div className="alert" role="alert">
      <p>{t("state.failed")}</p>
      <p className="muted small">{error.message}</p>
      <button
        type="button"
        onClick={() => {
          retry?.();
          void client.refetchQueries({ include: "active" }).catch(() => undefined);
        }}
      >
        {t("state.retry")}
      </button>
    </div>
  );
}

/** Loading or failure for a query; null when there is data to show. */
export function QueryState({
  loading,
  error,
  retry,
  hasData,
}: {
  loading: boolean;
  error?: ErrorLike;
  retry?: () => void;
  hasData: boolean;
}) {
  if (error && !hasData) return <Failed error={error} retry={retry} />;
  if (loading && !hasData) return <Loading />;
  return null;
}
