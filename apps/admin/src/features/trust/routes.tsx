import { Route, Routes } from "react-router";
import { useT } from "../../i18n/index.js";

function Overview() {
  const { t } = useT();
  return <h1>{t("trust.title")}</h1>;
}

/** The trust events pages, under their own path. */
export function TrustRoutes() {
  return (
    <Routes>
      <Route index element={<Overview />} />
    </Routes>
  );
}
