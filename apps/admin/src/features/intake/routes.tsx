import { Route, Routes } from "react-router";
import { IntakePage } from "./intake-page.js";
import { PackingPage } from "./packing-page.js";
import { PickupsPage } from "./pickups-page.js";

export { IntakePage, PackingPage, PickupsPage };

/**
 * The collection point's pages of one cycle, relative to where they are mounted:
 * `:id/intake` (quality check), `:id/packing` (packing lists, print and CSV) and `:id/pickups`
 * (marking pickups). Each page reads the cycle id from `useParams().id`, so the cycle board may
 * mount the page components under its own `:id` routes instead.
 */
export function IntakeRoutes() {
  return (
    <Routes>
      <Route path=":id/intake" element={<IntakePage />} />
      <Route path=":id/packing" element={<PackingPage />} />
      <Route path=":id/pickups" element={<PickupsPage />} />
    </Routes>
  );
}
