import type { Permission } from "@nested/domain";
import type { ReactNode } from "react";
import { Link, Navigate, useLocation } from "react-router";
import { useT } from "../i18n/index.js";
import { useViewer } from "../lib/viewer.js";
import { Loading } from "@nested/web-kit";

/**
 * Shows `children` only to a signed-in user whose role holds `permission`: nobody signed in goes
 * to the sign-in page (and back here after it); a role without it sees a refusal in words. The
 * API refuses the same operations on its own — this only keeps the screens honest.
 */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const { t } = useT();
  const { viewer, loading, can } = useViewer();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!viewer) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (!can(permission)) {
    return (
      <section>
        <h1>{t("guard.refusedTitle")}</h1>
        <p role="alert">{t("guard.refused", { role: t(`role.${viewer.role}`) })}</p>
        <Link to="/">{t("guard.backHome")}</Link>
      </section>
    );
  }
  return <>{children}</>;
}
