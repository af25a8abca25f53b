import { useMutation } from "@apollo/client/react";
import { useEffect } from "react";
import { NavLink, Outlet } from "react-router";
import { useCart } from "../cart/cart.js";
import { graphql } from "../gql/index.js";
import { setLanguage, useT } from "../i18n/index.js";
import { useViewer } from "../pages/viewer.js";

const SaveLocaleMutation = graphql(`
  mutation SaveLocale($locale: String!) {
    updateMyProfile(input: { locale: $locale }) {
      __typename
      ... on MyHouseholdProfile {
        locale
      }
    }
  }
`);

/**
 * Page frame: skip link, header with the language switch (saved on the household's profile when
 * signed in), navigation, main landmark, footer.
 */
export function Layout() {
  const { t, language } = useT();
  const cart = useCart();
  const count = cart.lines.reduce((n, l) => n + l.quantity, 0);
  const other = language === "en" ? "zh-CN" : "en";
  const { profile } = useViewer();
  const [saveLocale] = useMutation(SaveLocaleMutation);
  useEffect(() => {
    document.title = t("brand");
    document.documentElement.lang = language;
  }, [t, language]);
  return (
    <>
      <a className="skip" href="#main">
        {t("nav.skip")}
      </a>
      <header className="top">
        <NavLink to="/" className="brand">
          {t("brand")}
        </NavLink>
        <button
          type="button"
          className="lang"
          lang={other}
          onClick={() => {
            setLanguage(other);
            // A household's language is kept on its profile too (the market writes to it in it).
            if (profile) void saveLocale({ variables: { locale: other } }).catch(() => undefined);
          }}
          aria-label={other === "en" ? "Switch to English" : "切换到中文"}
        >
          {other === "en" ? "English" : "中文"}
        </button>
      </header>
      <nav className="nav" aria-label={t("nav.label")}>
        <NavLink to="/" end>
          {t("nav.home")}
        </NavLink>
        <NavLink to="/cart">{t("nav.cart", { count })}</NavLink>
        <NavLink to="/orders">{t("nav.orders")}</NavLink>
        <NavLink to="/visits">{t("nav.visits")}</NavLink>
        <NavLink to="/impact">{t("nav.impact")}</NavLink>
        <NavLink to="/account">{t("nav.account")}</NavLink>
      </nav>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="foot">
        <p>{t("footer")}</p>
      </footer>
    </>
  );
}
