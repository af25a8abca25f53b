import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ShopHome } from "./shop-home.js";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ShopHome />
  </StrictMode>,
);
