import { lazy, Suspense } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { RequirePermission } from "./components/guard.js";
import { Layout } from "./components/layout.js";
import { Loading } from "@nested/web-kit";
import { CatalogRoutes } from "./features/catalog/routes.js";
import { CycleRoutes } from "./features/cycles/routes.js";
import { HomePage } from "./features/home/home-page.js";
import { HouseholdRoutes } from "./features/households/routes.js";
import { IntakeRoutes } from "./features/intake/routes.js";
import { SettlementRoutes } from "./features/settlements/routes.js";
import { SignInPage } from "./features/sign-in/sign-in-page.js";
import { TrustRoutes } from "./features/trust/routes.js";
import { UserRoutes } from "./features/users/routes.js";
import { useT } from "./i18n/index.js";

// The impact pages (ECharts) load on first visit, outside the initial JavaScript.
const ImpactRoutes = lazy(() =>
  import("./features/impact/routes.js").then((m) => ({ default: m.ImpactRoutes })),
);

function NotFound() {
  const { t } = useT();
  return <h1>{t("notFound")}</h1>;
}

/**
 * Routes of the admin SPA under `/admin/`: each feature has its own path and nested routes, shown
 * only to roles holding the permission of its main query (intake pages live under a cycle).
 */
export function App() {
  return (
    <BrowserRouter basename={import.meta.env.BASE_URL.replace(/\/$/, "")}>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          <Route path="sign-in" element={<SignInPage />} />
          <Route
            path="households/*"
            element={
              <RequirePermission permission="household:read">
                <HouseholdRoutes />
              </RequirePermission>
            }
          />
          <Route
            path="cycles/*"
            element={
              <RequirePermission permission="household:read">
                <CycleRoutes />
              </RequirePermission>
            }
          />
          <Route
            path="collection/*"
            element={
              <RequirePermission permission="intake:record">
                <IntakeRoutes />
              </RequirePermission>
            }
          />
          <Route
            path="settlements/*"
            element={
              <RequirePermission permission="settlement:approve">
                <SettlementRoutes />
              </RequirePermission>
            }
          />
          <Route
            path="trust-events/*"
            element={
              <RequirePermission permission="trust:manage">
                <TrustRoutes />
              </RequirePermission>
            }
          />
          <Route
            path="catalog/*"
            element={
              <RequirePermission permission="catalog:write">
                <CatalogRoutes />
              </RequirePermission>
            }
          />
          <Route
            path="users/*"
            element={
              <RequirePermission permission="user:manage">
                <UserRoutes />
              </RequirePermission>
            }
          />
          <Route
            path="impact/*"
            element={
              <RequirePermission permission="impact:read">
                <Suspense fallback={<Loading />}>
                  <ImpactRoutes />
                </Suspense>
              </RequirePermission>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
