import { lazy, Suspense } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { Layout } from "./components/layout.js";
import { Loading } from "@nested/web-kit";
import { useT } from "./i18n/index.js";
import { AccountPage } from "./pages/account.js";
import { CartPage } from "./pages/cart.js";
import { HomePage } from "./pages/home.js";
import { OrderPage, OrdersPage } from "./pages/orders.js";
import { ProductPage } from "./pages/product.js";
import { VisitsPage } from "./pages/visits.js";

// The impact page (chart and table) loads on first visit, outside the initial JavaScript.
const ImpactPage = lazy(() => import("./pages/impact.js"));

function NotFound() {
  const { t } = useT();
  return <h1>{t("notFound")}</h1>;
}

/** Routes of the shop under `/shop/`. */
export function App() {
  return (
    <BrowserRouter basename={import.meta.env.BASE_URL.replace(/\/$/, "")}>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          <Route path="products/:id" element={<ProductPage />} />
          <Route path="cart" element={<CartPage />} />
          <Route path="orders" element={<OrdersPage />} />
          <Route path="orders/:id" element={<OrderPage />} />
          <Route path="visits" element={<VisitsPage />} />
          <Route path="account" element={<AccountPage />} />
          <Route
            path="impact"
            element={
              <Suspense fallback={<Loading />}>
                <ImpactPage />
              </Suspense>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
