import { Route, Routes } from "react-router";
import { CatalogList } from "./catalog-list.js";
import { ProductNew } from "./product-new.js";
import { ProductPage } from "./product-page.js";

/** The products and prices pages: the list, a new product, and one product with its variants. */
export function CatalogRoutes() {
  return (
    <Routes>
      <Route index element={<CatalogList />} />
      <Route path="new" element={<ProductNew />} />
      <Route path=":id" element={<ProductPage />} />
    </Routes>
  );
}
