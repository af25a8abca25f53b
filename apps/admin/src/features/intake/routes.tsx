import { Route, Routes } from "react-router";
import { useT } from "../../i18n/index.js";

function Overview() {
  const { t } = useT();
  return <h1>{t("intake.title")}</h1>;
}

/** The intake and quality check pages, under their own path. */
export function IntakeRoutes() {
  return (
    <Routes>
      <Route index element={<Overview />} />
    </Routes>
  );
}
