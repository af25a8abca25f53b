import { useQuery } from "@apollo/client/react";
import { dateTime, localDate } from "@nested/domain";
import { QueryState } from "@nested/web-kit";
import { Link, useSearchParams } from "react-router";
import { Pager } from "../../components/pager.js";
import { useT } from "../../i18n/index.js";
import { useViewer } from "../../lib/viewer.js";
import { CyclesQuery } from "./documents.js";
import { GroupChoice } from "./group-choice.js";

const TAKE = 20;

/**
 * The order cycles of one producer group, newest first, 20 a page (`?group=…&skip=…` keep the
 * place when going back), each linking to its board; "new cycle" for those who manage cycles.
 */
export function CycleListPage() {
  const { t, language } = useT();
  const { can } = useViewer();
  const [params, setParams] = useSearchParams();
  const groupId = params.get("group") ?? "";
  const skip = Number(params.get("skip") ?? 0) || 0;
  const { data, loading, error, refetch } = useQuery(CyclesQuery, {
    variables: { producerGroupId: groupId || null, page: { skip, take: TAKE } },
    skip: !groupId,
  });
  const list = data?.orderCycles;
  return (
    <section className="stack">
      <h1>{t("cycles.title")}</h1>
      <div className="row">
        <GroupChoice
          value={groupId}
          onChange={(id) => setParams({ group: id }, { replace: !groupId })}
        />
        {can("cycle:manage") && (
          <Link className="button-link" to={`/cycles/new${groupId ? `?group=${groupId}` : ""}`}>
            {t("cycles.new")}
          </Link>
        )}
      </div>
      <QueryState
        loading={loading || !groupId}
        error={error}
        retry={() => void refetch()}
        hasData={!!list}
      />
      {list && (
        <>
          <div className="table-wrap">
            <table>
              <caption className="muted">{t("cycles.listCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("cycles.code")}</th>
                  <th scope="col">{t("cycles.state")}</th>
                  <th scope="col">{t("cycles.opensAt")}</th>
                  <th scope="col">{t("cycles.closesAt")}</th>
                  <th scope="col">{t("cycles.deliveryOn")}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/cycles/${c.id}`}>{c.code}</Link>
                    </td>
                    <td>{t(`cycleState.${c.state}`)}</td>
                    <td>{dateTime(c.opensAt, language)}</td>
                    <td>{dateTime(c.closesAt, language)}</td>
                    <td>{localDate(c.deliveryOn, language)}</td>
                  </tr>
                ))}
                {list.items.length === 0 && (
                  <tr>
                    <td colSpan={5}>{t("table.empty")}</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <Pager
            skip={skip}
            take={TAKE}
            total={list.totalItems}
            onSkip={(s) => setParams({ group: groupId, skip: String(s) })}
          />
        </>
      )}
    </section>
  );
}
