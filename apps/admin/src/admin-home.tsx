import { ORDER_CYCLE_STATES } from "@nested/domain";

/** Placeholder staff page until the admin SPA issue builds the real screens. */
export function AdminHome() {
  return (
    <main>
      <h1>巢状市场 · 项目管理</h1>
      <p>每月周期：{ORDER_CYCLE_STATES.join(" → ")}</p>
      <p>
        GraphQL: <a href="/admin/graphql">/admin/graphql</a>
      </p>
    </main>
  );
}
