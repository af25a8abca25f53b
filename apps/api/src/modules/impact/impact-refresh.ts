import type { DataSource, EntityManager } from "typeorm";

/** What one refresh did to one view. */
export interface RefreshedView {
  /** The materialized view's name (schema-qualified when not in public). */
  view: string;
  /** CONCURRENTLY (readers never blocked) or PLAIN (never populated, or asked for). */
  mode: "CONCURRENTLY" | "PLAIN";
}

interface MatviewRow {
  schemaname: string;
  matviewname: string;
  ispopulated: boolean;
}

function quoted(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/**
 * Refreshes every materialized view whose name starts with `impact_` (pg_matviews, any schema,
 * by name), one after the other, and answers what was done; none such → [] (nothing to do).
 *
 * A populated view is refreshed CONCURRENTLY, so partners reading it are never blocked (that
 * needs a unique index on the view: a view without one fails with PostgreSQL's error). A view
 * created WITH NO DATA cannot be refreshed concurrently; it gets a plain REFRESH, which fills it.
 * Not inside a transaction of the caller's: REFRESH … CONCURRENTLY cannot run in one.
 *
 * `{ concurrently: false }` refreshes every view plainly, inside the caller's transaction if
 * there is one: for a database nobody reads yet (the demo seed, tests), where blocking readers
 * during the refresh does not matter.
 */
export async function refreshImpactViews(
  db: DataSource | EntityManager,
  { concurrently = true }: { concurrently?: boolean } = {},
): Promise<RefreshedView[]> {
  const views = (await db.query(
    `SELECT schemaname, matviewname, ispopulated FROM pg_matviews
      WHERE matviewname LIKE 'impact\\_%' ORDER BY schemaname, matviewname`,
  )) as MatviewRow[];
  const done: RefreshedView[] = [];
  for (const row of views) {
    const name = `${quoted(row.schemaname)}.${quoted(row.matviewname)}`;
    const mode = concurrently && row.ispopulated ? "CONCURRENTLY" : "PLAIN";
    await db.query(
      `REFRESH MATERIALIZED VIEW ${mode === "CONCURRENTLY" ? "CONCURRENTLY " : ""}${name}`,
    );
    done.push({
      view: row.schemaname === "public" ? row.matviewname : `${row.schemaname}.${row.matviewname}`,
      mode,
    });
  }
  return done;
}
