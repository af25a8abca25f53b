import { Link, Navigate } from "react-router";
import { Loading } from "@nested/web-kit";
import { NAV_ITEMS } from "../../components/nav-items.js";
import { useT } from "../../i18n/index.js";
import { useViewer } from "../../lib/viewer.js";

/** The home page: a greeting and the sections this user's role may open. */
export function HomePage() {
  const { t } = useT();
  const { viewer, loading, can } = useViewer();
  if (loading) return <Loading />;
  if (!viewer) return <Navigate to="/sign-in" replace />;
  return (
    <section>
      <h1>{t("home.title", { name: viewer.displayName })}</h1>
      <p className="muted">{t("home.lead")}</p>
      <ul className="tiles">
        {NAV_ITEMS.filter((item) => can(item.permission)).map((item) => (
          <li key={item.to}>
            <Link to={item.to}>{t(item.label)}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
