import { Route, Routes } from "react-router";
import { useT } from "../../i18n/index.js";

function Overview() {
  const { t } = useT();
  return <h1>{t("catalog.title")}</h1>;
}

/** The products and prices pages, under their own path. */
export function CatalogRoutes() {
  return (
    <Routes>
      <Route index element={<Overview />} />
    </Routes>
  );
}
