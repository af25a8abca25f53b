import { Route, Routes } from "react-router";
import { HouseholdListPage } from "./household-list-page.js";
import { HouseholdPage } from "./household-page.js";

/** The household register pages: the list (`/households`) and one household (`/households/:id`). */
export function HouseholdRoutes() {
  return (
    <Routes>
      <Route index element={<HouseholdListPage />} />
      <Route path=":id" element={<HouseholdPage />} />
    </Routes>
  );
}
