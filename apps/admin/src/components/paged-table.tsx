import type { ReactNode } from "react";
import { QueryStatus } from "./query-status.js";
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
  query: Parameters<typeof QueryStatus>[0]["query"];
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
      <QueryStatus query={query} hasData={!!list} />
      {list && <RowsTable items={list.items} empty={t("table.empty")} head={head} row={row} />}
      {list && (
        <Pager skip={pages.skip} take={pages.take} total={list.totalItems} onSkip={pages.setSkip} />
      )}
    </>
  );
}

/**
 * Rows as a table in its scrolling frame: the head's `<th>` cells and a row per item from
 * `row(item)` (keyed by the caller), or the `empty` line (muted) when there are none.
 */
export function RowsTable<T>({
  items,
  empty,
  head,
  row,
}: {
  items: readonly T[];
  empty: string;
  head: ReactNode;
  row(item: T): ReactNode;
}) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{items.map(row)}</tbody>
      </table>
    </div>
  );
}
