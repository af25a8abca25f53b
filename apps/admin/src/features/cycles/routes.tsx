import { Route, Routes } from "react-router";
import { useT } from "../../i18n/index.js";

function Overview() {
  const { t } = useT();
  return <h1>{t("cycles.title")}</h1>;
}

/** The order cycles pages, under their own path. */
export function CycleRoutes() {
  return (
    <Routes>
      <Route index element={<Overview />} />
    </Routes>
  );
}
