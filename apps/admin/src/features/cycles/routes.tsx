import { Route, Routes } from "react-router";
import { RequirePermission } from "../../components/guard.js";
import { IntakePage, PackingPage, PickupsPage } from "../intake/routes.js";
import { AllocationPage } from "./allocation-page.js";
import { CycleBoardPage } from "./cycle-board-page.js";
import { CycleListPage } from "./cycle-list-page.js";
import { DeclarationsPage } from "./declarations-page.js";
import { NewCyclePage } from "./new-cycle-page.js";
import { OffersPage } from "./offers-page.js";
import { OrdersPage } from "./orders-page.js";

/**
 * The order cycles pages under `/cycles`: the list, a new cycle, the board `/cycles/:id` and its
 * sub-pages (declarations, offers, orders, allocation) and the collection point's pages of the
 * intake feature (`/cycles/:id/intake`, `/packing`, `/pickups`). Each page needs the permission
 * of its main operation on the Admin API.
 */
export function CycleRoutes() {
  return (
    <Routes>
      <Route index element={<CycleListPage />} />
      <Route
        path="new"
        element={
          <RequirePermission permission="cycle:manage">
            <NewCyclePage />
          </RequirePermission>
        }
      />
      <Route path=":id" element={<CycleBoardPage />} />
      <Route path=":id/declarations" element={<DeclarationsPage />} />
      <Route
        path=":id/offers"
        element={
          <RequirePermission permission="cycle:manage">
            <OffersPage />
          </RequirePermission>
        }
      />
      <Route
        path=":id/orders"
        element={
          <RequirePermission permission="payment:record">
            <OrdersPage />
          </RequirePermission>
        }
      />
      <Route
        path=":id/allocation"
        element={
          <RequirePermission permission="intake:record">
            <AllocationPage />
          </RequirePermission>
        }
      />
      {(
        [
          ["intake", <IntakePage key="intake" />],
          ["packing", <PackingPage key="packing" />],
          ["pickups", <PickupsPage key="pickups" />],
        ] as const
      ).map(([path, page]) => (
        <Route
          key={path}
          path={`:id/${path}`}
          element={<RequirePermission permission="intake:record">{page}</RequirePermission>}
        />
      ))}
    </Routes>
  );
}
