import { Route, Routes } from "react-router";
import { RequirePermission } from "../../components/guard.js";
import { PartnerList } from "./partner-list.js";
import { PartnerPage } from "./partner-page.js";
import { UserList } from "./user-list.js";

/**
 * The users pages (user:manage) and, under `partners`, the partner organisations with their API
 * keys (partner:manage); both ADMIN only.
 */
export function UserRoutes() {
  return (
    <Routes>
      <Route index element={<UserList />} />
      <Route
        path="partners"
        element={
          <RequirePermission permission="partner:manage">
            <PartnerList />
          </RequirePermission>
        }
      />
      <Route
        path="partners/:id"
        element={
          <RequirePermission permission="partner:manage">
            <PartnerPage />
          </RequirePermission>
        }
      />
    </Routes>
  );
}
