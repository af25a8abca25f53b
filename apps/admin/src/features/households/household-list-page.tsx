import { useQuery } from "@apollo/client/react";
import { pick, shortDate } from "@nested/domain";
import { QueryState } from "@nested/web-kit";
import { useRef } from "react";
import { Link, useSearchParams } from "react-router";
import { Pager } from "../../components/pager.js";
import type { HouseholdSortField } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { HouseholdFilters } from "./household-filters.js";
import {
  DEFAULT_LIST_STATE,
  type ListUpdate,
  type HouseholdListState,
  listStateToParams,
  listVariables,
  PAGE_SIZE,
  parseListState,
  withSortBy,
} from "./list-url-state.js";
import { HouseholdListQuery } from "./queries.js";

const COLUMN_KEYS: Record<HouseholdSortField, string> = {
  CODE: "code",
  HEAD_NAME: "headName",
  JOINED_ON: "joinedOn",
  SIZE: "size",
};

/** A column header that sorts the list by its column (again: the other way), with aria-sort. */
function SortHeader({
  field,
  state,
  onChange,
  numeric = false,
}: {
  field: HouseholdSortField;
  state: HouseholdListState;
  onChange(update: ListUpdate): void;
  numeric?: boolean;
}) {
  const { t } = useT();
  const label = t(`households.list.${COLUMN_KEYS[field]}`);
  const active = state.sort.field === field;
  const ariaSort = active ? (state.sort.direction === "ASC" ? "ascending" : "descending") : "none";
  return (
    <th scope="col" aria-sort={ariaSort} className={numeric ? "num" : undefined}>
      <button
        type="button"
        className="sort-button"
        title={t("households.list.sortBy", { column: label })}
        onClick={() => onChange((latest) => withSortBy(latest, field))}
      >
        {label}
        <span aria-hidden="true">
          {active ? (state.sort.direction === "ASC" ? " ▲" : " ▼") : ""}
        </span>
      </button>
    </th>
  );
}

/**
 * The household register: a searchable, filterable, sortable table, a page at a time. The whole
 * view (search, filters, sort, page) lives in the URL query, so a link or the back button shows
 * the same rows again.
 */
export function HouseholdListPage() {
  const { t, language } = useT();
  const [params, setParams] = useSearchParams();
  const state = parseListState(params);
  // The view the last change asked for, ahead of the render that shows it: two quick changes
  // (clear the filters, then pick a village) each build on the one before, never on a stale view.
  const latest = useRef({ seen: params, wanted: params });
  if (latest.current.seen !== params) latest.current = { seen: params, wanted: params };
  const { data, previousData, loading, error, refetch } = useQuery(HouseholdListQuery, {
    variables: listVariables(state),
  });
  const shown = data ?? previousData;
  const go = (update: ListUpdate) => {
    const next = listStateToParams(update(parseListState(latest.current.wanted)));
    latest.current.wanted = next;
    setParams(next);
  };
  const sortColumn = t(`households.list.${COLUMN_KEYS[state.sort.field]}`);
  const direction = t(
    state.sort.direction === "ASC" ? "households.list.ascending" : "households.list.descending",
  );
  const filtered = listStateToParams({ ...state, sort: DEFAULT_LIST_STATE.sort, page: 1 }).size > 0;
  return (
    <section className="stack household-list">
      <h1>{t("households.title")}</h1>
      <HouseholdFilters state={state} groups={shown?.producerGroups ?? []} onChange={go} />
      {filtered && (
        <p>
          <button
            type="button"
            onClick={() => go((latest) => ({ ...DEFAULT_LIST_STATE, sort: latest.sort }))}
          >
            {t("households.list.clear")}
          </button>
        </p>
      )}
      <QueryState loading={loading} error={error} retry={() => void refetch()} hasData={!!shown} />
      {shown && (
        <>
          <div className="table-wrap" aria-busy={loading || !data}>
            <table>
              <caption className="muted small">
                {t("households.list.caption", { column: sortColumn, direction })}
              </caption>
              <thead>
                <tr>
                  <SortHeader field="CODE" state={state} onChange={go} />
                  <SortHeader field="HEAD_NAME" state={state} onChange={go} />
                  <th scope="col">{t("households.list.villageColumn")}</th>
                  <SortHeader field="SIZE" state={state} onChange={go} numeric />
                  <th scope="col">{t("households.list.registeredPoor")}</th>
                  <th scope="col">{t("households.list.membership")}</th>
                  <SortHeader field="JOINED_ON" state={state} onChange={go} />
                </tr>
              </thead>
              <tbody>
                {shown.households.items.map((h) => (
                  <tr key={h.id}>
                    <td>
                      <Link to={h.id} state={{ from: `/households?${params.toString()}` }}>
                        {h.code}
                      </Link>
                    </td>
                    <td lang="zh-CN">{h.headName}</td>
                    <td lang={language === "en" ? "en" : "zh-CN"}>
                      {pick(language, h.village.nameZh, h.village.nameEn)}
                    </td>
                    <td className="num">{h.size}</td>
                    <td>{h.registeredPoor ? t("households.list.yes") : t("households.list.no")}</td>
                    <td>
                      {h.membershipState
                        ? t(`households.membership.${h.membershipState}`)
                        : t("households.list.none")}
                    </td>
                    <td>{h.joinedOn ? shortDate(h.joinedOn, language) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {shown.households.items.length === 0 && <p className="muted">{t("table.empty")}</p>}
          <Pager
            skip={(state.page - 1) * PAGE_SIZE}
            take={PAGE_SIZE}
            total={shown.households.totalItems}
            onSkip={(skip) =>
              go((latest) => ({ ...latest, page: Math.floor(skip / PAGE_SIZE) + 1 }))
            }
          />
        </>
      )}
    </section>
  );
}
