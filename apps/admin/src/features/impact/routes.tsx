import { Route, Routes } from "react-router";
import { ImpactPage } from "./impact-page.js";

/** The impact pages, under their own path (lazy-loaded with ECharts). */
export function ImpactRoutes() {
  return (
    <Routes>
      <Route index element={<ImpactPage />} />
    </Routes>
  );
}
