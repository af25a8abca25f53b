import { Route, Routes } from "react-router";
import { TrustEventList } from "./trust-event-list.js";
import { TrustEventNew } from "./trust-event-new.js";
import { TrustEventPage } from "./trust-event-page.js";

/** The trust events pages: the list, a new event, and one event with its people. */
export function TrustRoutes() {
  return (
    <Routes>
      <Route index element={<TrustEventList />} />
      <Route path="new" element={<TrustEventNew />} />
      <Route path=":id" element={<TrustEventPage />} />
    </Routes>
  );
}
