import type { EntityManager } from "typeorm";

/**
 * Refreshes, one after the other and not concurrently, every materialized view of the public
 * schema named `impact_*` (migration ImpactViews), so the impact metrics see the data written
 * so far. For a database nobody reads yet — the demo seed, tests — where blocking readers
 * during the refresh does not matter; the running market refreshes them CONCURRENTLY in the job
 * after each settlement. Returns the names of the views refreshed, sorted.
 */
export async function refreshImpactViewsNow(manager: EntityManager): Promise<string[]> {
  const rows: { name: string }[] = await manager.query(
    `SELECT matviewname AS name FROM pg_matviews
     WHERE schemaname = 'public' AND matviewname LIKE 'impact\\_%' ORDER BY matviewname`,
  );
  for (const { name } of rows) await manager.query(`REFRESH MATERIALIZED VIEW "${name}"`);
  return rows.map((row) => row.name);
}
