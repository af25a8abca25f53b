import { useQuery } from "@apollo/client/react";
import { QueryState } from "@nested/web-kit";
import type { ReactNode } from "react";
import { Link, useMatch, useParams } from "react-router";
import { ErrorResultMessage } from "../../components/error-result.js";
import type { CycleQuery as CycleQueryResult } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { CycleQuery } from "../../lib/documents/cycle.js";
import { ProducerGroupChoicesQuery } from "../../lib/documents/producer-groups.js";
import { pick } from "@nested/domain";

/** The cycle of the page (`/cycles/:id/…`), as the Admin API answers it. */
export type BoardCycle = Extract<CycleQueryResult["orderCycle"], { __typename: "AdminOrderCycle" }>;

/**
 * Loads the cycle of the URL and renders `children(cycle)` under a heading with the code and
 * the producer group (Sanggang's and Baoshi's boards look alike otherwise), with a link back to
 * the board from its sub-pages; loading, failure and "not found" (also another group's cycle)
 * in words.
 */
export function WithCycle({
  title,
  children,
}: {
  title: string;
  children(cycle: BoardCycle): ReactNode;
}) {
  const { t, language } = useT();
  const { id = "" } = useParams();
  const onBoard = useMatch("/cycles/:id") !== null;
  const { data, loading, error, refetch } = useQuery(CycleQuery, { variables: { id } });
  const groups = useQuery(ProducerGroupChoicesQuery).data?.producerGroups ?? [];
  const state = (
    <QueryState loading={loading} error={error} retry={() => void refetch()} hasData={!!data} />
  );
  if (!data) return state;
  const found = data.orderCycle;
  if (found.__typename !== "AdminOrderCycle") {
    return (
      <section>
        <h1>{title}</h1>
        {"message" in found && <ErrorResultMessage error={found} />}
        <Link to="/cycles">{t("cycles.backToList")}</Link>
      </section>
    );
  }
  const group = groups.find((g) => g.id === found.producerGroupId);
  return (
    <section className="stack">
      {!onBoard && (
        <p className="no-print">
          <Link to={`/cycles/${found.id}`}>{t("cycles.backToBoard", { code: found.code })}</Link>
        </p>
      )}
      <h1>
        {title} · {found.code}
      </h1>
      {group && (
        <p className="muted" lang={language === "en" && group.nameEn ? "en" : "zh-CN"}>
          {pick(language, group.nameZh, group.nameEn)}
        </p>
      )}
      {children(found)}
    </section>
  );
}
