import { QueryState } from "@nested/web-kit";
import type { ReactNode } from "react";
import { useT } from "../i18n/index.js";
import { Pager } from "./pager.js";

/**
 * One page of a paginated list (`page: { skip, take }` on the API, `totalItems` in its answer)
 * as a table: loading and failure in words (with retry), "no records" when the page is empty,
 * the head's cells, a row per item from `row(item)` (keyed by the caller), and the pager.
 */
export function PagedTable<T>({
  query,
  list,
  pages,
  head,
  row,
}: {
  /** The list's query as `useQuery` answers it: loading, failure and a way to ask again. */
  query: {
    loading: boolean;
    error?: Parameters<typeof QueryState>[0]["error"];
    refetch(): unknown;
  };
  /** The page the API answered (undefined while it loads or when it failed). */
  list: { totalItems: number; items: readonly T[] } | undefined;
  /** The page shown and how to move (`usePagedFilter`). */
  pages: { skip: number; take: number; setSkip(skip: number): void };
  /** The `<th>` cells of the head row. */
  head: ReactNode;
  row(item: T): ReactNode;
}) {
  const { t } = useT();
  return (
    <>
      <QueryState
        loading={query.loading}
        error={query.error}
        retry={() => void query.refetch()}
        hasData={!!list}
      />
      {list && list.items.length === 0 && <p className="muted">{t("table.empty")}</p>}
      {list && list.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>{head}</tr>
            </thead>
            <tbody>{list.items.map(row)}</tbody>
          </table>
        </div>
      )}
      {list && (
        <Pager skip={pages.skip} take={pages.take} total={list.totalItems} onSkip={pages.setSkip} />
      )}
    </>
  );
}
