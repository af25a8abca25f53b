import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AdminHome } from "./admin-home.js";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <AdminHome />
  </StrictMode>,
);
