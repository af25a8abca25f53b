import { Route, Routes } from "react-router";
import { useT } from "../../i18n/index.js";
import { IntakePage } from "./intake-page.js";
import { PackingPage } from "./packing-page.js";
import { PickupsPage } from "./pickups-page.js";

export { IntakePage, PackingPage, PickupsPage };

function NoPage() {
  const { t } = useT();
  return <h1>{t("notFound")}</h1>;
}

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
      <Route path="*" element={<NoPage />} />
    </Routes>
  );
}
