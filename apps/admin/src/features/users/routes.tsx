import { Route, Routes } from "react-router";
import { useT } from "../../i18n/index.js";

function Overview() {
  const { t } = useT();
  return <h1>{t("users.title")}</h1>;
}

/** The users and partner organisations pages, under their own path. */
export function UserRoutes() {
  return (
    <Routes>
      <Route index element={<Overview />} />
    </Routes>
  );
}
